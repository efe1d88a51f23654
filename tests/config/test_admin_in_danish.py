"""Wagtail's admin in Danish: the project's catalog (locale/) fills in what Wagtail leaves in
English, and a broken or stale catalog is caught here rather than on a staff member's screen."""

import gettext
import json
import re
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup

from django.conf import settings

import wagtail
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from tests.advisory.factories import OrganisationFactory
from tests.factories import GuidePageFactory, KbDocumentFactory, section

CATALOGS = sorted(Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/*.po"))
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{[^{}]*\}")


def sidebar_labels(page: str) -> set[str]:
    """Every label in the admin's sidebar menu (sent as JSON for its script to draw)."""
    props = re.search(r'<script id="wagtail-sidebar-props"[^>]*>(.*?)</script>', page, re.S)
    return {json.loads(label) for label in re.findall(r'"label": ("(?:[^"\\]|\\.)*")', props[1])}


@pytest.mark.django_db
def test_the_admin_menu_is_danish(admin_client, site):
    page = admin_client.get("/admin/").content.decode()

    labels = sidebar_labels(page)
    assert {"Sider", "Billeder", "Dokumenter", "Genbrugselementer", "Rapporter", "Hjælp"} <= labels
    assert not labels & {"Pages", "Images", "Documents", "Snippets", "Reports", "Help", "Settings"}


@pytest.mark.django_db
def test_logging_a_new_case_is_asked_for_in_danish(admin_client):
    page = admin_client.get("/admin/sager/new/").content.decode()

    assert "Ny henvendelse" in page and "Ny: Sag" not in page and "New: " not in page
    assert "Opret" in page


def translated(catalogs) -> set[tuple]:
    return {
        (entry.msgctxt, entry.msgid)
        for catalog in catalogs
        for entry in polib.pofile(catalog)
        if entry.translated()
    }


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_every_string_of_wagtails_admin_has_danish(domain):
    # Fails after a Wagtail upgrade that brings new strings, until they are added to locale/.
    wagtail_dir = Path(wagtail.__file__).parent
    english = {
        (entry.msgctxt, entry.msgid)
        for catalog in wagtail_dir.glob(f"**/locale/en/LC_MESSAGES/{domain}.po")
        for entry in polib.pofile(catalog)
        if not entry.obsolete
    }
    danish = translated(wagtail_dir.glob(f"**/locale/da/LC_MESSAGES/{domain}.po")) | translated(
        Path(settings.BASE_DIR, "locale").glob(f"da/LC_MESSAGES/{domain}.po")
    )

    assert sorted(msgid for _context, msgid in english - danish) == []


@pytest.mark.django_db
def test_the_login_page_is_danish_and_names_vidensbanken(client):
    page = client.get("/admin/login/").content.decode()

    assert "Log ind i Vidensbanken" in page and "- Vidensbanken</title>" in page
    assert re.search(r"<label[^>]*>\s*Adgangskode", page)
    assert ">Password<" not in page and "Wagtail</title>" not in page


@pytest.mark.django_db
def test_yes_and_no_in_admin_lists_are_read_out_in_danish(admin_client):
    OrganisationFactory(is_member=True, active=False)

    page = admin_client.get("/admin/organisationer/").content.decode()

    read_out = set(re.findall(r'<span class="w-sr-only">\s*(\w+)\s*</span>', page))
    assert {"Ja", "Nej"} <= read_out and not read_out & {"True", "False"}


@pytest.mark.django_db
def test_the_approval_workflow_and_groups_an_editor_meets_have_danish_names(admin_client, site):
    page = admin_client.get(f"/admin/pages/{site.pk}/edit/").content.decode()
    privacy_groups = admin_client.get("/admin/groups/").content.decode()

    assert "Godkendelse" in page and "Moderators" not in page
    assert "Godkendere" in privacy_groups
    assert not re.search(r">\s*(Editors|Moderators)\s*<", privacy_groups)


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def keeps_placeholders(entry: polib.POEntry) -> bool:
    """The Danish has the English's placeholders; a plural's singular may leave out the count."""
    if not entry.msgid_plural:
        return placeholders(entry.msgstr) == placeholders(entry.msgid)
    singular, plural = entry.msgstr_plural[0], entry.msgstr_plural[1]
    known = set(placeholders(entry.msgid) + placeholders(entry.msgid_plural))
    return (
        placeholders(plural) == placeholders(entry.msgid_plural)
        and set(placeholders(singular)) <= known
    )


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda path: path.name)
def test_every_danish_string_keeps_the_placeholders_of_its_english(catalog):
    # A lost or misspelt placeholder breaks the admin screen that shows the string.
    broken = [entry.msgid for entry in polib.pofile(catalog) if not keeps_placeholders(entry)]

    assert broken == []


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda path: path.name)
def test_the_compiled_catalogs_match_their_sources(catalog):
    with catalog.with_suffix(".mo").open("rb") as compiled_file:
        compiled = gettext.GNUTranslations(compiled_file)

    stale = []
    for entry in polib.pofile(catalog):
        if entry.msgid_plural:
            shown = [compiled.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2)]
            wanted = [entry.msgstr_plural[0], entry.msgstr_plural[1]]
        elif entry.msgctxt:
            shown, wanted = compiled.pgettext(entry.msgctxt, entry.msgid), entry.msgstr
        else:
            shown, wanted = compiled.gettext(entry.msgid), entry.msgstr
        if shown != wanted:
            stale.append(entry.msgid)
    assert stale == [], "Byg .mo-filerne igen: make messages"


@pytest.mark.django_db
def test_the_header_buttons_are_named_in_danish_for_screen_readers(admin_client):
    page = admin_client.get("/admin/organisationer/").content.decode()

    navs = BeautifulSoup(page, "html.parser").select("nav#w-slim-header-buttons")
    assert navs and {nav["aria-label"] for nav in navs} == {"Handlinger"}  # Wagtail's: "Actions"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("titles", "count"),
    [
        (["Frivillige i køkkenet"], "1-1 af 1 side"),
        (["Frivillige i køkkenet", "Frivillige om natten"], "1-2 af 2 sider"),
    ],
)
def test_the_admin_search_says_what_it_counts(admin_client, site, titles, count):
    for title in titles:
        GuidePageFactory(parent=section("vejledninger"), title=title)

    page = admin_client.get("/admin/pages/search/", {"q": "frivillige"}).content.decode()

    header = BeautifulSoup(page, "html.parser").select_one("th.title")
    assert header.get_text(" ", strip=True) == f"Titel {count}"  # Wagtail's: "… af 2 None"


@pytest.mark.django_db
def test_the_aging_pages_report_says_system_for_a_page_published_by_no_one(admin_client, site):
    guide = GuidePageFactory(parent=section("vejledninger"), title="Husorden")
    guide.save_revision().publish()  # by no one, as the corpus import publishes

    page = admin_client.get("/admin/reports/aging-pages/").content.decode()

    row = (
        BeautifulSoup(page, "html.parser")
        .find("a", string=re.compile("Husorden"))
        .find_parent("tr")
    )
    published_by = row.find_all("td")[3].get_text(strip=True)
    assert published_by == "System"  # Wagtail's: "None"


@pytest.mark.django_db
def test_help_leads_to_nothing_only_in_english(admin_client, site):
    page = admin_client.get("/admin/").content.decode()

    # Wagtail's editor guide and its release notes (help menu, dashboard) exist only in English.
    assert "guide.wagtail.org" not in page
    assert {"Hjælp", "Tastaturgenveje"} <= sidebar_labels(page)


@pytest.mark.django_db
def test_a_published_page_is_said_to_be_published_not_live(admin_client, site):
    guide = GuidePageFactory(parent=section("vejledninger"), title="Husorden")
    guide.save_revision().publish()

    listing = admin_client.get(f"/admin/pages/{guide.get_parent().pk}/").content.decode()
    history = admin_client.get(f"/admin/pages/{guide.pk}/history/").content.decode()

    statuses = BeautifulSoup(listing, "html.parser").select(".w-status")
    assert [status.get_text(" ", strip=True) for status in statuses] == [
        "Sidens aktuelle status: udgivet"  # Wagtail's Danish: "live"
    ]
    current = BeautifulSoup(history, "html.parser").select_one(".w-status")
    assert current.get_text(strip=True) == "Vises nu"  # Wagtail's Danish: "Live version"


@pytest.mark.django_db
def test_where_a_document_is_used_is_headed_in_danish(admin_client):
    document = KbDocumentFactory()

    page = admin_client.get(f"/admin/documents/edit/{document.pk}/").content.decode()

    headings = {term.get_text(strip=True) for term in BeautifulSoup(page, "html.parser")("dt")}
    assert "Anvendelse" in headings and "Brug" not in headings


@pytest.mark.django_db
def test_the_page_types_report_capitalises_only_the_first_word(admin_client, site):
    page = admin_client.get("/admin/reports/page-types-usage/").content.decode()

    types = {cell.get_text(strip=True) for cell in BeautifulSoup(page, "html.parser")("td")}
    assert "Spørgsmål og svar" in types and "Spørgsmål Og Svar" not in types


@pytest.mark.django_db
def test_the_breadcrumbs_begin_at_sider_not_root(admin_client, site):
    guide = GuidePageFactory(parent=section("vejledninger"), title="Husorden")

    page = admin_client.get(f"/admin/pages/{guide.pk}/edit/").content.decode()

    crumbs = BeautifulSoup(page, "html.parser").select("[data-w-breadcrumbs] a")
    assert [crumb.get_text(strip=True) for crumb in crumbs[:3]] == [
        "Sider",  # Wagtail's starter root page: "Root"
        "Vidensbanken",
        "Vejledninger",
    ]


@pytest.mark.django_db
def test_images_and_documents_are_counted_and_named_in_danish(admin_client, site):
    image = get_image_model().objects.create(title="Strik", file=get_test_image_file())
    KbDocumentFactory()

    images = BeautifulSoup(admin_client.get("/admin/images/").content, "html.parser").get_text()
    usage = admin_client.get(f"/admin/images/{image.pk}/delete/").content.decode()

    assert "1 billede" in " ".join(images.split())
    assert "kb image" not in images + usage


@pytest.mark.django_db
def test_the_account_page_offers_only_time_zones_a_browser_knows(admin_client):
    page = BeautifulSoup(admin_client.get("/admin/account/").content, "html.parser")
    zones = {option["value"] for option in page.select("select[name$=current_time_zone] option")}

    assert "Europe/Copenhagen" in zones
    assert "localtime" not in zones


def test_every_field_of_an_editors_pick_is_labelled_in_danish(admin_client):
    form = admin_client.get("/admin/searchpicks/add/").content.decode()
    # The form for each pick comes from a template the page's script copies.
    pick = BeautifulSoup(form, "html.parser").find(id="id_editors_picks-EMPTY_FORM_TEMPLATE")
    pick = BeautifulSoup(pick.decode_contents(), "html.parser")

    labels = [label.get_text(" ", strip=True) for label in pick.find_all("label")]
    assert "Tekst til eksternt link" in labels
    assert not [label for label in labels if "link" in label and "External" in label]
