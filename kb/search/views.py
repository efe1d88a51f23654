"""The search page (/soeg/) and its autocomplete endpoint (/soeg/autocomplete/)."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kb.search.autocomplete import suggestions
from kb.search.facets import FacetSelection, topics_with_material
from kb.search.results import SORT_NEWEST, SORT_RELEVANCE, search

POPULAR_TOPICS = 6
# ?som_skrevet=ja: search the words as typed, without the corrections.
AS_TYPED = "som_skrevet"


@require_GET
def search_view(request):
    text = request.GET.get("q", "")
    sort = SORT_NEWEST if request.GET.get("sorter") == SORT_NEWEST else SORT_RELEVANCE
    # The secretariat's own checking (a page, a query from a report) is not logged: the search
    # reports are of what visitors look for.
    logged = not uses_admin(request.user)
    selection = FacetSelection(request.GET)
    as_typed = request.GET.get(AS_TYPED) == "ja"
    outcome = search(text, selection, sort, request.GET.get("side"), logged, as_typed)
    context = {
        "search_query": text,
        # What the results are for: the corrected query, unless the words were found as typed.
        "searched_for": outcome.suggestion if outcome.corrected else text,
        "outcome": outcome,
        "filtered": bool(selection),
    }
    if not outcome.total:
        context["popular_topics"] = popular_topics()
    return render(request, "search/search.html", context)


def uses_admin(user) -> bool:
    """Whether ``user`` is one of the secretariat's own, who may log in to the admin."""
    return user.has_perm("wagtailadmin.access_admin")


def popular_topics():
    """The topics with the most published material, offered when a search finds nothing."""
    by_size = sorted(topics_with_material(), key=lambda topic: -topic.article_count)
    return by_size[:POPULAR_TOPICS]


@require_GET
def autocomplete_view(request):
    return JsonResponse({"results": suggestions(request.GET.get("q", ""))})
