from io import BytesIO

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from django.core.management import call_command

from kb.markdown_blocks import markdown_to_blocks
from tests.browser.conftest import DESKTOP, PHONE, assert_accessible, screenshot
from tests.factories import (
    FaqPageFactory,
    MethodPageFactory,
    PublicationPageFactory,
    TopicFactory,
    audience,
    section,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def content(live_site):
    volunteers = TopicFactory(slug="frivillige", name="Frivillige")
    users = TopicFactory(slug="brugerinddragelse", name="Brugerinddragelse")
    method = MethodPageFactory(
        parent=section("metoder"),
        title="De små skridts metode",
        slug="de-smaa-skridts-metode",
        summary="Forandring i brugerens eget tempo.",
        topics=[users],
        audiences=[audience("personale")],
    )
    MethodPageFactory(parent=section("metoder"), title="Frivilligmentor", topics=[volunteers])
    publication = PublicationPageFactory(
        parent=section("publikationer"), title="Frivillighed på værestederne", topics=[volunteers]
    )
    return {"method": method, "publication": publication}


@pytest.mark.parametrize(
    "name, path",
    [
        ("forside", "/"),
        ("sektion-filtreret", "/metoder/?emne=brugerinddragelse"),
        ("metode", "/metoder/de-smaa-skridts-metode/"),
        ("publikation", "/publikationer/{publication}/"),
    ],
)
def test_page_reads_well_on_phone_and_desktop_and_passes_axe(page, live_site, content, name, path):
    url = live_site.url + path.format(publication=content["publication"].slug)
    page.goto(url)
    assert page.locator("html").get_attribute("lang") == "da"
    for width in (PHONE, DESKTOP):
        screenshot(page, name, width)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, "vandret scroll"
        assert_accessible(page)


def test_filter_on_section_page_works_by_keyboard(page, live_site, content):
    page.goto(live_site.url + "/metoder/")
    page.get_by_label("Emne", exact=True).select_option("brugerinddragelse")
    page.get_by_label("Emne", exact=True).focus()
    page.keyboard.press("Tab")  # målgruppe
    page.keyboard.press("Tab")  # "Vis"
    page.keyboard.press("Enter")

    page.wait_for_url("**/metoder/?emne=brugerinddragelse*")
    assert page.get_by_role("link", name="De små skridts metode").is_visible()
    assert page.get_by_role("link", name="Frivilligmentor").count() == 0


def test_a_filters_choices_show_whole_with_their_counts(page, live_site, content):
    network = TopicFactory(slug="netvaerk-og-samarbejde", name="Netværk og samarbejde")
    MethodPageFactory(parent=section("metoder"), title="Netværksmøder", topics=[network])
    page.goto(live_site.url + "/metoder/?emne=netvaerk-og-samarbejde")
    topic = page.get_by_label("Emne", exact=True)

    expect(topic.locator("option:checked")).to_have_text("Netværk og samarbejde (1)")
    expect(topic.locator("option", has_text="Frivillige")).to_have_text("Frivillige (1)")
    for width in (PHONE, DESKTOP):
        page.set_viewport_size({"width": width, "height": 900})
        # As wide as it would be with room for its longest choice: none is cut short.
        assert topic.evaluate(
            "box => { const shown = box.offsetWidth; box.style.width = 'max-content';"
            " const needed = box.offsetWidth; box.style.width = ''; return shown >= needed; }"
        ), width
        screenshot(page, "sektion-filtre", width)


def test_skip_link_is_first_tab_stop_and_moves_focus_to_content(page, live_site, content):
    page.goto(live_site.url + "/metoder/de-smaa-skridts-metode/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Spring til indholdet")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "indhold"


def test_a_focused_link_over_two_lines_is_marked_without_covering_the_line_above(
    page, live_site, content
):
    """A ring round each line of a wrapped title hid the bottom of the line above."""
    MethodPageFactory(
        parent=section("metoder"), title="Sådan holder I et husmøde, som alle brugerne tør tale på"
    )
    page.set_viewport_size({"width": PHONE, "height": 800})
    page.goto(live_site.url + "/metoder/")
    title = page.locator(".teaser__title a", has_text="husmøde")
    assert len(title.evaluate("link => [...link.getClientRects()]")) >= 2  # it wraps

    title.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus by keyboard, as :focus-visible needs

    expect(title).to_be_focused()
    style = title.evaluate(
        "link => { const s = getComputedStyle(link);"
        " return {ring: s.outlineColor, background: s.backgroundColor, shadow: s.boxShadow}; }"
    )
    assert style["background"] == "rgb(255, 191, 71)", style  # the focus colour, line by line
    assert style["ring"] == "rgba(0, 0, 0, 0)", style
    assert " 5px" not in style["shadow"], style  # no ring spread over the neighbouring lines
    screenshot(page, "focused-wrapped-link", PHONE)


def test_a_printed_article_is_its_content_on_one_page(page, live_site, content):
    """Printed, a short FAQ took four pages with the search, the menu, the related material,
    the "ask us" box and the footer."""
    faq = FaqPageFactory(
        parent=section("spoergsmaal-og-svar"),
        title="Kan vi søge §18-midler?",
        topics=list(content["method"].topics.all()),  # so it has related material
        body=markdown_to_blocks("Ja. Se [kommunens side](https://www.kommune.dk/paragraf-18)."),
    )
    page.goto(live_site.url + faq.url)
    site_boxes = [
        page.get_by_role("link", name="Spring til indholdet"),
        page.get_by_role("search"),
        page.get_by_role("navigation", name="Hovedmenu"),
        page.get_by_role("region", name="Relateret materiale"),
        page.get_by_role("complementary", name="Fandt du ikke svaret?"),
        page.get_by_role("contentinfo"),
    ]
    expect(site_boxes[3]).to_be_visible()

    page.emulate_media(media="print")

    for box in site_boxes:
        expect(box).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kan vi søge §18-midler?")
    expect(page.locator(".article__body")).to_contain_text("Ja. Se kommunens side")
    link = page.get_by_role("link", name="kommunens side")
    assert "(https://www.kommune.dk/paragraf-18)" in link.evaluate(
        "link => getComputedStyle(link, '::after').content"
    )
    assert len(PdfReader(BytesIO(page.pdf(format="A4"))).pages) == 1


def test_publication_offers_its_document_with_type_and_size(page, live_site, content):
    page.goto(live_site.url + f"/publikationer/{content['publication'].slug}/")
    download = page.locator(".download a")
    assert "TXT" in download.inner_text()
    assert "bytes" in download.inner_text()


def test_admin_can_log_in_with_the_printed_credentials(page, live_site, capsys, settings, tmp_path):
    settings.VAR_DIR = tmp_path  # not the developer's own var/admin-password.txt
    call_command("ensure_admin", password="demo-kode-4711")
    printed = capsys.readouterr().out
    assert "brugernavn: admin  adgangskode: demo-kode-4711" in printed

    page.goto(live_site.url + "/admin/")
    page.get_by_label("Brugernavn").fill("admin")
    page.locator("#id_password").fill("demo-kode-4711")
    page.locator("form button[type=submit]").click()

    page.wait_for_url(live_site.url + "/admin/")
    assert "Vidensbanken" in page.locator("h1").first.inner_text()
