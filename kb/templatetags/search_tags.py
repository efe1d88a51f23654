from django import template
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from kb.search.query import AS_STRAIGHT_QUOTES
from kb.templatetags.kb_tags import current_params, query_string

register = template.Library()


SHOWN_BACK = 100  # characters of a query repeated in the heading and the title


@register.filter
def as_typed(query: str) -> str:
    """The query as the person typed it, trimmed and with single spaces, to show back; a long
    one (a pasted paragraph) cut short."""
    return Truncator(" ".join(query.split())).chars(SHOWN_BACK)


@register.filter
def between_guillemets(query: str) -> str:
    """The query as typed, to show between »«: one that is a single quoted phrase without its
    own quotes, which would show twice (»"de små skridt"«, »»de små skridt««), and any other
    quotes in it as " (»de "små" skridt«)."""
    shown = as_typed(query).translate(AS_STRAIGHT_QUOTES)
    is_one_phrase = len(shown) > 2 and shown[0] == shown[-1] == '"' and '"' not in shown[1:-1]
    return shown[1:-1].strip() if is_one_phrase else shown


@register.filter
def quoted_list(words: list[str], conjunction: str = "eller") -> str:
    """»hash«, »pot« eller »skunk«, as in "Ingen sider indeholder …", or with "og"."""
    quoted = [f"»{word}«" for word in words]
    if len(quoted) < 2:
        return "".join(quoted)
    joined = {"og": _("%(first)s og %(last)s"), "eller": _("%(first)s eller %(last)s")}
    return joined[conjunction] % {"first": ", ".join(quoted[:-1]), "last": quoted[-1]}


@register.simple_tag
def search_page_title(outcome, typed: str) -> str:
    """The window's title: what was searched for, the filters chosen and the page number, so
    tabs, bookmarks and the browser's history tell one search from another."""
    parts = [_("Søgning: %(query)s") % {"query": as_typed(typed)} if typed.strip() else _("Søg")]
    parts += [
        f"{facet.label}: {value.label}"
        for facet in outcome.facets
        for value in facet.values
        if value.selected
    ]
    if outcome.results.number > 1:
        parts.append(_("side %(number)s") % {"number": outcome.results.number})
    return " · ".join(parts)


def without(params: dict, param: str) -> dict:
    return {key: value for key, value in params.items() if key != param}


# A facet with more values than FOLD_ABOVE shows its first VALUES_SHOWN and folds the rest
# away: seventeen years took half a phone's facets. Folding one or two hides more than it saves.
VALUES_SHOWN = 6
FOLD_ABOVE = 8


@register.simple_tag(takes_context=True)
def facet_links(context, facet) -> tuple[list[tuple], list[tuple]]:
    """Each value of ``facet`` with its link (one that chooses it, or removes it if chosen),
    as the values shown and the values folded away."""
    others = without(current_params(context["request"]), facet.param)
    removing = query_string(others)
    links = [
        (value, removing if value.selected else query_string({**others, facet.param: value.value}))
        for value in facet.values
    ]
    if len(links) <= FOLD_ABOVE:
        return links, []
    return links[:VALUES_SHOWN], links[VALUES_SHOWN:]


@register.simple_tag(takes_context=True)
def chosen_filters(context, facets) -> list[tuple]:
    """Each chosen facet value with its facet and the link that removes it."""
    params = current_params(context["request"])
    return [
        (facet, value, query_string(without(params, facet.param)))
        for facet in facets
        for value in facet.values
        if value.selected
    ]
