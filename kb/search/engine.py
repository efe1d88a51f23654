"""One round trip to Elasticsearch/OpenSearch for a whole result page: the page's hits in
order, the total, and every facet's counts (as aggregations), with editor's picks first.

The database answers the same questions in several queries (kb.search.facets); here the
engine answers two searches sent together (a multi-search): the hits, and the total with the
facet counts. Apart, the engine runs them at once, ranks without counting every match, and
counts without scoring any: together in one search, the counts made the engine's answer
twice as slow."""

from collections import Counter
from dataclasses import dataclass

from modelsearch import index

from kb.models import ArticlePage
from kb.search.facets import Facet, FacetSelection, is_year, type_content_type_id, type_slugs

FACET_FIELDS = {
    "type": "content_type",
    "emne": "topic_slugs",
    "maalgruppe": "audience_slugs",
    "aar": "year",
}
FACET_SIZE = 200
# Far above any relevance score, so a pick comes first whatever else matches.
PICK_BOOST = 1_000_000


@dataclass
class EnginePage:
    ids: list[int]
    total: int
    facets: list[Facet]


def column(backend, field: str) -> str:
    """The engine's name for a filter field of ArticlePage."""
    return backend.mapping_class(ArticlePage).get_field_column_name(index.FilterField(field))


def facet_filter(backend, param: str, value: str) -> dict:
    """The engine filter for one chosen facet value; an unknown value matches nothing."""
    if param == "type":
        value = type_content_type_id(value)
    elif param == "aar":
        value = int(value) if is_year(value) else None
    if value is None:
        return {"bool": {"must_not": {"match_all": {}}}}
    return {"term": {column(backend, FACET_FIELDS[param]): value}}


def chosen_filters(backend, selection: FacetSelection, skip: str = "") -> list[dict]:
    return [
        facet_filter(backend, param, value)
        for param, value in selection.chosen.items()
        if param != skip
    ]


def aggregations(backend, selection: FacetSelection) -> dict:
    """Each facet counted with every other chosen facet applied (as the database does)."""
    return {
        param: {
            "filter": {"bool": {"filter": chosen_filters(backend, selection, skip=param)}},
            "aggs": {"values": {"terms": {"field": column(backend, field), "size": FACET_SIZE}}},
        }
        for param, field in FACET_FIELDS.items()
    }


def newest_first(backend) -> list[dict]:
    """Year, then publication date, then title, like the database's ordering (no year last)."""
    return [
        {column(backend, "year"): {"order": "desc", "missing": "_last"}},
        {column(backend, "first_published_at"): {"order": "desc", "missing": "_last"}},
        {column(backend, "title"): {"order": "asc"}},
    ]


def ranked_query(compiler, picks: list[int], filters: list[dict]) -> dict:
    """The query modelsearch built, narrowed by ``filters``, where editor's picks also match,
    first and in the editor's order."""
    boosted_picks = [
        {"constant_score": {"filter": {"term": {"pk": str(pk)}}, "boost": PICK_BOOST * rank}}
        for rank, pk in enumerate(reversed(picks), start=1)
    ]
    return {
        "bool": {
            "filter": [*compiler.get_filters(), *filters],
            "should": [compiler.get_inner_query(), *boosted_picks],
            "minimum_should_match": 1,
        }
    }


def bucket_counts(aggregations: dict) -> dict[str, Counter]:
    """Counts per facet parameter and URL value from the engine's aggregations."""
    slugs = type_slugs()
    counts = {}
    for param in FACET_FIELDS:
        buckets = aggregations[param]["values"]["buckets"]
        name = (lambda key: slugs.get(key, "")) if param == "type" else str
        counts[param] = Counter({name(bucket["key"]): bucket["doc_count"] for bucket in buckets})
    return counts


def hits_body(backend, results, selection, newest: bool, picks, offset: int, size: int) -> dict:
    """The search for a page's hits: ``results`` is modelsearch's (unevaluated) search."""
    body = {
        "query": ranked_query(results.query_compiler, picks, chosen_filters(backend, selection)),
        "docvalue_fields": ["pk"],
        "stored_fields": "_none_",
        "_source": False,
        "track_total_hits": False,
        "from": offset,
        "size": size,
    }
    if newest:
        body["sort"] = newest_first(backend)
    return body


def counts_body(backend, results, selection, picks) -> dict:
    """The search for the total (with every chosen facet) and each facet's counts (with the
    others): no hits, so nothing is scored."""
    return {
        "query": ranked_query(results.query_compiler, picks, []),
        "post_filter": {"bool": {"filter": chosen_filters(backend, selection)}},
        "aggs": aggregations(backend, selection),
        "track_total_hits": True,
        "size": 0,
    }


class EngineRefused(Exception):
    """The engine answered a search of a multi-search with an error."""


def answers(backend, index_name: str, bodies: list[dict]) -> list[dict]:
    """The engine's answers to ``bodies``, sent as one multi-search."""
    lines = [line for body in bodies for line in ({}, body)]
    responses = backend.es.msearch(body=lines, index=index_name)["responses"]
    refused = [response["error"] for response in responses if "error" in response]
    if refused:
        raise EngineRefused(refused[0])
    return responses


def search_page(
    backend, engine_query, queryset, selection, newest: bool, picks, offset: int, size: int
) -> EnginePage:
    """One page of results with total and facets, from a single round trip."""
    results = backend.search(engine_query, queryset, operator="or")
    hits, counts = answers(
        backend,
        backend.get_index_for_model(queryset.model).name,
        [
            hits_body(backend, results, selection, newest, picks, offset, size),
            counts_body(backend, results, selection, picks),
        ],
    )
    return EnginePage(
        ids=[int(hit["fields"]["pk"][0]) for hit in hits["hits"]["hits"]],
        total=counts["hits"]["total"]["value"],
        facets=selection.facets(bucket_counts(counts["aggregations"])),
    )
