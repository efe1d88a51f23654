"""Search backend configuration: Elasticsearch/OpenSearch when ELASTICSEARCH_URL is set, else
PostgreSQL. The database backend is always configured too: it is the fallback during an outage,
so it is kept up to date alongside the engine."""

DATABASE_BACKEND = {
    "BACKEND": "modelsearch.backends.database",
    "SEARCH_CONFIG": "danish",
    "AUTO_UPDATE": True,
}

# scripts/elasticsearch.sh runs either engine; SEARCH_ENGINE says which one the URL points at.
ENGINE_BACKENDS = {
    "elasticsearch": "kb.search.engine_backends.ElasticsearchBackend",
    "opensearch": "kb.search.engine_backends.OpenSearchBackend",
}

DANISH_ANALYSIS = {
    "settings": {
        "analysis": {"analyzer": {"default": {"type": "danish"}}},
        "index": {"max_result_window": 10000},
    }
}


def engine_backend(url: str, engine: str, index_prefix: str, timeout: float) -> dict:
    """A modelsearch backend for the engine at ``url`` with Danish stemming and stop words.
    ``timeout`` is for writing to the index (a publication's PDF text can be long); searches
    wait the much shorter SEARCH_ENGINE_TIMEOUT, so a hanging node cannot hold up a page."""
    return {
        "BACKEND": ENGINE_BACKENDS[engine],
        "URLS": [url],
        "INDEX_PREFIX": index_prefix,
        "TIMEOUT": timeout,
        "OPTIONS": {"max_retries": 0},
        "AUTO_UPDATE": True,
        "INDEX_SETTINGS": DANISH_ANALYSIS,
    }


def search_backends(
    url: str | None,
    engine: str = "opensearch",
    index_prefix: str = "vidensbanken_",
    timeout: float = 30.0,
) -> dict:
    """The 'default' backend follows the environment; 'database' is always there as fallback."""
    if url:
        return {
            "default": engine_backend(url, engine, index_prefix, timeout),
            "database": DATABASE_BACKEND,
        }
    return {"default": DATABASE_BACKEND}
