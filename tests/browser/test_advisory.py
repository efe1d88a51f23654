"""A secretary handles a phone call from start to finish in the admin, in Chromium."""

import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from advisory.models import Case, ReplyTemplate
from advisory.models.cases import Status
from tests.advisory.factories import CaseFactory, ContactFactory, OrganisationFactory, secretary
from tests.browser.conftest import (
    DESKTOP,
    PHONE,
    SETTLE_ANIMATIONS,
    assert_accessible,
    assert_readable_on_a_phone,
    assert_title_is_uncovered,
    inside,
    screenshot,
)
from tests.factories import GuidePageFactory, TopicFactory, section

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "hemmeligt-kodeord"


@pytest.fixture
def guidance(live_site):
    return GuidePageFactory(
        parent=section("vejledninger"),
        title="Rekruttering af frivillige",
        slug="rekruttering-af-frivillige",
        summary="Sådan finder værestedet nye frivillige til weekendvagterne.",
    )


def log_in(page, base_url, user):
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    expect(page.locator("#advisory-cases-heading, [id^=advisory-cases]").first).to_be_visible()


def test_secretary_logs_a_call_answers_it_closes_it_and_sees_it_reported(
    page, live_site, guidance, mailoutbox
):
    base_url = live_site.url
    staff = secretary(username="sofie", first_name="Sofie", last_name="Holm")
    log_in(page, base_url, staff)
    expect(page.locator("#advisory-cases-section, .dashboard-cases").first).to_contain_text(
        "Ikke tildelt: 0"
    )
    groups = page.locator(".dashboard-cases section")
    assert groups.nth(0).bounding_box()["y"] == groups.nth(1).bounding_box()["y"]  # side by side
    panel_edge = page.locator(".dashboard-cases").bounding_box()["x"]
    assert groups.nth(0).bounding_box()["x"] >= panel_edge + 16  # not against the border
    assert_accessible(page)

    # Log the phone call as a new case.
    page.goto(f"{base_url}/admin/sager/new/")
    page.select_option("#id_channel", label="Telefon")
    page.fill("#id_requester_name", "Lone Berg")
    page.fill("#id_requester_email", "lone@example.org")
    page.select_option("#id_topic", label="Frivillige")
    page.fill("#id_subject", "Frivillige til weekenden")
    page.fill("#id_question", "Hvordan finder vi nye frivillige til weekendåbent på værestedet?")
    page.uncheck("#id_assign_to_me")
    page.locator("form button.button-longrunning[type=submit]").first.click()
    expect(page.locator("h1")).to_contain_text("Frivillige til weekenden")
    case = Case.objects.get()

    # Take it.
    page.get_by_role("button", name="Tildel mig").click()
    expect(page.locator("#id_assign-assignee option:checked")).to_have_text("Sofie Holm")

    # Link the suggested guidance and put its link into the reply.
    suggestion = page.locator(".case-suggestions li", has_text="Rekruttering af frivillige")
    suggestion.get_by_role("button", name=re.compile("^Tilknyt")).click()
    linked = page.locator("#guidance-heading + h3 + ul")
    expect(linked).to_contain_text("Rekruttering af frivillige")
    linked.get_by_role("button", name=re.compile("^Indsæt link i svar")).click()
    reply = page.locator("#id_reply-body")
    expect(reply).to_have_value(re.compile("rekruttering-af-frivillige"))
    reply.press("End")
    reply.type("\nVenlig hilsen Sofie")
    page.get_by_role("button", name="Send svar").click()
    expect(page.locator(".timeline")).to_contain_text("Sendt til lone@example.org")
    assert [message.to for message in mailoutbox] == [["lone@example.org"]]
    assert "/vejledninger/rekruttering-af-frivillige/" in mailoutbox[0].body

    # Close it.
    page.select_option("#id_status-status", label="Lukket")
    page.get_by_role("button", name="Skift status").click()
    expect(page.locator(".case-status")).to_contain_text("Lukket")
    case.refresh_from_db()
    assert case.status == Status.CLOSED
    screenshot(page, "advisory-case-page", DESKTOP)
    assert_accessible(page)

    page.goto(f"{base_url}/admin/sager/")
    expect(page.get_by_role("link", name=case.reference)).to_be_visible()
    screenshot(page, "advisory-case-list", DESKTOP)
    assert_accessible(page)

    page.goto(f"{base_url}/admin/sager/rapport/")
    channels = page.locator("#report-kanal").locator("xpath=..").locator("table")
    expect(channels.locator("tr", has_text="Telefon")).to_contain_text("1")
    month = page.locator("#report-maaned").locator("xpath=..").locator("tbody tr").last
    expect(month.locator("td").nth(1)).to_have_text("1")
    screenshot(page, "advisory-report", DESKTOP)
    assert_accessible(page)


def test_an_impossible_time_typed_for_a_call_is_refused_as_typed_not_changed(page, live_site):
    log_in(page, live_site.url, secretary(username="sofie"))
    page.goto(f"{live_site.url}/admin/sager/new/")
    page.select_option("#id_channel", label="Telefon")
    page.fill("#id_requester_name", "Lone Berg")
    page.fill("#id_subject", "Frivillige")
    page.fill("#id_question", "Hvordan finder vi frivillige?")
    received = page.locator("#id_received_at")
    received.fill("31.02.2026 10:00")
    page.locator("#id_subject").click()  # leaving the field used to turn it into 03.03.2026

    expect(received).to_have_value("31.02.2026 10:00")
    page.locator("form button.button-longrunning[type=submit]").first.click()

    expect(page.locator("#id_received_at")).to_have_value("31.02.2026 10:00")
    expect(page.get_by_text("Skriv en gyldig dato og tid som dd.mm.åååå tt:mm")).to_be_visible()
    assert not Case.objects.exists()


def assert_add_button_leaves_room_for_the_title(page, label: str) -> None:
    """On a phone the add button shows only its +; screen readers still hear its label."""
    button = page.get_by_role("link", name=label)
    expect(button).to_be_visible()
    assert button.bounding_box()["width"] < 50, button.bounding_box()


def test_the_case_list_fits_a_phone_with_its_title_and_filter_menu(page, live_site):
    CaseFactory.create_batch(3)
    log_in(page, live_site.url, secretary(username="sofie"))
    page.set_viewport_size({"width": PHONE, "height": 740})
    page.goto(f"{live_site.url}/admin/sager/")
    screen = {"x": 0, "y": 0, "width": PHONE, "height": 740}

    assert_title_is_uncovered(page, PHONE)
    expect(page.get_by_role("link", name="Log en henvendelse")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Vis filtre").click()
    menu = page.locator("#filters-drilldown [data-w-dropdown-target=content]")
    expect(menu).to_be_visible()
    assert inside(menu.bounding_box(), screen), menu.bounding_box()
    menu.get_by_role("button", name="Oprettet i perioden").click()
    menu.get_by_label("Fra", exact=True).click()
    picker = page.locator(".xdsoft_datetimepicker:visible")
    expect(picker).to_be_visible()
    assert inside(picker.bounding_box(), screen), picker.bounding_box()
    screenshot(page, "advisory-case-list-filters", PHONE)
    assert_title_is_uncovered(page, PHONE)
    page.set_viewport_size({"width": DESKTOP, "height": 900})
    page.reload()
    assert_title_is_uncovered(page, DESKTOP)
    expect(page.get_by_text("Log en henvendelse")).to_be_visible()  # room for the label here


def test_an_impossible_period_on_the_case_list_stays_as_typed_and_lists_nothing(page, live_site):
    CaseFactory(subject="Sag fra i år")
    log_in(page, live_site.url, secretary(username="sofie"))
    page.set_viewport_size({"width": PHONE, "height": 740})
    page.goto(f"{live_site.url}/admin/sager/")
    expect(page.get_by_role("cell", name="Sag fra i år")).to_be_visible()
    page.get_by_role("button", name="Vis filtre").click()
    page.locator("#filters-drilldown").get_by_role("button", name="Oprettet i perioden").click()
    expect(page.get_by_label("Til og med")).to_be_visible()
    typed = page.get_by_label("Fra", exact=True)
    typed.fill("31.02.2026")
    typed.press("Tab")  # leaving the field used to turn it into 03.03.2026

    error = "Skriv en gyldig dato som dd.mm.åååå, fx 05.03.2026."
    expect(page.locator("#drilldown-id_opened_at [data-field-errors]")).to_have_text(error)
    alert = page.locator(".case-list-filter-errors")
    expect(alert).to_contain_text(error)
    expect(page.get_by_role("cell", name="Sag fra i år")).to_have_count(0)
    expect(typed).to_have_value("31.02.2026")
    page.mouse.click(5, 700)  # a tap beside the menu closes it and its date picker
    expect(typed).to_be_hidden()
    assert_accessible(page)
    page.wait_for_timeout(300)  # the menu forgets its open field 200 ms after closing
    alert.get_by_role("button", name="Ret »Oprettet i perioden«").click()
    expect(typed).to_be_visible()
    page.add_style_tag(content=SETTLE_ANIMATIONS)
    screenshot(page, "advisory-case-list-period-error", PHONE)


def test_a_standard_reply_goes_into_an_empty_reply_box_and_after_typed_text(page, live_site):
    staff = secretary(username="sofie", first_name="Sofie", last_name="Holm")
    ReplyTemplate.objects.create(title="Tak", body="Tak for din henvendelse ({reference}).")
    case = CaseFactory(requester_email="lone@example.org")
    log_in(page, live_site.url, staff)
    page.goto(f"{live_site.url}/admin/sager/{case.pk}/")
    reply = page.locator("#id_reply-body")

    page.get_by_role("button", name="Indsæt i svaret").click()  # the box is empty and required
    expect(reply).to_have_value(f"Tak for din henvendelse ({case.reference}).")

    reply.fill("Hej Lone")
    page.get_by_role("button", name="Indsæt i svaret").click()
    expect(reply).to_have_value(f"Hej Lone\n\nTak for din henvendelse ({case.reference}).")


def test_a_new_deadline_can_be_picked_from_a_calendar_on_the_case_page(page, live_site):
    case = CaseFactory()
    log_in(page, live_site.url, secretary(username="sofie", first_name="Sofie"))
    page.goto(f"{live_site.url}/admin/sager/{case.pk}/")

    page.get_by_label("Ny frist").click()
    picker = page.locator(".xdsoft_datetimepicker:visible")
    expect(picker).to_have_count(1)
    picker.locator(
        ".xdsoft_monthpicker .xdsoft_next"
    ).click()  # next month: a day that is surely not past
    picker.locator("td[data-date='15']:not(.xdsoft_other_month)").click()
    page.get_by_role("button", name="Flyt fristen").click()

    expect(page.locator(".messages")).to_contain_text("Fristen er nu 15.")


def a_day_next_month() -> str:
    next_month = timezone.localdate().replace(day=1) + timedelta(days=40)
    return next_month.replace(day=15).strftime("%d.%m.%Y")


def test_typing_a_deadline_closes_the_calendar_that_covered_the_button(page, live_site):
    """The calendar opens under the field, over »Flyt fristen«: a click on the button after
    typing landed in the calendar, and the deadline stayed."""
    case = CaseFactory()
    log_in(page, live_site.url, secretary(username="sofie", first_name="Sofie"))
    page.goto(f"{live_site.url}/admin/sager/{case.pk}/")
    field = page.get_by_label("Ny frist")
    picker = page.locator(".xdsoft_datetimepicker:visible")

    field.click()
    expect(picker).to_have_count(1)
    button = page.get_by_role("button", name="Flyt fristen")
    assert picker.bounding_box()["y"] < button.bounding_box()["y"] < picker_bottom(picker)
    field.press("Control+A")
    field.press_sequentially(a_day_next_month())
    expect(picker).to_have_count(0)
    button.click()

    expect(page.locator(".messages")).to_contain_text("Fristen er nu 15.")
    field.click()  # a click in the field asks for the calendar again
    expect(picker).to_have_count(1)


def picker_bottom(picker) -> float:
    box = picker.bounding_box()
    return box["y"] + box["height"]


def test_enter_in_the_deadline_field_moves_the_deadline(page, live_site):
    """The calendar took Enter to mean Tab: the focus moved on and nothing was sent."""
    case = CaseFactory()
    log_in(page, live_site.url, secretary(username="sofie", first_name="Sofie"))
    page.goto(f"{live_site.url}/admin/sager/{case.pk}/")

    page.get_by_label("Ny frist").fill(a_day_next_month())
    page.get_by_label("Ny frist").press("Enter")

    expect(page.locator(".messages")).to_contain_text("Fristen er nu 15.")


def test_a_call_from_the_requester_is_logged_by_choosing_from_a_named_group(page, live_site):
    case = CaseFactory()
    log_in(page, live_site.url, secretary(username="sofie", first_name="Sofie"))
    page.goto(f"{live_site.url}/admin/sager/{case.pk}/")

    choices = page.get_by_role("group", name="Hvad skriver du?")
    choices.get_by_label("Besked fra spørger (telefon, e-mail, møde)", exact=False).check()
    page.get_by_label("Tekst").fill("Lone ringede: de har fundet to frivillige.")
    page.get_by_role("button", name="Gem på tidslinjen").click()

    expect(page.locator(".messages")).to_contain_text("Beskeden fra spørgeren er gemt.")
    expect(page.locator(".timeline")).to_contain_text("Lone ringede: de har fundet to frivillige.")


def test_an_impossible_deadline_is_shown_where_it_was_typed(page, live_site):
    case = CaseFactory()
    log_in(page, live_site.url, secretary(username="sofie", first_name="Sofie"))
    page.goto(f"{live_site.url}/admin/sager/{case.pk}/")

    page.get_by_label("Ny frist").fill("31.02.2026")
    page.get_by_role("button", name="Flyt fristen").click()

    field = page.get_by_label("Ny frist")
    expect(field).to_be_focused()
    expect(field).to_be_in_viewport()
    expect(field).to_have_value("31.02.2026")
    expect(page.get_by_text("Skriv en gyldig dato som dd.mm.åååå")).to_be_in_viewport()
    page.wait_for_timeout(300)  # a picker opens a tenth of a second after its field's focus
    expect(page.locator(".xdsoft_datetimepicker:visible")).to_have_count(0)  # over the error


def test_after_inserting_a_standard_reply_the_reply_box_is_in_view(page, live_site):
    ReplyTemplate.objects.create(title="Tak", body="Tak for din henvendelse ({reference}).")
    case = CaseFactory(requester_email="lone@example.org")
    log_in(page, live_site.url, secretary(username="sofie", first_name="Sofie"))
    page.goto(f"{live_site.url}/admin/sager/{case.pk}/")
    page.get_by_role("button", name="Indsæt i svaret").click()

    expect(page.locator("#id_reply-body")).to_be_in_viewport()


def link_inserted_after_a_standard_reply(page, live_site, guidance, reply: str, **case) -> str:
    """On a case linked to ``guidance``: insert a standard reply ``reply``, then the guidance's
    link with "Indsæt link i svar". Returns the link."""
    ReplyTemplate.objects.create(title="Standardsvar", body=reply)
    linked = CaseFactory(requester_email="lone@example.org", **case)
    linked.related_pages.add(guidance)
    log_in(page, live_site.url, secretary(username="sofie", first_name="Sofie"))
    page.goto(f"{live_site.url}/admin/sager/{linked.pk}/")

    page.get_by_role("button", name="Indsæt i svaret").click()
    insert = page.locator('[data-insert-link][data-title="Rekruttering af frivillige"]').first
    link = insert.get_attribute("data-insert-link")
    insert.click()
    return link


def test_a_linked_page_fills_the_gap_a_standard_reply_left_for_it(page, live_site, guidance):
    reply = "Se her:\n\n[Indsæt link til vejledningen]\n\nHilsen"

    link = link_inserted_after_a_standard_reply(page, live_site, guidance, reply)

    expect(page.locator("#id_reply-body")).to_have_value(
        f"Se her:\n\nRekruttering af frivillige: {link}\n\nHilsen"
    )


def test_a_link_goes_after_a_standard_reply_not_above_its_greeting(page, live_site, guidance):
    reply = "Kære {navn}\n\nSe vores vejledning:"

    link = link_inserted_after_a_standard_reply(
        page, live_site, guidance, reply, requester_name="Per Hansen"
    )

    expect(page.locator("#id_reply-body")).to_have_value(
        f"Kære Per Hansen\n\nSe vores vejledning:\nRekruttering af frivillige: {link}\n"
    )


def test_another_page_is_found_in_the_page_chooser_and_linked(page, live_site, guidance):
    case = CaseFactory(subject="Husleje", question="Hvad koster lokaler?")
    log_in(page, live_site.url, secretary(username="sofie"))
    page.goto(f"{live_site.url}/admin/sager/{case.pk}/")
    summary = page.locator("summary", has_text="Tilknyt andre sider")

    # Shown as a list item, a summary has its ▸ marker; Wagtail's block one read as plain text.
    assert summary.evaluate("element => getComputedStyle(element).display") == "list-item"
    summary.click()
    page.get_by_role("button", name="Vælg en side").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("textbox", name="Søg").fill("frivillige")
    dialog.get_by_role("link", name="Rekruttering af frivillige").click()
    page.get_by_role("button", name="Tilknyt", exact=True).click()

    expect(page.get_by_text("»Rekruttering af frivillige« er tilknyttet sagen.")).to_be_visible()
    expect(page.locator(".case-section").filter(has_text="Tilknyttet sagen")).to_contain_text(
        "Rekruttering af frivillige"
    )


def test_a_half_written_reply_survives_the_pages_other_actions_until_it_is_sent(
    page, live_site, mailoutbox
):
    case = CaseFactory(requester_email="lone@example.org")
    log_in(page, live_site.url, secretary(username="sofie", first_name="Sofie"))
    page.goto(f"{live_site.url}/admin/sager/{case.pk}/")
    page.locator("#id_reply-body").fill("Hej Lone, vi har fundet")

    page.get_by_role("button", name="Tildel mig").click()  # a form of its own: the page reloads

    expect(page.locator("#id_assign-assignee option:checked")).to_have_text("Sofie")
    expect(page.locator("#id_reply-body")).to_have_value("Hej Lone, vi har fundet")
    page.get_by_role("button", name="Send svar").click()
    expect(page.locator(".timeline")).to_contain_text("Sendt til lone@example.org")
    page.reload()
    expect(page.locator("#id_reply-body")).to_have_value("")


def test_a_standard_reply_and_a_link_put_in_the_reply_survive_the_pages_other_actions(
    page, live_site, guidance
):
    reply = "Se her:\n\n[Indsæt link til vejledningen]\n\nHilsen"
    link = link_inserted_after_a_standard_reply(page, live_site, guidance, reply)
    written = f"Se her:\n\nRekruttering af frivillige: {link}\n\nHilsen"

    page.get_by_role("button", name="Tildel mig").click()  # a form of its own: the page reloads

    expect(page.locator("#id_assign-assignee option:checked")).to_have_text("Sofie")
    expect(page.locator("#id_reply-body")).to_have_value(written)


def test_choosing_an_organisation_narrows_the_contact_list_to_its_people(page, live_site):
    solstuen = OrganisationFactory(name="Solstuen")
    kaffestuen = OrganisationFactory(name="Kaffestuen")
    ContactFactory(organisation=solstuen, name="Lone Berg", role="Leder")
    ContactFactory(organisation=kaffestuen, name="Hans Jensen")
    ContactFactory(organisation=kaffestuen, name="Ida Holm")
    case = CaseFactory(organisation=solstuen)
    log_in(page, live_site.url, secretary(username="sofie"))
    page.goto(f"{live_site.url}/admin/sager/edit/{case.pk}/")
    contacts = page.locator("#id_contact option")
    expect(contacts).to_have_text(["---------", "Lone Berg, Leder"])
    assert_accessible(page)

    # Another organisation, from the keyboard: the chooser's search box takes the name at once,
    # and the focus comes back to the field.
    chooser = page.locator("#id_organisation-chooser")
    chooser.get_by_role("button", name="Handlinger").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(chooser.get_by_role("button", name="Vælg en anden organisation")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Søg")).to_be_focused()
    page.keyboard.type("kaffe")
    expect(page.locator(".modal a[data-chooser-modal-choice]")).to_have_text(["Kaffestuen"])
    assert_accessible(page, within=".modal")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    expect(page.locator("#id_organisation")).to_have_value(str(kaffestuen.pk))
    expect(chooser.get_by_role("button", name="Handlinger")).to_be_focused()
    expect(contacts).to_have_text(["---------", "Hans Jensen", "Ida Holm"])
    page.select_option("#id_contact", label="Ida Holm")
    screenshot(page, "advisory-case-form", DESKTOP)
    screenshot(page, "advisory-case-form", PHONE)
    page.locator("form button.button-longrunning[type=submit]").first.click()
    expect(page.locator(".case-facts")).to_be_visible()
    case.refresh_from_db()
    assert (case.organisation, case.contact.name) == (kaffestuen, "Ida Holm")

    page.goto(f"{live_site.url}/admin/sager/edit/{case.pk}/")
    chooser.get_by_role("button", name="Handlinger").click()
    chooser.get_by_role("button", name="Nulstil valg").click()  # someone starting a værested
    expect(contacts).to_have_text(["---------"])


def test_the_new_case_form_fits_a_phone_whatever_the_organisations_are_called(page, live_site):
    OrganisationFactory(name="Idrætsforeningen for Socialt Udsatte på Vestegnen og i Omegnen")
    log_in(page, live_site.url, secretary(username="sofie"))
    page.set_viewport_size({"width": PHONE, "height": 740})
    page.goto(f"{live_site.url}/admin/sager/new/")

    for field in ("#id_organisation-chooser", "#id_contact", "#id_topic"):
        box = page.locator(field).bounding_box()
        assert box["x"] + box["width"] <= PHONE, field
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    # Nothing drawn half off the screen's left edge, such as the title's icon.
    assert (
        page.locator("main svg:visible").evaluate_all(
            "icons => icons.filter(icon => icon.getBoundingClientRect().left < 0).length"
        )
        == 0
    )


def test_an_organisations_page_shows_who_to_call_and_what_it_was_helped_with(page, live_site):
    solstuen = OrganisationFactory(name="Solstuen", phone="66 12 34 56")
    ContactFactory(organisation=solstuen, name="Lone Berg", role="Leder", phone="20 30 40 50")
    case = CaseFactory(organisation=solstuen, subject="Frivillige til weekenden")
    log_in(page, live_site.url, secretary(username="sofie"))
    page.goto(f"{live_site.url}/admin/organisationer/")

    page.get_by_role("link", name="Solstuen").click()

    expect(page.get_by_role("region", name="Kontaktpersoner (1)")).to_contain_text("20 30 40 50")
    expect(page.get_by_role("link", name=case.reference)).to_be_visible()
    assert_accessible(page)
    screenshot(page, "advisory-organisation", DESKTOP)
    screenshot(page, "advisory-organisation", PHONE)
    page.get_by_role("link", name="Lone Berg").click()
    expect(page.locator("#id_name")).to_have_value("Lone Berg")
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_role("heading", name="Solstuen")).to_be_visible()  # back where it began


def test_the_organisation_list_keeps_names_readable_on_a_phone(page, live_site):
    OrganisationFactory(name="Bofællesskabet Toftegården", kind="boform")
    log_in(page, live_site.url, secretary(username="sofie"))
    page.set_viewport_size({"width": PHONE, "height": 740})
    page.goto(f"{live_site.url}/admin/organisationer/")
    headings = page.locator("table.listing thead th")

    expect(headings.filter(visible=True)).to_have_text(["Navn", "Kommune", "Medlem"])
    assert_add_button_leaves_room_for_the_title(page, "Tilføj organisation")
    assert_title_is_uncovered(page, PHONE, "Organisationer")  # beside the export menu too
    name = page.get_by_role("link", name="Bofællesskabet Toftegården")
    assert_readable_on_a_phone(page, name)
    screenshot(page, "advisory-organisation-list", PHONE)
    page.set_viewport_size({"width": DESKTOP, "height": 900})
    expect(headings.filter(visible=True)).to_have_text(
        ["Navn", "Type", "Kommune", "Region", "Medlem", "Aktiv"]
    )
    screenshot(page, "advisory-organisation-list", DESKTOP)
    name.click()
    expect(page.get_by_role("heading", name="Bofællesskabet Toftegården")).to_be_visible()


def test_the_contact_list_shows_name_organisation_and_phone_on_a_phone(page, live_site):
    ContactFactory(
        name="Ahmed Bruun Kirkegaard",
        organisation=OrganisationFactory(name="Dagcentret Ved Åen"),
        role="Daglig leder",
        email="ahmed@example.org",
        phone="12 34 56 78",
    )
    log_in(page, live_site.url, secretary(username="sofie"))
    page.set_viewport_size({"width": PHONE, "height": 740})
    page.goto(f"{live_site.url}/admin/kontaktpersoner/")
    headings = page.locator("table.listing thead th")

    expect(headings.filter(visible=True)).to_have_text(["Navn", "Organisation", "Telefon"])
    expect(page.get_by_role("cell", name="12 34 56 78")).to_be_visible()
    assert_add_button_leaves_room_for_the_title(page, "Tilføj kontaktperson")
    assert_title_is_uncovered(page, PHONE, "Kontaktpersoner")
    assert_readable_on_a_phone(page, page.get_by_role("link", name="Ahmed Bruun Kirkegaard"))
    screenshot(page, "advisory-contact-list", PHONE)
    page.set_viewport_size({"width": DESKTOP, "height": 900})
    expect(headings.filter(visible=True)).to_have_text(
        ["Navn", "Organisation", "Rolle", "E-mail", "Telefon"]
    )


def test_the_period_fields_are_marked_invalid_as_the_list_refreshes_and_valid_once_corrected(
    page, live_site
):
    CaseFactory(subject="Sag fra i år")
    log_in(page, live_site.url, secretary(username="sofie"))
    page.goto(f"{live_site.url}/admin/sager/?opened_at_from=31.02.2026")  # a full page load
    page.get_by_role("button", name="Ret »Oprettet i perioden«").click()
    start, end = page.locator("#id_opened_at_0"), page.locator("#id_opened_at_1")
    expect(start).to_have_attribute("aria-invalid", "true")

    start.fill("01.01.2026")
    start.press("Tab")  # the list refreshes; the menu stays as it is
    expect(page.get_by_role("cell", name="Sag fra i år")).to_be_visible()
    for field in (start, end):
        expect(field).not_to_have_attribute("aria-invalid", "true")

    start.fill("31.02.2026")
    start.press("Tab")
    expect(page.get_by_role("cell", name="Sag fra i år")).to_have_count(0)
    for field in (start, end):
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_have_css("border-color", "rgb(202, 59, 59)")  # Wagtail's error red


def test_a_period_dates_calendar_opens_on_a_click_and_closes_on_tabbing_on(page, live_site):
    """Tabbing from "Fra" to "Til og med" left both calendars open, one over the other,
    covering the button below."""
    log_in(page, live_site.url, secretary(username="sofie"))
    page.goto(f"{live_site.url}/admin/sager/")
    page.get_by_role("button", name="Vis filtre").click()
    page.locator("#filters-drilldown").get_by_role("button", name="Oprettet i perioden").click()
    start, end = page.get_by_label("Fra", exact=True), page.get_by_label("Til og med")
    picker = page.locator(".xdsoft_datetimepicker:visible")

    start.click()
    expect(picker).to_have_count(1)
    page.keyboard.press("Tab")
    expect(end).to_be_focused()
    page.wait_for_timeout(300)  # a picker opens a tenth of a second after its field's focus

    expect(picker).to_have_count(0)
    end.click()
    expect(picker).to_have_count(1)
    assert picker.bounding_box()["y"] > end.bounding_box()["y"]  # the one under "Til og med"


def test_on_a_phone_each_case_shows_every_column_by_name_without_scrolling_sideways(
    page, live_site
):
    """The list scrolled sideways and showed reference and subject only: status, case worker
    and deadline, what a secretary looks for, were off the screen."""
    staff = secretary(username="sofie", first_name="Sofie", last_name="Holm")
    case = CaseFactory(
        subject="Sag fra i år", organisation=OrganisationFactory(name="Værestedet Trappen")
    )
    Case.objects.filter(pk=case.pk).update(assignee=staff, due_date=date(2026, 1, 5))
    log_in(page, live_site.url, staff)
    page.set_viewport_size({"width": PHONE, "height": 740})
    page.goto(f"{live_site.url}/admin/sager/")
    card = page.locator("tbody tr", has_text=case.reference)
    screen = {"x": 0, "y": 0, "width": PHONE, "height": 740}

    for label, value in [
        ("Organisation", "Værestedet Trappen"),
        ("Status", "Ny"),
        ("Sagsbehandler", "Sofie Holm"),
        ("Svarfrist", "05.01.2026 – overskredet"),
    ]:
        cell = card.locator(f'td[data-label="{label}"]')
        expect(cell).to_have_text(value)
        expect(cell).to_be_in_viewport()
        assert inside(cell.bounding_box(), screen), (label, cell.bounding_box())
        shown_before = cell.evaluate("cell => getComputedStyle(cell, '::before').content")
        assert "data-label" in shown_before or label in shown_before, shown_before
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    assert page.get_by_role("region", name="Sager").evaluate("r => r.scrollWidth <= r.clientWidth")
    assert_on_one_line(page.get_by_role("link", name=case.reference))
    sort_by_deadline = page.get_by_role("link", name="Svarfrist")
    expect(sort_by_deadline).to_be_in_viewport()
    screenshot(page, "advisory-case-list-phone", PHONE)
    assert_accessible(page)
    sort_by_deadline.click()
    expect(page).to_have_url(re.compile("ordering=open_due_date"))


def assert_on_one_line(link) -> None:
    line_height = link.evaluate("link => parseFloat(getComputedStyle(link).lineHeight)")
    assert link.bounding_box()["height"] <= line_height, "the reference broke over two lines"


def test_every_column_of_the_case_list_fits_a_laptop_beside_the_open_menu(page, live_site):
    """A 13-inch laptop at 1280 px with Wagtail's menu open: "Oprettet" scrolled out of view."""
    staff = secretary(username="sofie", first_name="Sofie", last_name="Holm")
    case = CaseFactory(
        subject="Bestyrelsesansvarsforsikring",
        organisation=OrganisationFactory(name="Opgangsfællesskabet Kastanjen"),
        topic=TopicFactory(slug="brugerinddragelse", name="Brugerinddragelse"),
    )
    Case.objects.filter(pk=case.pk).update(
        assignee=staff, due_date=date(2026, 1, 5), follow_up_date=date(2026, 2, 1)
    )
    log_in(page, live_site.url, staff)
    page.goto(f"{live_site.url}/admin/sager/")
    table = page.get_by_role("region", name="Sager")

    expect(page.get_by_role("cell", name="05.01.2026 – overskredet")).to_be_visible()
    expect(page.get_by_role("columnheader", name="Oprettet")).to_be_in_viewport()
    assert table.evaluate("table => table.scrollWidth <= table.clientWidth")
    assert_on_one_line(page.get_by_role("link", name=case.reference))
    screenshot(page, "advisory-case-list-laptop", DESKTOP)


def test_the_csv_is_for_the_period_typed_even_before_the_report_is_shown(page, live_site):
    CaseFactory(opened_at=datetime(2025, 11, 12, 10, tzinfo=timezone.get_current_timezone()))
    log_in(page, live_site.url, secretary(username="sofie"))
    page.goto(f"{live_site.url}/admin/sager/rapport/")  # shown: the last twelve months
    page.fill("#id_fra", "01.11.2025")
    page.fill("#id_til", "30.11.2025")

    with page.expect_download() as download:
        page.get_by_role("button", name="Hent som CSV").click()

    assert download.value.suggested_filename == "sagsrapport-2025-11-01-2025-11-30.csv"
    months = Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()[2:4]
    assert months == ["November 2025;1;0", ""]  # that month alone, with its case
