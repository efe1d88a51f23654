"""Facets for the search page: type, topic, audience and year, each a GET parameter.

A facet's counts are taken with every *other* selected facet applied, so the count shown
beside a value is exactly the number of results you get by choosing it."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, QuerySet
from django.utils.translation import gettext_lazy as _

from kb.models import Audience, Topic
from kb.site_setup import SECTIONS


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    param: str
    label: str
    values: list[FacetValue]


def type_models() -> dict[str, type]:
    """Section slug (the URL value) → page model."""
    return {section.slug: section.page_model for section in SECTIONS.values()}


class FacetSelection:
    """The facet values chosen in the query string."""

    params = {"type": _("Type"), "emne": _("Emne"), "maalgruppe": _("Målgruppe"), "aar": _("År")}

    def __init__(self, query_dict):
        self.chosen = {p: query_dict.get(p, "").strip() for p in self.params if query_dict.get(p)}

    def __bool__(self) -> bool:
        return bool(self.chosen)

    def apply(self, queryset: QuerySet, skip: str = "") -> QuerySet:
        """``queryset`` narrowed by every chosen facet except ``skip``."""
        for param, value in self.chosen.items():
            if param != skip:
                queryset = FILTERS[param](queryset, value)
        return queryset

    def facets(self, queryset: QuerySet) -> list[Facet]:
        """All four facets with their counts for the matches in ``queryset``."""
        return [
            Facet(param, label, COUNTERS[param](self.apply(queryset, skip=param), self.chosen))
            for param, label in self.params.items()
        ]


def filter_type(queryset, value):
    model = type_models().get(value)
    if model is None:
        return queryset.none()
    return queryset.filter(content_type=ContentType.objects.get_for_model(model))


def filter_year(queryset, value):
    return queryset.filter(year=int(value)) if value.isdigit() else queryset.none()


FILTERS = {
    "type": filter_type,
    "emne": lambda queryset, value: queryset.filter(topics__slug=value),
    "maalgruppe": lambda queryset, value: queryset.filter(audiences__slug=value),
    "aar": filter_year,
}


def count_types(queryset, chosen) -> list[FacetValue]:
    counts = dict(queryset.values_list("content_type").annotate(n=Count("pk")).order_by())
    values = []
    for slug, model in type_models().items():
        count = counts.get(ContentType.objects.get_for_model(model).pk, 0)
        if count:
            label = str(model._meta.verbose_name_plural).capitalize()
            values.append(FacetValue(slug, label, count, chosen.get("type") == slug))
    return values


def count_related(model, relation: str, param: str):
    """Counts per Topic or Audience of the articles in a queryset."""

    def count(queryset, chosen) -> list[FacetValue]:
        rows = (
            model.objects.filter(**{f"{relation}__in": queryset.values("pk")})
            .annotate(n=Count(relation, distinct=True))
            .order_by("-n", "name")
        )
        return [FacetValue(r.slug, r.name, r.n, chosen.get(param) == r.slug) for r in rows]

    return count


def count_years(queryset, chosen) -> list[FacetValue]:
    rows = queryset.exclude(year=None).values_list("year").annotate(n=Count("pk")).order_by("-year")
    return [FacetValue(str(y), str(y), n, chosen.get("aar") == str(y)) for y, n in rows]


COUNTERS = {
    "type": count_types,
    "emne": count_related(Topic, "articles", "emne"),
    "maalgruppe": count_related(Audience, "articles", "maalgruppe"),
    "aar": count_years,
}
