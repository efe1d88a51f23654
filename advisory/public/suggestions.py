"""Knowledge-base pages that may already answer a question, from whichever search backend
is configured."""

from kb.models import ArticlePage

LIMIT = 5
MAX_TEXT = 500
MIN_TEXT = 3


def suggested_pages(text: str, limit: int = LIMIT) -> list[ArticlePage]:
    """Up to ``limit`` live public articles that match any of the words in ``text``."""
    text = " ".join(text.split())[:MAX_TEXT]
    if len(text) < MIN_TEXT:
        return []
    return list(ArticlePage.objects.live().public().search(text, operator="or")[:limit])
