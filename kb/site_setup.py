"""The fixed page tree: one home page with the four sections under it."""

from dataclasses import dataclass

from django.db import transaction

from wagtail.models import Page, Site

from kb.models import FaqPage, GuidePage, HomePage, MethodPage, PublicationPage, SectionPage


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    intro: str
    page_model: type


SECTIONS = {
    "method": Section(
        "metoder",
        "Metoder",
        "<p>Gennemprøvede måder at arbejde på i hverdagen på et værested.</p>",
        MethodPage,
    ),
    "publication": Section(
        "publikationer",
        "Publikationer",
        "<p>Undersøgelser, evalueringer og håndbøger fra LVS og medlemmerne.</p>",
        PublicationPage,
    ),
    "guide": Section(
        "vejledninger",
        "Vejledninger",
        "<p>Trin for trin: fra at starte et værested til at søge midler og finde frivillige.</p>",
        GuidePage,
    ),
    "faq": Section(
        "spoergsmaal-og-svar",
        "Spørgsmål og svar",
        "<p>Korte svar på det, sekretariatet oftest bliver spurgt om.</p>",
        FaqPage,
    ),
}

HOME_INTRO = (
    "<p>Metoder, publikationer, vejledninger og svar til væresteder, "
    "idrætssociale foreninger og boformer.</p>"
)


@transaction.atomic
def ensure_site() -> HomePage:
    """Create the home page and sections if missing and make the home page the site root."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
        home = root.add_child(
            instance=HomePage(title="Vidensbanken", slug="home", intro=HOME_INTRO)
        )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"root_page": home, "hostname": "localhost", "site_name": "Vidensbanken"},
    )
    existing = set(SectionPage.objects.child_of(home).values_list("slug", flat=True))
    for section in SECTIONS.values():
        if section.slug not in existing:
            home.add_child(
                instance=SectionPage(title=section.title, slug=section.slug, intro=section.intro)
            )
    return home


def section_page(article_type: str) -> SectionPage:
    return SectionPage.objects.get(slug=SECTIONS[article_type].slug)
