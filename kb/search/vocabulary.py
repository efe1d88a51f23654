"""The vocabulary of published words, kept in PostgreSQL, for folding and typo correction.

Stems come from PostgreSQL's Danish Snowball stemmer (the same one the database backend and,
in effect, the Elasticsearch ``danish`` analyzer use), so "husmøder" is known because
"husmødet" is."""

from dataclasses import dataclass

from django.db import connection

from kb.models import SearchTerm
from kb.search.text import page_text, tokenize

MAX_WORD_LENGTH = 100

UPSERT_SQL = """
INSERT INTO kb_searchterm (word, stem, frequency)
SELECT word, COALESCE((ts_lexize('danish_stem', word))[1], word), 1
FROM unnest(%s::text[]) AS word
ON CONFLICT (word) DO UPDATE SET frequency = kb_searchterm.frequency + 1
"""

ANALYSE_SQL = """
SELECT token, stem, stem IS NOT NULL AND EXISTS (
    SELECT 1 FROM kb_searchterm WHERE kb_searchterm.stem = stem_of.stem
)
FROM unnest(%s::text[]) AS token,
LATERAL (SELECT CASE WHEN cardinality(lexemes) = 0 THEN NULL ELSE lexemes[1] END AS stem
         FROM (SELECT COALESCE(ts_lexize('danish_stem', token), ARRAY[token]) AS lexemes) l
) AS stem_of
"""

CLOSEST_SQL = """
SELECT word FROM kb_searchterm
WHERE length(word) BETWEEN %(length)s - %(distance)s AND %(length)s + %(distance)s
  AND levenshtein_less_equal(word, %(token)s, %(distance)s) <= %(distance)s
ORDER BY levenshtein(word, %(token)s), frequency DESC, word
LIMIT 1
"""


@dataclass(frozen=True)
class TokenInfo:
    """What the vocabulary says about one query word: its stem (None for a stop word) and
    whether published material contains a word with that stem."""

    stem: str | None
    known: bool


def add_text(text: str) -> None:
    """Add the words of ``text`` to the vocabulary."""
    words = sorted({word for word in tokenize(text) if 1 < len(word) <= MAX_WORD_LENGTH})
    if words:
        with connection.cursor() as cursor:
            cursor.execute(UPSERT_SQL, [words])


def add_page(page) -> None:
    add_text(page_text(page))


def rebuild() -> int:
    """Rebuild the vocabulary from all live, public articles; returns the number of words."""
    from kb.models import ArticlePage

    SearchTerm.objects.all().delete()
    for page in ArticlePage.objects.listing().specific().iterator(chunk_size=200):
        add_page(page)
    return SearchTerm.objects.count()


def analyse(tokens: list[str]) -> dict[str, TokenInfo]:
    """Stem and look up each token in one round trip."""
    if not tokens:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(ANALYSE_SQL, [tokens])
        return {token: TokenInfo(stem, known) for token, stem, known in cursor.fetchall()}


def closest(token: str) -> str | None:
    """The published word nearest to ``token``: one edit away for short words, two for long."""
    if len(token) < 4 or not token.isalpha():
        return None
    distance = 1 if len(token) < 8 else 2
    with connection.cursor() as cursor:
        cursor.execute(CLOSEST_SQL, {"token": token, "length": len(token), "distance": distance})
        row = cursor.fetchone()
    return row[0] if row else None
