"""Wagtail's own admin screens, in Chromium: Danish and accessible on a phone."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    DESKTOP,
    PHONE,
    assert_accessible,
    assert_title_is_uncovered,
    log_in,
    screenshot,
)
from tests.factories import PublicationPageFactory, section

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_site_history_is_filtered_by_labelled_dates_and_says_so_in_danish(
    page, live_site, admin_user
):
    page.set_viewport_size({"width": PHONE, "height": 740})
    log_in(page, live_site, admin_user)

    page.goto(f"{live_site.url}/admin/reports/site-history/")
    page.get_by_role("button", name="Vis filtre").click()
    page.locator("#filters-drilldown").get_by_role("button", name="Dato").click()
    page.get_by_label("Fra", exact=True).fill("01.01.2026")
    page.keyboard.press("Tab")

    expect(page.locator(".w-active-filters")).to_have_text("Dato: fra 1. januar 2026")
    expect(page.get_by_label("Til og med")).to_be_visible()
    assert_accessible(page, within="#filters-drilldown")
    screenshot(page, "site-history-date-filter", PHONE)


def test_wagtails_lists_show_their_whole_title_beside_the_add_button_on_a_phone(
    page, live_site, admin_user
):
    log_in(page, live_site, admin_user)
    for address, title, add_button in [
        ("/admin/documents/", "Dokumenter", "Tilføj et dokument"),
        ("/admin/users/", "Brugere", "Tilføj en bruger"),
    ]:
        page.set_viewport_size({"width": PHONE, "height": 740})
        page.goto(f"{live_site.url}{address}")
        # Only the button's + shows; screen readers still hear its label.
        expect(page.get_by_role("link", name=add_button)).to_be_visible()
        assert_title_is_uncovered(page, PHONE, title)
        assert_accessible(page)
        screenshot(page, f"admin-list-{title.lower()}", PHONE)
        screenshot(page, f"admin-list-{title.lower()}", DESKTOP)


def test_the_page_list_keeps_titles_readable_on_a_phone(page, live_site, admin_user):
    PublicationPageFactory(parent=section("publikationer"), title="Brugerne ved roret i praksis")
    log_in(page, live_site, admin_user)
    page.set_viewport_size({"width": PHONE, "height": 740})
    page.goto(f"{live_site.url}/admin/pages/{section('publikationer').pk}/")
    headings = page.locator("table.listing thead th")

    expect(headings.filter(visible=True)).to_contain_text(["Titel", "Status"])
    expect(headings.filter(visible=True)).to_have_count(3)  # with the select-all box
    # Squeezed by five columns, a title stood a few letters a line ("Fæll / essp / isni / ng").
    title = page.get_by_role("link", name="Brugerne ved roret i praksis")
    assert title.evaluate("link => link.closest('td').getBoundingClientRect().width") > PHONE / 2
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    assert_accessible(page)
    screenshot(page, "admin-page-list", PHONE)
    page.set_viewport_size({"width": DESKTOP, "height": 900})
    expect(headings.filter(visible=True)).to_contain_text(["Titel", "Opdateret", "Type", "Status"])
