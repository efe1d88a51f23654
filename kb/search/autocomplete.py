"""Title suggestions while typing, from the same backend (and fallback) as the search page."""

from kb.models import ArticlePage
from kb.search import vocabulary
from kb.search.backends import with_fallback
from kb.search.query import FOLDING_RE, FOLDINGS, normalise, parse
from kb.search.visibility import shown_now, visible_articles

MIN_LENGTH = 2
LIMIT = 8


def suggestions(text: str, limit: int = LIMIT) -> list[dict]:
    """Titles and URLs of articles whose title words start like the typed words; when that
    finds nothing, the same with ae/oe/aa read as æ/ø/å, then with a or o read as æ, ø or å
    (husmo → husmø), then with slips corrected as the search page corrects them (frivilige →
    frivillige), then for what an editor's synonym of the typed words stands for (ildsjæle →
    frivillige)."""
    text = normalise(text)
    if len(text.replace(" ", "")) < MIN_LENGTH:
        return []
    found = titles(text, limit)
    folded = FOLDING_RE.sub(lambda match: FOLDINGS[match.group()], text)
    if not found and folded != text:
        found = titles(folded, limit)
    if not found and (danish := with_danish_letters(text)) != text:
        found = titles(danish, limit)
    if found:
        return found
    parsed = parse(text)
    if parsed.suggestion:
        found = titles(parsed.suggestion, limit)
    for synonym in parsed.expansions:
        found += [title for title in titles(synonym, limit) if title not in found]
    return found[:limit]


def with_danish_letters(text: str) -> str:
    readings = vocabulary.with_danish_letters(text.split())
    return " ".join(readings.get(token, token) for token in text.split())


def titles(text: str, limit: int) -> list[dict]:
    def run(backend):
        return list(backend.autocomplete(text, visible_articles(), operator="and")[:limit])

    pages, _backend = with_fallback(run)
    listed = shown_now(ArticlePage.objects.filter(pk__in=[page.pk for page in pages]))
    shown = set(listed.values_list("pk", flat=True))
    return [{"title": page.title, "url": page.url} for page in pages if page.pk in shown]
