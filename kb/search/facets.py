"""Facets for the search page: type, topic, audience and year, each a GET parameter.

A facet's counts are taken with every *other* selected facet applied, so the count shown
beside a value is exactly the number of results you get by choosing it. The engine counts
with aggregations (kb.search.engine); on the database the matches' facet values are read
once and counted here, or counted in SQL when browsing everything."""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.expressions import ArraySubquery
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import OuterRef, QuerySet
from django.db.models.expressions import RawSQL
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from wagtail.models import PageViewRestriction

from kb.models import ArticlePage, Audience, Topic
from kb.remembered import remembered
from kb.search.visibility import visible_articles
from kb.site_setup import SECTIONS


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool

    @property
    def count_shown(self) -> str:
        """The count as Danish writes it (1.234). Below a thousand that is the digits alone,
        and Django's localisation cost more than the rest of a value's markup (40 a page)."""
        return str(self.count) if self.count < 1000 else number_format(self.count)


@dataclass(frozen=True)
class Facet:
    param: str
    label: str
    values: list[FacetValue]


def type_models() -> dict[str, type]:
    """Section slug (the URL value) → page model."""
    return {section.slug: section.page_model for section in SECTIONS.values()}


def is_year(value: str) -> bool:
    """A year as the year facet's values are written: four ASCII digits, the first not 0."""
    return len(value) == 4 and value.isascii() and value.isdigit() and value[0] != "0"


def type_content_type_id(slug: str) -> int | None:
    """The content type of the section ``slug`` lists, or None for an unknown slug."""
    model = type_models().get(slug)
    return ContentType.objects.get_for_model(model).pk if model else None


def type_slugs() -> dict[int, str]:
    """Content type id → section slug."""
    return {ContentType.objects.get_for_model(m).pk: slug for slug, m in type_models().items()}


def slugs_and_names(model):
    """A remembered id → (slug, name) of every topic or every audience."""

    @remembered(model)
    def read() -> dict[int, tuple[str, str]]:
        return {
            pk: (slug, name) for pk, slug, name in model.objects.values_list("pk", "slug", "name")
        }

    return read


TAXONOMIES = {"emne": slugs_and_names(Topic), "maalgruppe": slugs_and_names(Audience)}


def slugs_by_id(param: str) -> dict[int, str]:
    """Id → URL value of every type (by content type id), topic or audience."""
    if param == "type":
        return type_slugs()
    return {pk: slug for pk, (slug, _name) in TAXONOMIES[param]().items()}


def can_be_chosen(param: str, value: str) -> bool:
    """Whether ``value`` is a value of facet ``param`` at all: a year, or the slug of a type,
    topic or audience there is (whether any article has it or not)."""
    if param == "aar":
        return is_year(value)
    if param == "type":
        return value in type_models()
    return any(slug == value for slug, _name in TAXONOMIES[param]().values())


class FacetSelection:
    """The facet values chosen in the query string."""

    params = {"type": _("Type"), "emne": _("Emne"), "maalgruppe": _("Målgruppe"), "aar": _("År")}

    def __init__(self, query_dict):
        """The values in ``query_dict``. A made-up one (?aar=xyz, ?type=bogus) is left out, as an
        unknown parameter is: shown as chosen, it found nothing and hid every result."""
        given = {p: query_dict.get(p, "").strip() for p in self.params}
        self.chosen = {p: value for p, value in given.items() if value and can_be_chosen(p, value)}

    def __bool__(self) -> bool:
        return bool(self.chosen)

    def total(self, counts: dict[str, Counter]) -> int:
        """The number of results, from the type facet's counts: an article has one type, and
        the type facet is counted with every other chosen facet applied."""
        types = counts["type"]
        return types[self.chosen["type"]] if "type" in self.chosen else sum(types.values())

    def facets(self, counts: dict[str, Counter]) -> list[Facet]:
        """The four facets, labelled and ordered, from counts per parameter and value."""
        return [
            Facet(param, label, self.values(param, counts.get(param, Counter())))
            for param, label in self.params.items()
        ]

    def values(self, param: str, counts: Counter) -> list[FacetValue]:
        """The values found, and the chosen one even when nothing has it (an old bookmark, a
        year without material), so it shows as chosen and can be removed."""
        chosen = self.chosen.get(param)
        if param == "type":
            labels = {
                slug: str(model._meta.verbose_name_plural).capitalize()
                for slug, model in type_models().items()
            }
            rows = [(slug, labels[slug]) for slug in labels if counts[slug]]
        elif param == "aar":
            labels = {}
            rows = [(year, year) for year in sorted(counts, key=int, reverse=True)]
        else:
            labels = dict(TAXONOMIES[param]().values())
            found = [(slug, labels[slug]) for slug in counts if slug in labels]
            rows = sorted(found, key=lambda row: (-counts[row[0]], row[1]))
        if chosen and chosen not in (value for value, _label in rows):
            rows.append((chosen, labels.get(chosen, chosen)))
        return [FacetValue(value, label, counts[value], value == chosen) for value, label in rows]


def filter_values(choices, counts: Counter, chosen: str) -> list[FacetValue]:
    """Topics or audiences as the values of a section page's filter, in the order given, each
    with its count (none left out, as the filter beside it may change in the same form)."""
    return [
        FacetValue(choice.slug, choice.name, counts[choice.slug], choice.slug == chosen)
        for choice in choices
    ]


def pk_array(pks) -> RawSQL:
    """``pks`` for ``pk__in``: Django compiles a thousand-item IN list slowly. Passed as the
    array's text: psycopg2 would send a list as ARRAY[…], an expression per item, which
    PostgreSQL parses and plans in more time than the lookups take."""
    return RawSQL("SELECT unnest(%s::bigint[])", (pk_array_param(pks),))


def pk_array_param(pks) -> str:
    """``pks`` as PostgreSQL reads an array from text."""
    return "{" + ",".join(map(str, pks)) + "}"


# What the database reads of each match while ranking, for MatchFacets.
FACET_COLUMNS = ("pk", "content_type", "year", "topic_ids", "audience_ids")


def with_facet_values(articles: QuerySet) -> QuerySet:
    """``articles`` with their topic and audience ids, so FACET_COLUMNS can be read."""
    links = {
        "topic_ids": ArticlePage.topics.through.objects.values("topic_id"),
        "audience_ids": ArticlePage.audiences.through.objects.values("audience_id"),
    }
    return articles.annotate(
        **{
            name: ArraySubquery(rows.filter(articlepage_id=OuterRef("pk")))
            for name, rows in links.items()
        }
    )


class MatchFacets:
    """The facet values of the best matches, from the rows (FACET_COLUMNS) the ranking read,
    so the counts and the chosen articles are worked out without asking the database again."""

    def __init__(self, rows: list[tuple]):
        types, topics, audiences = map(slugs_by_id, ("type", "emne", "maalgruppe"))
        self.pks = {row[0] for row in rows}
        self.values: dict[str, dict[int, list[str]]] = {
            param: {} for param in FacetSelection.params
        }
        for pk, content_type, year, topic_ids, audience_ids in rows:
            self.values["type"][pk] = [types.get(content_type, "")]
            self.values["aar"][pk] = [] if year is None else [str(year)]
            self.values["emne"][pk] = [topics[i] for i in topic_ids if i in topics]
            self.values["maalgruppe"][pk] = [audiences[i] for i in audience_ids if i in audiences]

    def chosen(self, selection: FacetSelection, skip: str = "") -> set[int]:
        """The articles that have every chosen facet value except ``skip``'s."""
        pks = self.pks
        for param, value in selection.chosen.items():
            if param != skip:
                pks = {pk for pk in pks if value in self.values[param][pk]}
        return pks

    def narrowed(self, selection: FacetSelection) -> QuerySet:
        return ArticlePage.objects.filter(pk__in=pk_array(self.chosen(selection)))

    def counts(self, selection: FacetSelection) -> dict[str, Counter]:
        return {
            param: Counter(
                value
                for pk in self.chosen(selection, skip=param)
                for value in self.values[param][pk]
            )
            for param in selection.params
        }


class CollectionFacets:
    """Facets over every visible article (browsing without a query), counted in SQL: reading
    twenty thousand articles' values into memory takes a second."""

    def __init__(self):
        self.queryset = visible_articles()

    def narrowed(self, selection: FacetSelection, skip: str = "") -> QuerySet:
        """The articles with every chosen facet value except ``skip``'s."""
        queryset = self.queryset
        for param, value in selection.chosen.items():
            if param != skip:
                queryset = SQL_FILTERS[param](queryset, value)
        return queryset

    def counts(self, selection: FacetSelection) -> dict[str, Counter]:
        """Each facet counted with the others chosen: the facets that share the same others
        in one query, and those with no other chosen from the remembered counts."""
        sharing = defaultdict(list)
        for param in selection.params:
            sharing[frozenset(selection.chosen.keys() - {param})].append(param)
        counts = {}
        for others, params in sharing.items():
            if others:
                counts |= counted(self.narrowed(selection, skip=params[0]), params)
            else:
                counts |= {param: counts_before_choosing()[param] for param in params}
        return counts


@remembered(ArticlePage, Topic, Audience, PageViewRestriction)
def counts_before_choosing() -> dict[str, Counter]:
    """The counts the search page shows before anything is searched for or chosen (and the
    home page's topics), the same for everyone: at 20,000 articles, counting them takes a
    tenth of a second."""
    return counted(visible_articles(), list(FacetSelection.params))


@dataclass(frozen=True)
class TopicWithMaterial:
    slug: str
    name: str
    article_count: int


def topics_with_material() -> list[TopicWithMaterial]:
    """Topics by name with their number of visible articles (for the home page, and for a
    search that finds nothing); none without any."""
    counts = counts_before_choosing()["emne"]
    return [
        TopicWithMaterial(slug, name, counts[slug])
        for slug, name in TAXONOMIES["emne"]().values()
        if counts[slug]
    ]


def filter_type(queryset: QuerySet, value: str) -> QuerySet:
    content_type = type_content_type_id(value)
    return queryset.filter(content_type=content_type) if content_type else queryset.none()


def filter_year(queryset: QuerySet, value: str) -> QuerySet:
    return queryset.filter(year=int(value)) if is_year(value) else queryset.none()


def filter_links(relation: str, param: str):
    """Articles with the topic or audience whose slug is chosen. By its id, so PostgreSQL
    knows how many articles have it and plans for that: by slug it guessed a few hundred,
    and looked up each of five thousand on its own (three times slower)."""

    def narrow(queryset: QuerySet, value: str) -> QuerySet:
        ids = [pk for pk, slug in slugs_by_id(param).items() if slug == value]
        return queryset.filter(**{relation: ids[0]}) if ids else queryset.none()

    return narrow


SQL_FILTERS = {
    "type": filter_type,
    "emne": filter_links("topics", "emne"),
    "maalgruppe": filter_links("audiences", "maalgruppe"),
    "aar": filter_year,
}


def link_counts(relation, column: str) -> str:
    """Counts per topic or audience id of the chosen articles. An article has a topic once
    (the link table is unique), so no DISTINCT: it made PostgreSQL sort every link, 150 ms
    for each facet at 20,000 articles."""
    sql = "SELECT %s, {column}, count(*) FROM {table} JOIN chosen ON articlepage_id = pk GROUP BY 2"
    return sql.format(column=column, table=relation._meta.db_table)


# Each facet's counts over the chosen articles (pk, content_type, year), as (param, value, n).
COUNTS_SQL = {
    "type": "SELECT %s, content_type, count(*) FROM chosen GROUP BY 2",
    "emne": link_counts(ArticlePage.topics.through, "topic_id"),
    "maalgruppe": link_counts(ArticlePage.audiences.through, "audience_id"),
    "aar": "SELECT %s, year, count(*) FROM chosen WHERE year IS NOT NULL GROUP BY 2",
}


def counted(queryset: QuerySet, params: list[str]) -> dict[str, Counter]:
    """The counts of ``params``' facets over the articles of ``queryset``, in one query that
    finds those articles once: a query per facet found them again for each."""
    counts = {param: Counter() for param in params}
    try:
        chosen_sql, chosen_params = (
            queryset.order_by().values("pk", "content_type", "year").query.sql_with_params()
        )
    except EmptyResultSet:  # an unknown value is chosen
        return counts
    sql = f"WITH chosen AS MATERIALIZED ({chosen_sql}) " + " UNION ALL ".join(
        COUNTS_SQL[param] for param in params
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*chosen_params, *params])
        rows = cursor.fetchall()
    slugs = {param: slugs_by_id(param) for param in params if param != "aar"}
    for param, value, n in rows:
        if param == "aar":
            counts[param][str(value)] = n
        elif value in slugs[param]:
            counts[param][slugs[param][value]] = n
    return counts
