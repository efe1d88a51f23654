"""The hits of one result page as the search page lists them, read in one prepared query.

A hit is plain values, not a page object: making ten page objects and asking each for its
URL (two reads of the sites each) took longer than the query that loads them."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

from wagtail.models import Site
from wagtail.search.models import IndexEntry

from kb.models import ArticlePage, PublicationPage
from kb.models.media import file_kind
from kb.models.pages import type_label_of
from kb.search import prepared
from kb.search.facets import TAXONOMIES, pk_array, pk_array_param
from kb.search.highlight import snippet
from kb.search.query import ParsedQuery
from kb.search.visibility import shown_now


@dataclass
class Hit:
    """One result as listed. ``text`` is what shows under the title: what the editor wrote
    about a pick, else a snippet with the searched words marked, else the summary."""

    title: str
    url: str | None
    type_label: str
    year: int | None
    text: SafeString
    topics: list[str]
    promoted: bool
    # The kind of file a publication comes as ("PDF"), so a person looking for one sees it.
    file_kind: str = ""
    page_id: int | None = None  # None for an editor's link elsewhere


NO_IDS = [-1]


@cache
def hits_sql() -> tuple[str, list, int]:
    """The query for a result page's hits, compiled once, its parameters, and which of them
    takes the ids: Django took longer to build and compile it than PostgreSQL to run it."""
    # Visible again: the engine may not yet know of a page unpublished while it was down.
    pages = shown_now(ArticlePage.objects.filter(pk__in=pk_array(NO_IDS)))
    topic_ids = ArticlePage.topics.through.objects.filter(articlepage_id=OuterRef("pk"))
    # The plain text the database index keeps (summary, body, document text, authors, topics),
    # so snippets need neither the StreamField nor the PDF text loaded.
    indexed_text = IndexEntry.objects.filter(
        content_type_id=OuterRef("content_type_id"),
        object_id=Cast(OuterRef("pk"), CharField()),
    ).values("body_text")
    document_file = PublicationPage.objects.filter(pk=OuterRef("pk")).values("document__file")
    pages = pages.annotate(
        topic_ids=ArraySubquery(topic_ids.values("topic_id")),
        indexed_text=Subquery(indexed_text),
        document_file=Subquery(document_file),
    ).values(
        "pk",
        "title",
        "url_path",
        "content_type_id",
        "year",
        "summary",
        "authors",
        "topic_ids",
        "indexed_text",
        "document_file",
    )
    sql, params = pages.order_by().query.sql_with_params()
    return sql, list(params), params.index(pk_array_param(NO_IDS))


def hit_rows(ids: list[int]) -> dict[int, dict]:
    """The columns of hits_sql for each of ``ids`` still shown, by id."""
    sql, params, ids_at = hits_sql()
    params = [*params[:ids_at], pk_array_param(ids), *params[ids_at + 1 :]]
    with connection.cursor() as cursor:
        cursor.execute(prepared.statement(sql), params)
        names = [column.name for column in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    return {row["pk"]: row for row in rows}


def page_url_maker() -> Callable[[str], str | None]:
    """A page's URL from its url_path, as Page.url makes it (local when there is one site),
    with the sites read once for all the hits."""
    roots = Site.get_site_root_paths()
    served_at = reverse("wagtail_serve", args=("",))
    one_site = len({root.site_id for root in roots}) == 1

    def url(url_path: str) -> str | None:
        root = next((root for root in roots if url_path.startswith(root.root_path)), None)
        if root is None:
            return None
        local = served_at + url_path[len(root.root_path) :]
        return local if one_site else root.root_url + local

    return url


def own_text(indexed_text: str, authors: str, topic_names: list[str]) -> str:
    """The article's own words in the database index's text, which ends with its authors and
    its topics' names (modelsearch joins every searched field): a snippet that ran into them
    read as if they were part of the last sentence."""
    ending = " ".join(part for part in (authors.strip(), *topic_names) if part)
    return indexed_text.removesuffix(" " + ending) if ending else indexed_text


def load_hits(ids: list[int], parsed: ParsedQuery, promoted: dict[int, str]) -> list[Hit]:
    """The hits for ``ids``, in order, those no longer shown left out; snippets mark what
    ``parsed`` searched for; ``promoted`` gives the editors' picks among them with what the
    editor wrote."""
    rows = hit_rows(ids)
    url = page_url_maker()
    topics = TAXONOMIES["emne"]()

    def hit(pk: int, row: dict) -> Hit:
        # In the taxonomy's order (by name, as the database sorts), as the index has them.
        names = [name for topic, (_slug, name) in topics.items() if topic in row["topic_ids"]]
        text = own_text(row["indexed_text"] or "", row["authors"], names) or row["summary"]
        return Hit(
            title=row["title"],
            url=url(row["url_path"]),
            type_label=type_label_of(row["content_type_id"]),
            year=row["year"],
            text=conditional_escape(promoted.get(pk, ""))
            or snippet(text, parsed.stems, row["title"], parsed.phrase_stems)
            or conditional_escape(row["summary"]),
            topics=names,
            promoted=pk in promoted,
            file_kind=file_kind(row["document_file"]),
            page_id=pk,
        )

    return [hit(pk, rows[pk]) for pk in ids if pk in rows]
