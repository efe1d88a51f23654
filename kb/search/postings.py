"""Ranking on PostgreSQL from the word postings (kb.SearchPosting) instead of the text vectors.

modelsearch's database backend ranks by computing ``ts_rank`` over the whole text vector of
every match; a common word matches most pages, and that took most of a second at 20,000
pages. Here each searched word reads its postings from one index, pages are scored by BM25
(how often a word occurs, weighed by field, against how rare the word is), and only quoted
phrases are checked against the text vectors, and only for pages that have all their words."""

from dataclasses import dataclass

from django.db import connection, transaction

from modelsearch.query import And, Boost, Or, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from config.search import DATABASE_BACKEND

SEARCH_CONFIG = DATABASE_BACKEND["SEARCH_CONFIG"]


class UnsupportedQuery(Exception):
    """A query kind ranking by postings does not handle; modelsearch's own search answers."""


@dataclass
class Condition:
    """A SQL condition on the postings of one page, and its parameters."""

    sql: str
    params: list


def words_of(query) -> list[str]:
    """Every typed word in a query tree, in order."""
    if isinstance(query, PlainText | Phrase):
        return query.query_string.split()
    if isinstance(query, And | Or):
        return [word for sub in query.subqueries for word in words_of(sub)]
    if isinstance(query, Boost):
        return words_of(query.subquery)
    raise UnsupportedQuery(type(query).__name__)


def weights_of(query, lexemes: dict[str, list[str]], weight: float = 1.0) -> dict[str, float]:
    """How much each lexeme counts: 1, or a Boost's weight where only that searches it."""
    if isinstance(query, Boost):
        return weights_of(query.subquery, lexemes, weight * query.boost)
    if isinstance(query, And | Or):
        weights = {}
        for sub in query.subqueries:
            for lexeme, sub_weight in weights_of(sub, lexemes, weight).items():
                weights[lexeme] = max(sub_weight, weights.get(lexeme, 0))
        return weights
    return {lexeme: weight for word in words_of(query) for lexeme in lexemes.get(word, [])}


def lexemes_of(words: list[str]) -> dict[str, list[str]]:
    """Each word's Danish lexemes, as the index stores them (none for a stop word)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word, tsvector_to_array(to_tsvector(%s::regconfig, word))"
            " FROM unnest(%s::text[]) AS word",
            [SEARCH_CONFIG, words],
        )
        return dict(cursor.fetchall())


MATCHED = "array_agg(posting.lexeme)"
PHRASE_FOUND = """EXISTS (
    SELECT FROM wagtailsearch_indexentry AS entry
    WHERE entry.content_type_id = posting.content_type_id
      AND entry.object_id = posting.object_id COLLATE "default"  -- so the unique index serves
      AND (entry.title || entry.body) @@ phraseto_tsquery(%s::regconfig, %s))"""


def condition(query, lexemes: dict[str, list[str]]) -> Condition:
    """Which pages match: any word of an or-query, all words of an and-query or a phrase,
    and for a phrase also the words in that order."""
    if isinstance(query, Boost):
        return condition(query.subquery, lexemes)
    if isinstance(query, And | Or):
        parts = [condition(sub, lexemes) for sub in query.subqueries]
        joiner = " AND " if isinstance(query, And) else " OR "
        return Condition(
            "(" + joiner.join(part.sql for part in parts) + ")",
            [param for part in parts for param in part.params],
        )
    wanted = sorted({lexeme for word in words_of(query) for lexeme in lexemes.get(word, [])})
    if not wanted:
        return Condition("FALSE", [])
    if isinstance(query, Phrase):
        return Condition(
            f"({MATCHED} @> %s::text[] AND {PHRASE_FOUND})",
            [wanted, SEARCH_CONFIG, query.query_string],
        )
    operator = "@>" if query.operator == "and" else "&&"
    return Condition(f"{MATCHED} {operator} %s::text[]", [wanted])


# Rarity among the entries of the kinds searched only: topics and documents have entries of
# their own, and counted in, a word's rarity changed with whatever else had been indexed.
RARITY_SQL = """
SELECT lexeme, ln(1 + (entries.total - count(*) + 0.5) / (count(*) + 0.5))
FROM kb_searchposting, (
    SELECT count(*) AS total FROM wagtailsearch_indexentry WHERE content_type_id = ANY(%(kinds)s)
) AS entries
WHERE lexeme = ANY(%(lexemes)s::text[]) AND content_type_id = ANY(%(kinds)s)
GROUP BY lexeme, entries.total
"""

# The words' rarities come in as parameters: computed inside this query, the planner cannot
# tell that only a few words are searched, and scans every posting. Only the best-scored
# entries are then checked against the visible pages (and their columns read): a join on all
# of them costs more than the ranking. Each row ends with the number of candidates.
RANKED_SQL = """
WITH scores AS (
    SELECT posting.object_id, sum(posting.weight * term.rarity) AS score
    FROM unnest(%s::text[], %s::float8[]) AS term (lexeme, rarity)
    JOIN kb_searchposting AS posting ON posting.lexeme = term.lexeme
    WHERE posting.content_type_id = ANY(%s)
    GROUP BY posting.content_type_id, posting.object_id
    {having}
), best AS (
    SELECT object_id, score FROM scores
    ORDER BY score DESC, length(object_id) DESC, object_id DESC  -- ties: the newest page first
    LIMIT %s
)
SELECT visible.*, (SELECT count(*) FROM best)
FROM best, LATERAL (
    -- OFFSET 0 keeps it a lookup per candidate: joined, PostgreSQL hashes every page.
    SELECT * FROM ({visible}) AS page WHERE page.pk = best.object_id::bigint OFFSET 0
) AS visible
ORDER BY best.score DESC, visible.pk DESC
LIMIT %s
"""


def any_word_will_do(query) -> bool:
    """Whether a page matches with any one of the searched words (or a compound's parts)."""
    if isinstance(query, Boost):
        return any_word_will_do(query.subquery)
    if isinstance(query, Or):
        return all(any_word_will_do(sub) for sub in query.subqueries)
    return isinstance(query, PlainText) and query.operator == "or"


def having(query, lexemes: dict[str, list[str]]) -> Condition:
    """The condition on a page's postings, or none when any searched word will do."""
    if any_word_will_do(query):
        return Condition("", [])
    match = condition(query, lexemes)
    return Condition(f"HAVING {match.sql}", match.params)


def ranked_rows(query, queryset, limit: int, columns: tuple[str, ...]) -> list[tuple]:
    """``columns`` (the first one "pk") of the best ``limit`` pages of ``queryset`` matching
    ``query``, best first."""
    words = words_of(query)
    lexemes = lexemes_of(words)
    match = having(query, lexemes)
    weights = weights_of(query, lexemes)
    searched = sorted(weights)
    kinds = get_descendants_content_types_pks(queryset.model)
    visible_sql, visible_params = queryset.order_by().values(*columns).query.sql_with_params()
    ranked = RANKED_SQL.format(visible=visible_sql, having=match.sql)
    with transaction.atomic(), connection.cursor() as cursor:
        # Enough memory to group tens of thousands of postings in a hash table, not by sorting.
        cursor.execute("SET LOCAL work_mem = '64MB'")
        cursor.execute(RARITY_SQL, {"kinds": kinds, "lexemes": searched})
        rarities = {lexeme: float(rarity) * weights[lexeme] for lexeme, rarity in cursor.fetchall()}

        def best(candidates: int | None) -> list[tuple]:
            cursor.execute(
                ranked,
                [
                    list(rarities),
                    list(rarities.values()),
                    kinds,
                    *match.params,
                    candidates,
                    *visible_params,
                    limit,
                ],
            )
            return cursor.fetchall()

        # Nearly every indexed page is visible, so a few extra candidates are enough; when
        # hidden pages crowd them out, every match is checked.
        candidates = limit + limit // 10 + 10
        rows = best(candidates)
        if len(rows) < limit and (not rows or rows[0][-1] == candidates):
            rows = best(None)
        return [row[:-1] for row in rows]
