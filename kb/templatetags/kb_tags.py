from urllib.parse import urlencode

from django import template

register = template.Library()


@register.filter
def is_within(page, section) -> bool:
    """True when the page is the section itself or lies below it."""
    return bool(page and getattr(page, "path", "").startswith(section.path))


def current_params(request) -> dict[str, str]:
    """The query string's parameters (the last value of each) without the page number:
    changing a filter always goes back to the first page of results."""
    return {key: value for key, value in request.GET.items() if key != "side"}


def query_string(params: dict) -> str:
    return "?" + urlencode(sorted(params.items())) if params else "?"


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters changed; an empty value removes one."""
    params = current_params(context["request"])
    for key, value in changes.items():
        params.pop(key, None)
        if value not in ("", None):
            params[key] = value
    return query_string(params)
