from django import template

from kb.templatetags.kb_tags import query_with

register = template.Library()


@register.simple_tag(takes_context=True)
def facet_url(context, param: str, value: str = "") -> str:
    """The current search with one facet set to ``value`` (or removed when empty)."""
    return query_with(context, **{param: value})
