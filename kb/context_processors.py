from functools import cache

from django.contrib.contenttypes.models import ContentType

from wagtail.models import PageViewRestriction

from kb.models import SectionPage
from kb.remembered import remembered
from kb.search.visibility import shown_now


def site_sections(request):
    """The live sections without a privacy restriction, for the main navigation and the home
    page."""
    return {"site_sections": public_sections()}


@remembered(SectionPage, PageViewRestriction)
def public_sections() -> list[SectionPage]:
    content_type = ContentType.objects.get_for_model(SectionPage)
    return list(SectionPage.objects.raw(*sections_sql(content_type.pk)))


@cache
def sections_sql(content_type_id: int) -> tuple[str, tuple]:
    """The query for the sections as SQL, compiled once: on every page, Django took longer to
    build and compile it than PostgreSQL took to run it."""
    # By content type, PostgreSQL finds the sections through the page table's index. By the join
    # alone it scans every page: it never learns how small kb_sectionpage is, as autovacuum does
    # not analyse a table of four rows.
    # The restrictions are checked within this query, as Wagtail's public() would in one of its own.
    sections = shown_now(SectionPage.objects.filter(content_type_id=content_type_id))
    return sections.order_by("path").query.sql_with_params()
