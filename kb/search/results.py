"""One search as the page shows it: matches from the engine, editor's picks first, facets,
sorting, pagination, highlighted snippets, and a line in the query log."""

from collections import defaultdict
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db import connection
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.translation import gettext

from modelsearch.query import MATCH_ALL
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from kb.models import ArticlePage
from kb.models.pages import NEWEST_FIRST
from kb.remembered import remembered
from kb.search import engine
from kb.search.backends import DATABASE, backend_name, ranked_rows, with_fallback
from kb.search.engine import EnginePage
from kb.search.facets import (
    FACET_COLUMNS,
    CollectionFacets,
    Facet,
    FacetSelection,
    MatchFacets,
    with_facet_values,
)
from kb.search.hits import Hit, load_hits
from kb.search.query import ParsedQuery, normalise, parse
from kb.search.visibility import shown_now, visible_articles

RESULTS_PER_PAGE = 10
# On the database, only the best matches take part in facets and paging: enough for any
# person to read, few enough that counting facets over them stays fast. The engine counts all.
MAX_MATCHES = 1000
SORT_RELEVANCE, SORT_NEWEST = "relevans", "nyeste"


@dataclass(frozen=True)
class Pick:
    """An editor's pick for a query (Wagtail's search promotions): one of our pages, ranked
    first, or a link elsewhere, listed above the results; either with the editor's words."""

    page_id: int | None
    url: str
    title: str
    description: str


@dataclass
class SearchOutcome:
    query: ParsedQuery
    results: Page
    facets: list[Facet]
    sort: str
    total: int
    backend: str = ""
    counted_best: int = 0  # see Matches
    # Searched as typed: the person turned down the corrections.
    as_typed: bool = False
    # The query with corrected spellings, also when searched as typed.
    suggestion: str = ""

    @property
    def corrected(self) -> bool:
        """Whether the results are for corrected words instead of those typed."""
        return not self.as_typed and bool(self.query.replaced)


@remembered(SearchPromotion, Query)
def promotions() -> dict[str, list[Pick]]:
    """Query → the picks editors have made for it, in their order."""
    picks = defaultdict(list)
    rows = SearchPromotion.objects.order_by("sort_order").values_list(
        "query__query_string", "page_id", "external_link_url", "external_link_text", "description"
    )
    for text, page_id, url, title, description in rows:
        picks[normalise(text)].append(Pick(page_id, url, title or url, description))
    return dict(picks)


def promoted_ids(text: str) -> list[int]:
    """Pages editors have put first for exactly this query."""
    return [pick.page_id for pick in promotions().get(text, []) if pick.page_id]


def pick_descriptions(text: str) -> dict[int, str]:
    return {pick.page_id: pick.description for pick in promotions().get(text, []) if pick.page_id}


def link_elsewhere(pick: Pick) -> Hit:
    """An editor's pick outside Vidensbanken, listed as a hit."""
    return Hit(
        title=pick.title,
        url=pick.url,
        type_label=gettext("Andet websted"),
        year=None,
        text=conditional_escape(pick.description),
        topics=[],
        promoted=True,
    )


def in_editors_order(hits: list[Hit], picks: list[Pick], ranked: bool) -> list[Hit]:
    """The editor's picks first, pages and links elsewhere in the order the editor gave them
    (of the pages, those shown), then the other hits. Sorted by date (not ``ranked``), the
    pages stay where their dates put them, and only the links come first."""
    shown = {hit.page_id: hit for hit in hits if hit.promoted and ranked}
    chosen = [
        shown.pop(pick.page_id, None) if pick.page_id else link_elsewhere(pick) for pick in picks
    ]
    first = [hit for hit in chosen if hit]
    return first + [hit for hit in hits if hit not in first]


def best_rows(backend, parsed: ParsedQuery, picks: list[int], limit: int, columns) -> list[tuple]:
    """``columns`` (the first one "pk"; any of FACET_COLUMNS) of the best ``limit`` matches
    on ``backend``, the visible picks first."""
    found = []
    if not parsed.is_empty:
        articles = with_facet_values(visible_articles())
        found = ranked_rows(backend, parsed.engine_query(), articles, limit, columns)
    if not picks:
        return found
    shown_picks = with_facet_values(shown_now(ArticlePage.objects.filter(pk__in=picks)))
    pick_rows = {row[0]: row for row in shown_picks.values_list(*columns)}
    first = [pick_rows[pk] for pk in picks if pk in pick_rows]
    return first + [row for row in found if row[0] not in pick_rows]


def matching_ids(parsed: ParsedQuery, limit: int = MAX_MATCHES) -> list[int]:
    """Ids of the best matches, editor's picks first, then by relevance. Ranked by the
    remembered restrictions: what lists them checks again (kb.search.visibility.shown_now)."""
    picks = promoted_ids(parsed.text)
    rows, _backend = with_fallback(
        lambda backend: best_rows(backend, parsed, picks, limit, ("pk",))
    )
    return [pk for (pk,) in rows]


@dataclass
class Matches:
    """One page of matches as ids, the number of matches, and the facet counts."""

    ids: list[int]
    total: int
    facets: list[Facet]
    number: int
    # The database counts only the best MAX_MATCHES; this many when there were more.
    counted_best: int = 0


# The engine pages no further than its result window (config.search: max_result_window).
LAST_PAGE = 10000 // RESULTS_PER_PAGE


def requested_page(value) -> int:
    """The page number asked for: 1 if it is not a number, never past LAST_PAGE."""
    try:
        return min(max(1, int(value)), LAST_PAGE)
    except (TypeError, ValueError):
        return 1


def last_page(total: int) -> int:
    return min(max(1, -(-total // RESULTS_PER_PAGE)), LAST_PAGE)


def database_matches(
    parsed: ParsedQuery, selection: FacetSelection, sort: str, page_number, picks, backend
) -> Matches:
    """Matches ranked by the database backend (or all articles for an empty query), with
    facets, sorting and paging over the best MAX_MATCHES of them."""
    rows, counted_best = [], 0
    if parsed.text:
        rows = best_rows(backend, parsed, picks, MAX_MATCHES + 1, FACET_COLUMNS)
        if len(rows) > MAX_MATCHES:
            rows, counted_best = rows[:MAX_MATCHES], MAX_MATCHES
        facets = MatchFacets(rows)
    else:
        facets = CollectionFacets()
    counts = facets.counts(selection)
    total = selection.total(counts)
    number = min(requested_page(page_number), last_page(total))
    shown = slice((number - 1) * RESULTS_PER_PAGE, number * RESULTS_PER_PAGE)
    if sort == SORT_NEWEST:
        ordered = facets.narrowed(selection).order_by(*NEWEST_FIRST).values_list("pk", flat=True)
    else:  # relevance: only with a query, so the matches are in memory
        chosen = facets.chosen(selection)
        ordered = [pk for pk, *_facet_columns in rows if pk in chosen]
    return Matches(list(ordered[shown]), total, selection.facets(counts), number, counted_best)


def engine_matches(
    backend, parsed: ParsedQuery, selection: FacetSelection, sort: str, page_number, picks
) -> Matches:
    """One page of matches from a single engine request (the last page if asked for more)."""

    def fetch(number: int) -> EnginePage:
        offset = (number - 1) * RESULTS_PER_PAGE
        return engine.search_page(
            backend,
            parsed.engine_query() or MATCH_ALL,
            visible_articles(),
            selection,
            sort == SORT_NEWEST,
            picks,
            offset,
            RESULTS_PER_PAGE,
        )

    number = requested_page(page_number)
    found = fetch(number)
    last = last_page(found.total)
    if number > last:
        number, found = last, fetch(last)
    return Matches(found.ids, found.total, found.facets, number)


def find(backend, parsed: ParsedQuery, selection: FacetSelection, sort: str, page_number, picks):
    """One page of matches from whichever backend answers."""
    if backend_name(backend) == DATABASE:
        return database_matches(parsed, selection, sort, page_number, picks, backend)
    return engine_matches(backend, parsed, selection, sort, page_number, picks)


def search(
    text: str,
    selection: FacetSelection,
    sort: str,
    page_number,
    logged: bool = True,
    as_typed: bool = False,
) -> SearchOutcome:
    """Run a search as the search page does. An empty query lists everything, newest first.
    A first page without facets is ``logged`` in the query log. ``as_typed`` searches the words
    as typed, without corrections (kb.search.query.parse)."""
    parsed = parse(text, as_typed)
    backend = ""
    picks = promoted_ids(parsed.text) if parsed.text else []
    if not parsed.text:
        sort = SORT_NEWEST
    if parsed.text and parsed.is_empty:  # only stop words: nothing to search for but the picks
        matches = database_matches(parsed, selection, sort, page_number, picks, None)
    else:
        matches, backend = with_fallback(
            lambda answering: find(answering, parsed, selection, sort, page_number, picks)
        )
    # Only this page's hits are loaded; the paginator needs no more than the number of them
    # that can be paged to.
    pageable = min(matches.total, LAST_PAGE * RESULTS_PER_PAGE)
    results = Paginator(range(pageable), RESULTS_PER_PAGE).page(matches.number)
    hits = load_hits(matches.ids, parsed, pick_descriptions(parsed.text))
    if results.number == 1:
        picks_made = promotions().get(parsed.text, [])
        hits = in_editors_order(hits, picks_made, ranked=sort == SORT_RELEVANCE)
    results.object_list = hits
    outcome = SearchOutcome(
        parsed,
        results,
        matches.facets,
        sort,
        matches.total,
        backend,
        matches.counted_best,
        as_typed,
        parse(text).suggestion if as_typed else parsed.suggestion,
    )
    # Searching the same words as typed is the same search again, already logged.
    if logged and not as_typed and parsed.has_words and not selection and results.number == 1:
        log_search(parsed.text, outcome.total, backend)
    return outcome


# set_config lets the transaction commit without waiting for the disk: the statement's own,
# or an outer one it is part of. Besides SearchQueryLog, the search counts in Wagtail's Query
# and QueryDailyHits, which the editor's picks show as "Visninger" and offer as popular
# searches. A query seen before is found by the last SELECT (the statement does not see the
# row it inserts itself).
LOG_SQL = """
    WITH unhurried AS (SELECT set_config('synchronous_commit', 'off', true)),
    logged AS (
        INSERT INTO kb_searchquerylog (query, result_count, backend, searched_at)
        SELECT %(query)s, %(count)s, %(backend)s, %(at)s FROM unhurried
    ),
    new_query AS (
        INSERT INTO wagtailsearchpromotions_query (query_string) VALUES (%(query)s)
        ON CONFLICT (query_string) DO NOTHING RETURNING id
    )
    INSERT INTO wagtailsearchpromotions_querydailyhits (query_id, date, hits)
    SELECT id, %(day)s, 1 FROM (
        SELECT id FROM new_query
        UNION ALL SELECT id FROM wagtailsearchpromotions_query WHERE query_string = %(query)s
    ) seen
    ON CONFLICT (query_id, date)
    DO UPDATE SET hits = wagtailsearchpromotions_querydailyhits.hits + 1
"""


def log_search(text: str, result_count: int, backend: str) -> None:
    """A line in the query log and a hit for the query, committed without waiting for the
    disk: a crash may lose the last fraction of a second's searches, and no search waits for
    a count that matters so little. One statement, where the models' saves took eight round
    trips."""
    at = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(
            LOG_SQL,
            {
                "query": text,
                "count": result_count,
                "backend": backend,
                "at": at,
                "day": timezone.localdate(at),
            },
        )
