"""Which articles a search may show: live ones outside every privacy-restricted section.

Ranking and counting use the restrictions as remembered (kb.remembered), so a search
does not read them again and again; what is listed is checked against the restrictions in
the same query that loads it, so a section restricted a moment ago never shows."""

from functools import lru_cache

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Left, Length

from wagtail.models import PageViewRestriction

from kb.models import ArticlePage
from kb.remembered import remembered


@remembered(PageViewRestriction)
def restricted_sections() -> list[tuple[str, int]]:
    """Path and depth of every page with a view restriction."""
    return list(PageViewRestriction.objects.values_list("page__path", "page__depth"))


def visible_articles() -> QuerySet:
    """Live articles outside the remembered restricted sections (as Wagtail's public() does,
    in a form the engine's filters understand)."""
    return _articles_outside(tuple(sorted(restricted_sections()))).all()


@lru_cache(maxsize=4)
def _articles_outside(sections: tuple[tuple[str, int], ...]) -> QuerySet:
    """Built once for each set of restricted sections, as building it took longer than sending
    the engine its filters. Shared, so never evaluated: only copies (``all()``) leave here."""
    restricted = Q()
    for path, depth in sections:
        restricted |= Q(path__startswith=path) & Q(depth__gte=depth)
    return ArticlePage.objects.live().exclude(restricted or Q(pk__in=[]))


def restriction_above() -> QuerySet:
    """View restrictions on the outer page or a page above it, for Exists()."""
    return PageViewRestriction.objects.filter(
        page__path=Left(OuterRef("path"), Length("page__path"))
    )


def shown_now(queryset: QuerySet) -> QuerySet:
    """``queryset`` narrowed to what anyone may see, by the restrictions as they are now."""
    return queryset.live().exclude(Exists(restriction_above()))
