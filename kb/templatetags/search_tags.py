from django import template

from kb.templatetags.kb_tags import current_params, query_string

register = template.Library()


@register.filter
def as_typed(query: str) -> str:
    """The query as the person typed it, trimmed and with single spaces, to show back."""
    return " ".join(query.split())


@register.simple_tag(takes_context=True)
def facet_links(context, facet) -> list[tuple]:
    """Each value of ``facet`` with its link: one that chooses it, or removes it if chosen."""
    others = current_params(context["request"])
    others.pop(facet.param, None)
    return [
        (value, query_string(others if value.selected else {**others, facet.param: value.value}))
        for value in facet.values
    ]


@register.simple_tag(takes_context=True)
def chosen_filters(context, facets) -> list[tuple]:
    """Each chosen facet value with its facet and the link that removes it."""
    return [
        (facet, value, url)
        for facet in facets
        for value, url in facet_links(context, facet)
        if value.selected
    ]
