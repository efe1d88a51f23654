"""An editor uploads PDFs on Wagtail's "Tilføj dokumenter" screen and finds the unreadable ones."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, assert_accessible, screenshot
from tests.factories import blank_pdf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_learns_at_upload_and_in_the_list_which_pdfs_cannot_be_searched(
    page, live_site, admin_user, corpus_dir, tmp_path
):
    scan = tmp_path / "scannet-referat.pdf"
    scan.write_bytes(blank_pdf())
    readable = corpus_dir / "pdf" / "sport-for-livet-evaluering.pdf"
    page.goto(f"{live_site.url}/admin/login/")
    page.get_by_label("Brugernavn").fill(admin_user.username)
    page.get_by_label("Adgangskode").fill("password")
    page.get_by_role("button", name="Log ind").click()

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
    screenshot(page, "documents-list", PHONE)
    screenshot(page, "documents-list", DESKTOP)
