"""Help while answering: knowledge-base pages that fit the question, and similar earlier cases."""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from advisory.models import Case
from advisory.public.suggestions import suggested_pages as pages_answering

WORD_RE = re.compile(r"\w{3,}")
MAX_TERMS = 40
PAGE_WEIGHT = 0.02


def _terms(text: str) -> list[str]:
    seen = dict.fromkeys(word.lower() for word in WORD_RE.findall(text))
    return list(seen)[:MAX_TERMS]


def suggested_pages(case: Case, limit: int = 5):
    """Live articles that may answer the case's question, found as the requester's were on
    the question form (the same Danish query understanding, backend and fallback). Pages
    already linked are left out."""
    linked = set(case.related_pages.values_list("pk", flat=True))
    found = pages_answering(f"{case.subject} {case.question}", limit + len(linked))
    return [page for page in found if page.pk not in linked][:limit]


def similar_cases(case: Case, limit: int = 5):
    """Other cases about the same need, best first: same topic, then the words they share
    (PostgreSQL full text with Danish stemming) and the knowledge-base pages they share
    (answers to one need point to the same guidance)."""
    terms = _terms(f"{case.subject} {case.question}")
    query = SearchQuery(" or ".join(terms), search_type="websearch", config="danish")
    related = list(case.related_pages.values_list("pk", flat=True))
    shared_pages = (
        Case.related_pages.through.objects.filter(case=OuterRef("pk"), articlepage__in=related)
        .values("case")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return (
        Case.objects.exclude(pk=case.pk)
        .annotate(
            rank=SearchRank(F("search_vector"), query, normalization=1),
            same_topic=Q(topic_id=case.topic_id) if case.topic_id else Value(False),
            shared_pages=Coalesce(Subquery(shared_pages), 0),
            score=F("rank") + PAGE_WEIGHT * F("shared_pages") / max(len(related), 1),
        )
        .filter(Q(search_vector=query) | Q(shared_pages__gt=0))
        .select_related("organisation", "topic")
        # A case without a topic compares as NULL, and PostgreSQL sorts NULLs first descending.
        .order_by(F("same_topic").desc(nulls_last=True), "-score")[:limit]
    )
