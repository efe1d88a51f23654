"""Relevance measures over a graded query file (format: ../shared/corpus/README.md)."""

import csv
import math
from dataclasses import dataclass
from pathlib import Path

from kb.models import ArticlePage
from kb.search.backends import get_backend, ranked_ids
from kb.search.query import parse
from kb.search.visibility import visible_articles

CUTOFF = 10
SUCCESS_AT = 3


@dataclass(frozen=True)
class GradedQuery:
    text: str
    grades: dict[str, int]  # slug → 2 best answer, 1 relevant

    @property
    def expects_nothing(self) -> bool:
        """A query no page answers (no slug listed): right when it finds nothing, and kept
        out of the means, which measure how the answers rank."""
        return not any(self.grades.values())


@dataclass(frozen=True)
class QueryScore:
    query: GradedQuery
    ranking: list[str]
    reciprocal_rank: float
    ndcg: float
    success: bool


def read_queries(path: Path) -> list[GradedQuery]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return [GradedQuery(row["query"], parse_grades(row["relevant"])) for row in rows]


def parse_grades(field: str) -> dict[str, int]:
    pairs = (item.strip().rsplit(":", 1) for item in field.split(",") if item.strip())
    return {slug: int(grade) for slug, grade in pairs}


def dcg(gains: list[int]) -> float:
    return sum((2**gain - 1) / math.log2(rank + 2) for rank, gain in enumerate(gains))


def score(query: GradedQuery, ranking: list[str]) -> QueryScore:
    top = ranking[:CUTOFF]
    first = next((rank for rank, slug in enumerate(top, 1) if query.grades.get(slug)), None)
    ideal = dcg(sorted(query.grades.values(), reverse=True)[:CUTOFF])
    ndcg = dcg([query.grades.get(slug, 0) for slug in top]) / ideal if ideal else 0.0
    if query.expects_nothing:
        success = not top
    else:
        success = any(query.grades.get(slug) for slug in top[:SUCCESS_AT])
    return QueryScore(query, top, 1 / first if first else 0.0, ndcg, success)


def ranking(text: str, alias: str) -> list[str]:
    """Slugs of the first CUTOFF results on one backend, as the search page ranks them."""
    engine_query = parse(text).engine_query()
    if engine_query is None:
        return []
    ids = ranked_ids(get_backend(alias), engine_query, visible_articles(), CUTOFF)
    slugs = dict(ArticlePage.objects.filter(pk__in=ids).values_list("pk", "slug"))
    return [slugs[pk] for pk in ids if pk in slugs]


def evaluate(queries: list[GradedQuery], alias: str) -> list[QueryScore]:
    return [score(query, ranking(query.text, alias)) for query in queries]


def mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0
