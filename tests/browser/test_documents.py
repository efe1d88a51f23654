"""An editor uploads PDFs on Wagtail's "Tilføj dokumenter" screen and finds the unreadable ones,
and attaches one to a publication through the document chooser."""

import pytest
from playwright.sync_api import expect

from django.core.files.base import ContentFile
from django.urls import reverse

from tests.browser.conftest import (
    DESKTOP,
    PHONE,
    assert_accessible,
    assert_readable_on_a_phone,
    log_in,
    screenshot,
)
from tests.factories import KbDocumentFactory, blank_pdf, section

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_learns_at_upload_and_in_the_list_which_pdfs_cannot_be_searched(
    page, live_site, admin_user, corpus_dir, tmp_path
):
    scan = tmp_path / "scannet-referat.pdf"
    scan.write_bytes(blank_pdf())
    readable = corpus_dir / "pdf" / "sport-for-livet-evaluering.pdf"
    log_in(page, live_site, admin_user)

    page.goto(f"{live_site.url}/admin/documents/multiple/add/")
    file_input = page.get_by_label("Eller vælg fra din computer")
    # The keyboard goes straight to the file input: the button drawn under it is only a picture.
    file_input.focus()
    page.keyboard.press("Shift+Tab")
    expect(page.locator(".drop-zone :focus")).to_have_count(0)
    file_input.set_input_files([scan, readable])

    uploads = page.locator("#upload-list > li")
    expect(uploads.locator("form")).to_have_count(2)
    scan_upload = uploads.filter(has_text="scannet-referat.pdf")
    warning = scan_upload.get_by_role("alert")
    expect(warning).to_contain_text("Der kunne ikke læses tekst fra filen.")
    expect(warning).to_contain_text("søgningen finder ikke ord inde i det")
    expect(warning.get_by_role("link", name="dokumentets side")).to_be_visible()
    expect(
        uploads.filter(has_text="sport-for-livet-evaluering.pdf").get_by_role("alert")
    ).to_have_count(0)
    expect(scan_upload.get_by_role("textbox", name="Tags")).to_be_editable()
    assert_accessible(page)
    screenshot(page, "documents-upload", PHONE)
    screenshot(page, "documents-upload", DESKTOP)

    page.goto(f"{live_site.url}/admin/documents/")
    marked = page.get_by_role("row").filter(has_text="Teksten kunne ikke læses og kan ikke søges")
    expect(marked).to_have_count(1)
    expect(marked).to_contain_text("scannet-referat")
    assert_accessible(page)
    page.set_viewport_size({"width": PHONE, "height": 740})
    # The title keeps the room on a phone: the file's name and its date are left out.
    assert_readable_on_a_phone(page, page.get_by_role("link", name="sport-for-livet-evaluering"))
    screenshot(page, "documents-list", PHONE)
    screenshot(page, "documents-list", DESKTOP)


def test_editor_attaches_a_pdf_to_a_publication_in_a_named_chooser_dialog(
    page, live_site, admin_user, corpus_dir
):
    chooser = open_the_document_choosers_upload_tab(page, live_site, admin_user)
    expect(chooser.get_by_role("textbox", name="Tags")).to_be_editable()
    assert_accessible(page)
    chooser.get_by_label("Titel").fill("Evaluering")
    chooser.get_by_label("Fil").set_input_files(
        corpus_dir / "pdf" / "sport-for-livet-evaluering.pdf"
    )
    chooser.get_by_role("button", name="Upload").click()

    expect(chooser).to_be_hidden()
    expect(page.get_by_text("Evaluering", exact=True)).to_be_visible()


def test_editor_uploading_a_scanned_pdf_in_the_chooser_is_warned_beside_the_publications_document(
    page, live_site, admin_user, corpus_dir, tmp_path
):
    scan = tmp_path / "scannet-referat.pdf"
    scan.write_bytes(blank_pdf())
    KbDocumentFactory(title="Evaluering", file=ContentFile(b"Sport og trivsel", name="eval.txt"))
    chooser = open_the_document_choosers_upload_tab(page, live_site, admin_user)
    chooser.get_by_label("Titel").fill("Scannet referat")
    chooser.get_by_label("Fil").set_input_files(scan)
    chooser.get_by_role("button", name="Upload").click()

    expect(chooser).to_be_hidden()
    warning = page.get_by_test_id("text-extraction-status")
    expect(warning).to_contain_text("Der kunne ikke læses tekst fra filen.")
    expect(warning).to_contain_text("måske et scannet billede")
    # The document's page opens in a new tab, and the page being edited stays as it is.
    with page.context.expect_page() as opened:
        warning.get_by_role("link", name="dokumentets side (åbner i et nyt vindue)").click()
    expect(opened.value.get_by_role("heading", name="Redigerer: Scannet referat")).to_be_attached()
    opened.value.close()
    page.mouse.move(0, 0)  # Wagtail drops the underline of a link under the mouse
    assert_accessible(page)
    for width in (PHONE, DESKTOP):
        page.set_viewport_size({"width": width, "height": 900})
        warning.scroll_into_view_if_needed()
        screenshot(page, "publication-scanned-document", width)

    chosen = page.locator("[data-field-input]").filter(has_text="Scannet referat")
    chosen.get_by_role("button", name="Handlinger").click()
    page.get_by_role("button", name="Vælg et andet dokument").click()
    chooser.get_by_role("link", name="Evaluering").click()
    expect(chooser).to_be_hidden()
    content = page.get_by_role("tabpanel", name="Indhold")
    expect(content.get_by_text("Evaluering", exact=True)).to_be_visible()
    expect(warning).to_have_count(0)


def open_the_document_choosers_upload_tab(page, live_site, user):
    """Log in, open a new publication's form and, in its document chooser, the upload tab."""
    add_publication = reverse(
        "wagtailadmin_pages:add", args=["kb", "publicationpage", section("publikationer").pk]
    )
    log_in(page, live_site, user)
    page.goto(f"{live_site.url}{add_publication}")
    page.get_by_role("button", name="Vælg et dokument").click()
    chooser = page.get_by_role("dialog", name="Vælg et dokument")
    chooser.get_by_role("tab", name="Upload").click()
    return chooser
