"""Which search backend answers, and the fallback to the database when the engine is down."""

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from django.conf import settings

from modelsearch.backends import get_search_backend
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchResults

from kb.search import postings
from kb.search.engine import EngineRefused

logger = logging.getLogger(__name__)
T = TypeVar("T")

DATABASE = "database"
ENGINE = "default"
# After a failure the engine is left alone for a while, so an outage costs one slow request
# rather than one per visitor.
RETRY_AFTER_SECONDS = 30.0


@dataclass
class EngineState:
    down_until: float = 0.0


state = EngineState()


def engine_errors() -> tuple[type[Exception], ...]:
    """Everything the engine clients raise: unreachable, too slow, or answering with an error
    (a missing index after a fresh install, say). The page answers from the database then."""
    errors: list[type[Exception]] = [EngineRefused]
    try:
        from elastic_transport import ApiError, TransportError

        errors += [ApiError, TransportError]
    except ImportError:
        pass
    try:
        from opensearchpy.exceptions import OpenSearchException

        errors.append(OpenSearchException)
    except ImportError:
        pass
    return tuple(errors)


def backend_name(backend) -> str:
    """A short label for logs and reports: "database", "elasticsearch" or "opensearch"."""
    modules = " ".join(kind.__module__ for kind in type(backend).__mro__)  # ours subclass them
    if "modelsearch.backends.database" in modules:
        return DATABASE
    return "opensearch" if "opensearch" in modules else "elasticsearch"


_backends: dict[str, object] = {}


def get_backend(alias: str):
    """The backend searches use for ``alias``, reused between requests so the engine client
    keeps its connections open (modelsearch builds a new client on every call). It waits
    SEARCH_ENGINE_TIMEOUT for the engine; modelsearch's indexing, the longer configured TIMEOUT."""
    configured = settings.WAGTAILSEARCH_BACKENDS
    alias = alias if alias in configured else ENGINE  # without an engine, default is the database
    config = configured.get(alias, {})
    overrides = {"TIMEOUT": settings.SEARCH_ENGINE_TIMEOUT} if "URLS" in config else {}
    key = alias + json.dumps({**config, **overrides}, sort_keys=True, default=str)
    if key not in _backends:
        _backends[key] = get_search_backend(alias, **overrides)
    return _backends[key]


def with_fallback(action: Callable[..., T], alias: str = ENGINE) -> tuple[T, str]:
    """Run ``action(backend)`` on the configured backend; if the engine cannot be reached,
    log a warning and run it on the database backend instead."""
    backend = get_backend(alias)
    if backend_name(backend) != DATABASE and time.monotonic() >= state.down_until:
        try:
            return action(backend), backend_name(backend)
        except engine_errors() as error:
            state.down_until = time.monotonic() + RETRY_AFTER_SECONDS
            logger.warning("Søgemaskinen svarer ikke (%s); søger i databasen i stedet.", error)
    database = get_backend(DATABASE)
    return action(database), DATABASE


def ranked_ids(backend, query, queryset, limit: int) -> list[int]:
    """Primary keys of the best ``limit`` matches, best first, without loading the objects."""
    return [pk for (pk,) in ranked_rows(backend, query, queryset, limit, ("pk",))]


def ranked_rows(backend, query, queryset, limit: int, columns: tuple[str, ...]) -> list[tuple]:
    """``columns`` (the first one "pk") of the best ``limit`` matches, best first. The
    database reads them while it ranks; from the engine any beyond "pk" take one more query."""
    if backend_name(backend) == DATABASE:
        try:
            return postings.ranked_rows(query, queryset, limit, columns)
        except postings.UnsupportedQuery:
            pass
    ids = searched_ids(backend, query, queryset, limit)
    if columns == ("pk",):
        return [(pk,) for pk in ids]
    rows = {row[0]: row for row in queryset.filter(pk__in=ids).values_list(*columns)}
    return [rows[pk] for pk in ids if pk in rows]


def searched_ids(backend, query, queryset, limit: int) -> list[int]:
    """The best ``limit`` matches' keys from modelsearch's own search on ``backend``."""
    results = backend.search(query, queryset, operator="or")[:limit]
    if isinstance(results, ElasticsearchBaseSearchResults):
        # Keys from doc values: three times faster than stored fields for a thousand hits.
        body = {**results._get_es_body(), "docvalue_fields": ["pk"], "stored_fields": "_none_"}
        params = {
            "index": backend.get_index_for_model(queryset.model).name,
            "_source": False,
            "size": limit,
        }
        hits = results._backend_do_search(body, **params)["hits"]["hits"]
        return [int(hit["fields"]["pk"][0]) for hit in hits]
    if not hasattr(results, "get_queryset"):  # nothing to search for
        return []
    return list(results.get_queryset().values_list("pk", flat=True))
