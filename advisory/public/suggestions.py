"""Knowledge-base pages that may already answer a question, through the search layer, so
the same Danish query understanding, backend and fallback apply as on the search page."""

from kb.models import ArticlePage
from kb.search.query import parse
from kb.search.results import matching_ids
from kb.search.visibility import shown_now

LIMIT = 5
MIN_TEXT = 3


def suggested_pages(text: str, limit: int = LIMIT) -> list[ArticlePage]:
    """Up to ``limit`` live public articles for ``text``, best first."""
    if len(text.strip()) < MIN_TEXT:
        return []
    # A question is prose: words in quotation marks in it are not phrases that must occur.
    ids = matching_ids(parse(text.replace('"', " ")), limit)[:limit]
    pages = shown_now(ArticlePage.objects.filter(pk__in=ids)).specific().in_bulk()
    return [pages[pk] for pk in ids if pk in pages]
