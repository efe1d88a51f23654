from urllib.parse import urlencode

from django import template

register = template.Library()


@register.filter
def is_within(page, section) -> bool:
    """True when the page is the section itself or lies below it."""
    return bool(page and getattr(page, "path", "").startswith(section.path))


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters changed; an empty value removes one.
    Changing a filter always goes back to the first page of results."""
    params = context["request"].GET.copy()
    params.pop("side", None)
    for key, value in changes.items():
        params.pop(key, None)
        if value not in ("", None):
            params[key] = value
    return "?" + urlencode(sorted(params.items())) if params else "?"
