"""Search backend configuration: Elasticsearch when ELASTICSEARCH_URL is set, else PostgreSQL."""

DATABASE_BACKEND = {
    "BACKEND": "modelsearch.backends.database",
    "SEARCH_CONFIG": "danish",
    "AUTO_UPDATE": True,
}


def elasticsearch_backend(url: str) -> dict:
    return {
        "BACKEND": "modelsearch.backends.elasticsearch9",
        "URLS": [url],
        "INDEX_PREFIX": "vidensbanken_",
        "TIMEOUT": 5,
        "OPTIONS": {"max_retries": 0},
        "AUTO_UPDATE": True,
        "INDEX_SETTINGS": {"settings": {"analysis": {"analyzer": {"default": {"type": "danish"}}}}},
    }


def search_backends(elasticsearch_url: str | None) -> dict:
    """The 'default' backend follows the environment; 'database' is always there as fallback."""
    if elasticsearch_url:
        return {"default": elasticsearch_backend(elasticsearch_url), "database": DATABASE_BACKEND}
    return {"default": DATABASE_BACKEND}
