"""What the search page shows, read from a real request."""


def search(client, query: str = "", **params):
    """GET /soeg/ and return the outcome the page rendered."""
    response = client.get("/soeg/", {"q": query, **params})
    assert response.status_code == 200
    return response.context["outcome"]


def titles(client, query: str = "", **params) -> list[str]:
    return [hit.title for hit in search(client, query, **params).results]
