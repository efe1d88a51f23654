"""One search as the page shows it: matches from the engine, editor's picks first, facets,
sorting, pagination, highlighted snippets, and a line in the query log."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import prefetch_related_objects
from django.db.models.expressions import RawSQL

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.models import IndexEntry

from kb.models import ArticlePage, SearchQueryLog
from kb.search import vocabulary
from kb.search.backends import ENGINE, ranked_ids, with_fallback
from kb.search.facets import Facet, FacetSelection
from kb.search.highlight import snippet
from kb.search.query import ParsedQuery, parse

RESULTS_PER_PAGE = 10
# The engine ranks; only the best matches take part in facets and paging. Enough for any
# person to read, few enough that counting facets over them stays fast.
MAX_MATCHES = 1000
SORT_RELEVANCE, SORT_NEWEST = "relevans", "nyeste"
NEWEST_FIRST = ("-year", "-first_published_at", "title")


@dataclass
class Hit:
    """One result as listed: the page, a highlighted snippet, and whether an editor chose it."""

    page: ArticlePage
    snippet: str
    promoted: bool


@dataclass
class SearchOutcome:
    query: ParsedQuery
    results: Page
    facets: list[Facet]
    sort: str
    backend: str = ""

    @property
    def total(self) -> int:
        return self.results.paginator.count


def visible_articles():
    """Articles anyone may see: live and without a privacy restriction."""
    return ArticlePage.objects.live().public()


def id_array(ids: list[int]) -> RawSQL:
    """``ids`` as one array parameter: Django compiles a thousand-item IN list slowly, and
    the facet queries each repeat it."""
    return RawSQL("SELECT unnest(%s::bigint[])", (ids,))


def promoted_ids(text: str) -> list[int]:
    """Pages editors have put first for exactly this query (Wagtail's search promotions)."""
    return list(
        SearchPromotion.objects.filter(query__query_string=text, page__isnull=False)
        .order_by("sort_order")
        .values_list("page_id", flat=True)
    )


def matching_ids(parsed: ParsedQuery, alias: str = ENGINE) -> tuple[list[int], str, list[int]]:
    """Ids of the matches, editor's picks first, then by relevance; who answered; the picks.
    ``alias`` names the backend to ask first."""
    picks = promoted_ids(parsed.text)
    if parsed.is_empty:
        return picks, "", picks
    engine_query = parsed.engine_query()
    ids, backend = with_fallback(
        lambda backend: ranked_ids(backend, engine_query, visible_articles(), MAX_MATCHES),
        alias,
    )
    return picks + [pk for pk in ids if pk not in picks], backend, picks


def load_hits(ids: list[int], parsed: ParsedQuery, promoted: list[int]) -> list[Hit]:
    """The pages for one result page, in order, each with its snippet."""
    pages = ArticlePage.objects.filter(pk__in=ids).select_related("content_type")
    by_id = {page.pk: page for page in pages}
    ordered = [by_id[pk] for pk in ids if pk in by_id]
    prefetch_related_objects(ordered, "topics")
    stems = [info.stem for info in vocabulary.analyse(parsed.terms).values() if info.stem]
    texts = indexed_texts(ordered)
    return [
        Hit(page, snippet(texts.get(str(page.pk), page.summary), stems), page.pk in promoted)
        for page in ordered
    ]


def indexed_texts(pages: list[ArticlePage]) -> dict[str, str]:
    """The plain text the database index keeps for each page (summary, body, document text),
    so snippets need neither the StreamField nor the PDF text loaded."""
    return dict(
        IndexEntry.objects.filter(
            object_id__in=[str(page.pk) for page in pages],
            content_type_id__in={page.content_type_id for page in pages},
        ).values_list("object_id", "body_text")
    )


def search(text: str, selection: FacetSelection, sort: str, page_number) -> SearchOutcome:
    """Run a search as the search page does. An empty query lists everything, newest first."""
    parsed = parse(text)
    ids, backend, promoted = [], "", []
    matches = visible_articles()
    if parsed.text:
        ids, backend, promoted = matching_ids(parsed)
        matches = matches.filter(pk__in=id_array(ids))
    else:
        sort = SORT_NEWEST
    chosen = selection.apply(matches)
    if sort == SORT_NEWEST:
        ordered = chosen.order_by(*NEWEST_FIRST).values_list("pk", flat=True)
    else:
        keep = set(chosen.values_list("pk", flat=True))
        ordered = [pk for pk in ids if pk in keep]
    results = Paginator(ordered, RESULTS_PER_PAGE).get_page(page_number)
    results.object_list = load_hits(list(results.object_list), parsed, promoted)
    outcome = SearchOutcome(parsed, results, selection.facets(matches), sort, backend)
    if parsed.text and not selection and results.number == 1:
        SearchQueryLog.objects.create(
            query=parsed.text, result_count=outcome.total, backend=backend
        )
    return outcome
