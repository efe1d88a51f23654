from django import template

from kb.templatetags.kb_tags import current_params, query_string

register = template.Library()


@register.simple_tag(takes_context=True)
def facet_links(context, facet) -> list[tuple]:
    """Each value of ``facet`` with its link: one that chooses it, or removes it if chosen."""
    others = current_params(context["request"])
    others.pop(facet.param, None)
    return [
        (value, query_string(others if value.selected else {**others, facet.param: value.value}))
        for value in facet.values
    ]
