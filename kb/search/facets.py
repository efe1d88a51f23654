"""Facets for the search page: type, topic, audience and year, each a GET parameter.

A facet's counts are taken with every *other* selected facet applied, so the count shown
beside a value is exactly the number of results you get by choosing it. The engine counts
with aggregations (kb.search.engine); on the database the matches' facet values are read
once and counted here, or counted in SQL when browsing everything."""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Count, QuerySet
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _

from kb.models import ArticlePage, Audience, Topic
from kb.search.remembered import remembered
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


def is_year(value: str) -> bool:
    """Four ASCII digits at most: what a year facet value may be (anything else finds nothing,
    rather than an error from the engine)."""
    return value.isascii() and value.isdigit() and len(value) <= 4


def type_content_type_id(slug: str) -> int | None:
    """The content type of the section ``slug`` lists, or None for an unknown slug."""
    model = type_models().get(slug)
    return ContentType.objects.get_for_model(model).pk if model else None


def type_slugs() -> dict[int, str]:
    """Content type id → section slug."""
    return {ContentType.objects.get_for_model(m).pk: slug for slug, m in type_models().items()}


@remembered(Topic)
def topic_names() -> dict[str, str]:
    return dict(Topic.objects.values_list("slug", "name"))


@remembered(Audience)
def audience_names() -> dict[str, str]:
    return dict(Audience.objects.values_list("slug", "name"))


class FacetSelection:
    """The facet values chosen in the query string."""

    params = {"type": _("Type"), "emne": _("Emne"), "maalgruppe": _("Målgruppe"), "aar": _("År")}

    def __init__(self, query_dict):
        self.chosen = {p: query_dict.get(p, "").strip() for p in self.params if query_dict.get(p)}

    def __bool__(self) -> bool:
        return bool(self.chosen)

    def facets(self, counts: dict[str, Counter]) -> list[Facet]:
        """The four facets, labelled and ordered, from counts per parameter and value."""
        return [
            Facet(param, label, self.values(param, counts.get(param, Counter())))
            for param, label in self.params.items()
        ]

    def values(self, param: str, counts: Counter) -> list[FacetValue]:
        chosen = self.chosen.get(param)
        if param == "type":
            labels = {
                slug: str(model._meta.verbose_name_plural).capitalize()
                for slug, model in type_models().items()
            }
            rows = [(slug, labels[slug]) for slug in labels if counts[slug]]
        elif param == "aar":
            rows = [(year, year) for year in sorted(counts, key=int, reverse=True)]
        else:
            names = topic_names() if param == "emne" else audience_names()
            found = [(slug, names[slug]) for slug in counts if slug in names]
            rows = sorted(found, key=lambda row: (-counts[row[0]], row[1]))
        return [FacetValue(value, label, counts[value], value == chosen) for value, label in rows]


def pk_array_text(pks) -> str:
    """``pks`` as the text of one array parameter: psycopg2 would send a list as ARRAY[…],
    an expression per item, which PostgreSQL parses and plans in more time than the lookups
    take."""
    return "{" + ",".join(map(str, pks)) + "}"


def pk_array(pks) -> RawSQL:
    """``pks`` for ``pk__in``: Django compiles a thousand-item IN list slowly."""
    return RawSQL("SELECT unnest(%s::bigint[])", (pk_array_text(pks),))


LINKS_SQL = """
SELECT link.articlepage_id, target.slug
FROM {links} AS link JOIN {targets} AS target ON target.id = link.{target}_id
WHERE link.articlepage_id = ANY(%s::bigint[])
"""


class MatchFacets:
    """The facet values of the best matches, from the rows the ranking read (pk, content type,
    year) and two queries for topics and audiences, so the counts and the chosen articles are
    worked out without asking the database again."""

    def __init__(self, rows: list[tuple[int, int, int | None]]):
        slugs = type_slugs()
        self.pks = {pk for pk, _content_type, _year in rows}
        self.values: dict[str, dict[int, list[str]]] = {
            "type": {pk: [slugs.get(content_type, "")] for pk, content_type, _year in rows},
            "aar": {pk: [str(year)] for pk, _content_type, year in rows if year is not None},
            "emne": defaultdict(list),
            "maalgruppe": defaultdict(list),
        }
        ids = pk_array_text(self.pks)
        with connection.cursor() as cursor:
            for param, relation, target in (
                ("emne", ArticlePage.topics.through, Topic),
                ("maalgruppe", ArticlePage.audiences.through, Audience),
            ):
                tables = {"links": relation._meta.db_table, "targets": target._meta.db_table}
                sql = LINKS_SQL.format(**tables, target=target._meta.model_name)
                cursor.execute(sql, [ids])
                for pk, slug in cursor.fetchall():
                    self.values[param][pk].append(slug)

    def chosen(self, selection: FacetSelection, skip: str = "") -> set[int]:
        """The articles that have every chosen facet value except ``skip``'s."""
        pks = self.pks
        for param, value in selection.chosen.items():
            if param == "aar" and is_year(value):
                value = str(int(value))
            if param != skip:
                pks = {pk for pk in pks if value in self.values[param].get(pk, ())}
        return pks

    def narrowed(self, selection: FacetSelection) -> QuerySet:
        return ArticlePage.objects.filter(pk__in=pk_array(self.chosen(selection)))

    def counts(self, selection: FacetSelection) -> dict[str, Counter]:
        return {
            param: Counter(
                value
                for pk in self.chosen(selection, skip=param)
                for value in self.values[param].get(pk, ())
            )
            for param in selection.params
        }


class CollectionFacets:
    """Facets over every article (browsing without a query), counted in SQL: reading twenty
    thousand articles' values into memory takes a second."""

    def __init__(self, queryset: QuerySet):
        self.queryset = queryset

    def narrowed(self, selection: FacetSelection, skip: str = "") -> QuerySet:
        """The articles with every chosen facet value except ``skip``'s."""
        queryset = self.queryset
        for param, value in selection.chosen.items():
            if param != skip:
                queryset = SQL_FILTERS[param](queryset, value)
        return queryset

    def counts(self, selection: FacetSelection) -> dict[str, Counter]:
        return {
            param: Counter(dict(SQL_COUNTS[param](self.narrowed(selection, skip=param))))
            for param in selection.params
        }


def filter_type(queryset: QuerySet, value: str) -> QuerySet:
    content_type = type_content_type_id(value)
    return queryset.filter(content_type=content_type) if content_type else queryset.none()


def filter_year(queryset: QuerySet, value: str) -> QuerySet:
    return queryset.filter(year=int(value)) if is_year(value) else queryset.none()


SQL_FILTERS = {
    "type": filter_type,
    "emne": lambda queryset, value: queryset.filter(topics__slug=value),
    "maalgruppe": lambda queryset, value: queryset.filter(audiences__slug=value),
    "aar": filter_year,
}


def count_types(queryset: QuerySet) -> list[tuple[str, int]]:
    slugs = type_slugs()
    rows = queryset.values_list("content_type").annotate(n=Count("pk")).order_by()
    return [(slugs.get(content_type, ""), n) for content_type, n in rows]


def count_years(queryset: QuerySet) -> list[tuple[str, int]]:
    rows = queryset.exclude(year=None).values_list("year").annotate(n=Count("pk")).order_by()
    return [(str(year), n) for year, n in rows]


def count_links(relation, slug_field: str):
    """Counts per topic or audience slug of the articles in a queryset."""

    def count(queryset: QuerySet) -> list[tuple[str, int]]:
        links = relation.objects.filter(articlepage__in=queryset.values("pk"))
        return list(
            links.values_list(slug_field).annotate(n=Count("articlepage", distinct=True)).order_by()
        )

    return count


SQL_COUNTS = {
    "type": count_types,
    "emne": count_links(ArticlePage.topics.through, "topic__slug"),
    "maalgruppe": count_links(ArticlePage.audiences.through, "audience__slug"),
    "aar": count_years,
}
