"""A person asks the secretariat on the web, follows the case through the emailed link,
reads the reply and answers back, in Chromium."""

import re

import pytest
from playwright.sync_api import expect

from advisory.models import Case
from advisory.models.cases import Status
from tests.advisory.factories import secretary
from tests.browser.conftest import DESKTOP, PHONE, assert_accessible, screenshot
from tests.factories import GuidePageFactory, section

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "hemmeligt-kodeord"
LINK_RE = re.compile(r"https?://\S+/raadgivning/sag/[\w-]+/")


@pytest.fixture
def site_with_guidance(live_site, settings):
    settings.PUBLIC_BASE_URL = live_site.url
    settings.ASK_MIN_FILL_SECONDS = 1
    GuidePageFactory(
        parent=section("vejledninger"),
        title="Rekruttering af frivillige",
        slug="rekruttering-af-frivillige",
        summary="Sådan finder værestedet nye frivillige til weekendvagterne.",
    )
    return live_site


def check_both_widths(page, name):
    for width in (PHONE, DESKTOP):
        screenshot(page, name, width)
        assert_accessible(page)


def test_person_asks_follows_the_case_reads_the_reply_and_answers_back(
    page, browser, site_with_guidance, mailoutbox
):
    base_url = site_with_guidance.url
    page.goto(f"{base_url}/raadgivning/spoerg/")
    page.get_by_label("Overskrift").fill("Hvordan finder vi frivillige?")
    page.get_by_label("Dit spørgsmål").fill(
        "Vi mangler frivillige til weekendvagterne. Hvor finder vi nye frivillige?"
    )
    suggestions = page.locator("[data-suggestions-results]")
    expect(suggestions).to_contain_text("Rekruttering af frivillige")
    # A screen reader hears how many, not every title and summary again at each pause.
    expect(page.locator("[data-suggestions-status]")).to_have_text(
        re.compile(r"\d+ sider? passer måske til dit spørgsmål\.")
    )
    assert suggestions.get_attribute("aria-live") is None
    page.get_by_label("Dit navn").fill("Karen Jensen")
    page.get_by_label("Din e-mail").fill("karen@example.org")
    page.get_by_label("Vi er ved at starte et værested").check()
    page.get_by_label("Jeg giver lov").check()
    check_both_widths(page, "spoerg-formular")

    page.get_by_role("button", name="Send spørgsmålet").click()
    expect(page.locator(".receipt__reference")).to_have_text(re.compile(r"R-\d{4}-\d{4}"))
    case = Case.objects.get()
    expect(page.locator(".receipt__reference")).to_have_text(case.reference)
    check_both_widths(page, "spoerg-kvittering")

    [receipt] = [mail for mail in mailoutbox if mail.to == ["karen@example.org"]]
    assert case.reference in receipt.subject
    page.goto(LINK_RE.search(receipt.body).group())
    expect(page.get_by_role("heading", level=1)).to_contain_text(case.reference)
    expect(page.locator(".case-status")).to_contain_text("Modtaget")

    staff_context = browser.new_context(locale="da-DK", viewport={"width": DESKTOP, "height": 900})
    staff_page = staff_context.new_page()
    staff = secretary(username="sofie", first_name="Sofie")
    staff_page.goto(f"{base_url}/admin/login/")
    staff_page.fill("#id_username", staff.username)
    staff_page.fill("#id_password", PASSWORD)
    staff_page.locator("form button[type=submit]").first.click()
    staff_page.wait_for_url(f"{base_url}/admin/")
    staff_page.goto(f"{base_url}/admin/sager/{case.pk}/")
    staff_page.locator("#id_reply-body").fill("Prøv vores vejledning om rekruttering.")
    staff_page.get_by_role("button", name="Send svar").click()
    expect(staff_page.locator(".timeline")).to_contain_text("Sendt til karen@example.org")
    staff_context.close()

    reply_mail = mailoutbox[-1]
    assert case.reference in reply_mail.subject
    assert LINK_RE.search(reply_mail.body).group() == LINK_RE.search(receipt.body).group()
    page.reload()
    expect(page.locator(".messages")).to_contain_text("Prøv vores vejledning om rekruttering.")
    expect(page.locator(".case-status")).to_contain_text("Besvaret")

    page.get_by_label("Din besked").fill("Tak! Må vi ringe, hvis vi har flere spørgsmål?")
    page.get_by_role("button", name="Send besked").click()
    expect(page.locator(".notice")).to_contain_text("Din besked er sendt")
    expect(page.locator(".messages")).to_contain_text("Må vi ringe")
    case.refresh_from_db()
    assert case.status == Status.IN_PROGRESS
    check_both_widths(page, "spoerg-sagsside")


def test_errors_are_summarised_at_the_top_focused_and_linked_to_their_fields(
    page, site_with_guidance
):
    page.goto(f"{site_with_guidance.url}/raadgivning/spoerg/")
    page.get_by_label("Overskrift").fill("Hjælp til bestyrelsen")
    page.get_by_label("Dit spørgsmål").fill("Hvordan finder vi nye frivillige?")
    page.get_by_label("Din e-mail").fill("karen@")
    page.wait_for_timeout(1100)  # a person takes longer than the minimum fill time
    page.get_by_role("button", name="Send spørgsmålet").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Skriv en gyldig e-mailadresse")
    expect(page.get_by_label("Overskrift")).to_have_value("Hjælp til bestyrelsen")
    # The pages that may answer the question are shown again with it.
    expect(page.locator("[data-suggestions-results]")).to_contain_text("Rekruttering af frivillige")
    expect(summary).to_be_focused()
    page.set_viewport_size({"width": PHONE, "height": 740})
    summary.get_by_role("link", name=re.compile("Din e-mail")).click()
    expect(page.get_by_label("Din e-mail")).to_be_focused()
    # The field's label and its error are in view with it, not scrolled off above it.
    expect(page.locator("label[for=id_email]")).to_be_in_viewport()
    expect(page.locator("#id_email-fejl")).to_be_in_viewport()
    expect(page.get_by_label("Din e-mail")).to_have_attribute("aria-invalid", "true")
    check_both_widths(page, "spoerg-fejl")
    assert not Case.objects.exists()


def test_an_error_link_brings_the_fields_label_help_and_error_into_view_with_it(
    page, site_with_guidance
):
    """Followed on a phone, the link to the organisation put its input at the top of the screen
    and its label, help and three-line error above it, out of sight."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site_with_guidance.url}/raadgivning/spoerg/")
    page.get_by_role("button", name="Send spørgsmålet").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()

    for link, input_id in [
        ("Værested eller forening", "id_organisation"),
        ("give lov", "id_consent"),
    ]:
        page.evaluate("window.scrollTo(0, 0)")
        summary.get_by_role("link", name=re.compile(link)).click()
        expect(page.locator(f"#{input_id}")).to_be_focused()
        field = page.locator(".field", has=page.locator(f"#{input_id}"))
        expect(field.locator(".field__error")).to_be_visible()
        expect(field).to_be_in_viewport(ratio=1)


def test_enter_in_a_field_sends_the_question(page, site_with_guidance):
    """On a phone the keyboard's "Send" key is Enter: it pressed "Se om vi allerede har svaret",
    and the page came back with nothing sent."""
    page.goto(f"{site_with_guidance.url}/raadgivning/spoerg/")
    page.get_by_label("Overskrift").fill("Hvordan finder vi frivillige?")
    page.get_by_label("Dit spørgsmål").fill("Vi mangler frivillige til weekendvagterne.")
    page.get_by_label("Dit navn").fill("Karen Jensen")
    page.get_by_label("Vi er ved at starte et værested").check()
    page.get_by_label("Jeg giver lov").check()
    page.wait_for_timeout(1100)  # a person takes longer than the minimum fill time

    page.get_by_label("Din e-mail").fill("karen@example.org")
    page.get_by_label("Din e-mail").press("Enter")

    expect(page.locator(".receipt__reference")).to_have_text(Case.objects.get().reference)
