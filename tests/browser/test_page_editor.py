"""An editor writes an article in Wagtail's page editor with a screen reader: every rich-text
field is a textbox named by its label, also in blocks added while editing."""

import pytest
from playwright.sync_api import expect

from django.urls import reverse

from tests.browser.conftest import DESKTOP, PHONE, assert_accessible, log_in, screenshot
from tests.factories import FaqPageFactory, GuidePageFactory, MethodPageFactory, section

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_text_blocks_added_to_a_new_article_are_named_textboxes(page, live_site, admin_user):
    add_method = reverse("wagtailadmin_pages:add", args=["kb", "methodpage", section("metoder").pk])
    log_in(page, live_site, admin_user)
    page.goto(f"{live_site.url}{add_method}")

    add_block(page, "Tekst")
    add_block(page, "Fremhævet boks")
    add_block(page, "Trin for trin")

    texts = page.get_by_role("textbox", name="Tekst")
    expect(texts).to_have_count(3)
    assert_accessible(page)
    screenshot(page, "page-editor-new-method", PHONE)
    assert_accessible(page)
    screenshot(page, "page-editor-new-method", DESKTOP)
    texts.first.fill("Sådan kommer I i gang.")
    expect(texts.first).to_have_text("Sådan kommer I i gang.")


def test_text_of_an_existing_article_and_a_block_added_to_it_are_named_textboxes(
    page, live_site, admin_user
):
    method = MethodPageFactory(parent=section("metoder"), title="Frivilligmentor")
    log_in(page, live_site, admin_user)
    page.goto(f"{live_site.url}{reverse('wagtailadmin_pages:edit', args=[method.pk])}")

    expect(page.get_by_role("textbox", name="Tekst")).to_have_text("Brødtekst om værestedet.")
    add_block(page, "Tekst")

    expect(page.get_by_role("textbox", name="Tekst")).to_have_count(2)
    assert_accessible(page)


def test_a_sections_introduction_is_a_named_textbox(page, live_site, admin_user):
    log_in(page, live_site, admin_user)
    edit_section = reverse("wagtailadmin_pages:edit", args=[section("metoder").pk])
    page.goto(f"{live_site.url}{edit_section}")

    expect(page.get_by_role("textbox", name="Introduktion")).to_be_editable()
    assert_accessible(page)


def test_a_new_table_starts_with_its_first_row_as_headings(page, live_site, admin_user):
    """Without a choice of headings Wagtail refused to publish, in English."""
    add_method = reverse("wagtailadmin_pages:add", args=["kb", "methodpage", section("metoder").pk])
    log_in(page, live_site, admin_user)
    page.goto(f"{live_site.url}{add_method}")

    add_block(page, "Tabel")

    expect(page.get_by_label("Tabeloverskrifter")).to_have_value("row")


def test_a_publishing_date_typed_wrong_is_kept_and_refused_in_danish(page, live_site, admin_user):
    """Wagtail's picker turned 31.02 into 03.03 and a word into now, without a word, and left
    its calendar open over the next field."""
    method = MethodPageFactory(parent=section("metoder"), title="Frivilligmentor")
    log_in(page, live_site, admin_user)
    page.goto(f"{live_site.url}{reverse('wagtailadmin_pages:edit', args=[method.pk])}")
    page.locator("[data-side-panel-toggle='status']").click()
    page.get_by_role("button", name="Planlæg").click()

    go_live = page.get_by_label("Dato/tidspunkt for udgivelse")
    go_live.fill("31.02.2026 10:00")
    go_live.press("Tab")
    expiry = page.get_by_label("Dato/tidspunkt for udløb")
    expiry.fill("hej")
    expiry.press("Tab")

    expect(go_live).to_have_value("31.02.2026 10:00")
    expect(expiry).to_have_value("hej")
    expect(page.locator(".xdsoft_datetimepicker:visible")).to_have_count(0)
    page.get_by_role("button", name="Gem udgivelsesplan").click()
    page.get_by_role("button", name="Gem kladde").click()
    page.get_by_role("button", name="Rediger planlægning").click()
    expect(page.get_by_text("Skriv en gyldig dato og tid som dd.mm.åååå tt:mm")).to_have_count(2)
    expect(go_live).to_have_value("31.02.2026 10:00")


def test_a_question_published_without_its_answer_is_told_so_at_the_answer(
    page, live_site, admin_user
):
    faq = FaqPageFactory(parent=section("spoergsmaal-og-svar"), body=[], live=False)
    edit = reverse("wagtailadmin_pages:edit", args=[faq.pk])
    log_in(page, live_site, admin_user)
    page.goto(f"{live_site.url}{edit}")

    page.get_by_role("button", name="Flere handlinger").click()
    # Wagtail's autosave keeps what was typed as a draft a moment after the refusal: waited for,
    # so that it is not still writing when the test's database is emptied.
    with page.expect_response(
        lambda response: (
            response.url.endswith(edit)
            and response.request.method == "POST"
            and response.request.resource_type in ("fetch", "xhr")
        )
    ):
        page.get_by_role("button", name="Udgiv").click()
        answer = page.locator("[data-contentpath='body']")
        expect(answer.get_by_text("Skriv svaret, før spørgsmålet kan udgives.")).to_be_visible()
    screenshot(page, "page-editor-faq-without-answer", PHONE)
    faq.refresh_from_db()
    assert not faq.live


@pytest.fixture
def editing_a_table(page, live_site, admin_user):
    """The editor open on a method whose body is a table of opening hours."""
    opening_hours = {
        "data": [["Dag", "Åbent"], ["Mandag", "10-16"]],
        "first_row_is_table_header": True,
    }
    method = MethodPageFactory(
        parent=section("metoder"), body=[{"type": "table", "value": opening_hours}]
    )
    log_in(page, live_site, admin_user)
    page.goto(f"{live_site.url}{reverse('wagtailadmin_pages:edit', args=[method.pk])}")
    expect(page.get_by_role("cell", name="Mandag")).to_be_visible()
    return page


def test_a_table_in_an_article_is_typed_into_through_a_textbox_named_by_its_block(
    editing_a_table,
):
    page = editing_a_table
    assert_accessible(page)
    page.get_by_role("cell", name="Mandag").dblclick()
    content = page.get_by_role("tabpanel", name="Indhold")
    cell = content.get_by_role("textbox", name="Tabel", exact=True)
    expect(cell).to_be_focused()
    expect(cell).to_have_value("Mandag")
    assert_accessible(page)


def test_the_table_editors_right_click_menu_is_in_danish(editing_a_table):
    page = editing_a_table
    rows = page.locator(".ht_master tbody tr")
    expect(rows).to_have_count(2)
    page.get_by_role("cell", name="Mandag").click(button="right")

    menu = page.locator(".htContextMenu")
    for item in ("Indsæt række over", "Indsæt kolonne til højre", "Slet række", "Fortryd"):
        expect(menu.get_by_text(item, exact=True)).to_be_visible()
    expect(menu).not_to_contain_text("Insert")
    screenshot(page, "page-editor-table-menu", DESKTOP)
    page.get_by_text("Indsæt række under", exact=True).click()
    expect(rows).to_have_count(3)


def test_an_editor_finds_and_chooses_related_material_in_one_dialog(page, live_site, admin_user):
    method = MethodPageFactory(parent=section("metoder"), title="Husmødet som metode")
    for title in ("Sådan finder I nye frivillige", "Aftaler med frivillige", "Budget og regnskab"):
        GuidePageFactory(parent=section("vejledninger"), title=title)
    log_in(page, live_site, admin_user)
    page.goto(f"{live_site.url}{reverse('wagtailadmin_pages:edit', args=[method.pk])}")

    page.get_by_role("button", name="Tilføj materiale").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("textbox", name="Søg").fill("frivillige")
    expect(dialog.get_by_role("row").filter(has_text="Budget og regnskab")).to_have_count(0)
    for title in ("Aftaler med frivillige", "Sådan finder I nye frivillige"):
        dialog.get_by_role("row").filter(has_text=title).get_by_role("checkbox").check()
    dialog.get_by_role("button", name="Bekræft valg").click()

    chosen = page.locator("[id^=inline_child_related_articles] .chooser__title")
    expect(chosen).to_have_count(2)
    assert_accessible(page)
    screenshot(page, "page-editor-related-material", DESKTOP)
    in_the_form = chosen.all_inner_texts()
    page.get_by_role("button", name="Gem kladde").click()
    expect(page.get_by_text("er opdateret")).to_be_visible()
    method.refresh_from_db()
    method.get_latest_revision().publish()
    page.goto(f"{live_site.url}{method.url}")
    shown = page.locator(".related .teaser__title").all_inner_texts()
    assert shown[:2] == in_the_form


def add_block(page, label: str) -> None:
    """Add a block of the type ``label`` at the end of the article's body."""
    page.get_by_role("button", name="Indsæt en blok").last.click()
    page.get_by_role("option", name=label, exact=True).click()
