from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef
from django.db.models.functions import Left, Length

from wagtail.models import PageViewRestriction

from kb.models import SectionPage


def site_sections(request):
    """The live sections without a privacy restriction, for the main navigation and the home
    page; fetched once per page, and only if a template uses them."""
    content_type = ContentType.objects.get_for_model(SectionPage)
    return {"site_sections": SectionPage.objects.raw(*sections_sql(content_type.pk))}


@cache
def sections_sql(content_type_id: int) -> tuple[str, tuple]:
    """The query for the sections as SQL, compiled once: on every page, Django took longer to
    build and compile it than PostgreSQL took to run it."""
    # What Wagtail's public() does, but within this query instead of in one of its own.
    restricted_above = PageViewRestriction.objects.filter(
        page__path=Left(OuterRef("path"), Length("page__path"))
    )
    # By content type, PostgreSQL finds the sections through the page table's index. By the join
    # alone it scans every page: it never learns how small kb_sectionpage is, as autovacuum does
    # not analyse a table of four rows.
    sections = SectionPage.objects.live().filter(content_type_id=content_type_id)
    return sections.exclude(Exists(restricted_above)).order_by("path").query.sql_with_params()
