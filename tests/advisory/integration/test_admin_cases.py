import csv
import html
import io
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from bs4 import BeautifulSoup

from django.contrib.auth.models import Permission
from django.db import connection
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from advisory import workflow
from advisory.deadlines import response_due_date
from advisory.models import Case, CaseEvent, Municipality, ReplyTemplate
from advisory.models.cases import Channel, Status
from advisory.public.intake import receive_message
from kb.models import Topic
from tests.advisory.factories import (
    CaseFactory,
    ContactFactory,
    OrganisationFactory,
    UserFactory,
    editor,
    secretary,
)
from tests.factories import GuidePageFactory, section

pytestmark = pytest.mark.django_db
CPH = ZoneInfo("Europe/Copenhagen")


def detail_url(case):
    return reverse("sager:detail", args=[case.pk])


@pytest.mark.parametrize("receipt", [True, False])
def test_an_email_logged_by_staff_gets_a_receipt_with_the_tracking_link_if_chosen(
    client, staff, mailoutbox, django_capture_on_commit_callbacks, receipt
):
    data = {
        "channel": Channel.EMAIL,
        "requester_name": "Lone Berg",
        "requester_email": "lone@example.org",
        "subject": "Frivillige til weekenden",
        "question": "Hvordan finder vi frivillige til weekendåbent?",
        "priority": "normal",
    }
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("sager:add"), {**data, "send_receipt": "on"} if receipt else data)

    case = Case.objects.get()
    assert len(mailoutbox) == (1 if receipt else 0)
    if receipt:
        assert case.reference in mailoutbox[0].subject
        assert f"/raadgivning/sag/{case.access.token}/" in mailoutbox[0].body


A_CALL_WITH_A_RECEIPT = {
    "channel": Channel.PHONE,
    "requester_name": "Lone Berg",
    "subject": "Frivillige til weekenden",
    "question": "Hvordan finder vi frivillige?",
    "priority": "normal",
    "send_receipt": "on",
}


@pytest.mark.parametrize(
    ("email", "error", "not_said"),
    [
        ("", "Skriv spørgerens e-mailadresse, eller send ingen kvittering.", None),
        # A mistyped address gets its own error only.
        ("lone@example", "Indtast en gyldig e-mail-adresse.", "eller send ingen kvittering"),
    ],
)
def test_a_receipt_needs_a_valid_email_address_and_nothing_typed_is_lost(
    client, staff, email, error, not_said
):
    page = client.post(
        reverse("sager:add"), {**A_CALL_WITH_A_RECEIPT, "requester_email": email}
    ).content.decode()

    assert error in page
    if not_said:
        assert not_said not in page
    assert "Hvordan finder vi frivillige?" in page and f'value="{email}"' in page
    assert not Case.objects.exists()


def test_a_phone_number_that_is_not_one_is_refused_and_nothing_typed_is_lost(client, staff):
    call = {**A_CALL_WITH_A_RECEIPT, "send_receipt": "", "requester_phone": "ring til Lone"}

    page = client.post(reverse("sager:add"), call).content.decode()

    assert "Skriv et telefonnummer med mindst 8 cifre, fx 7592 4000." in page
    assert 'value="ring til Lone"' in page and "Hvordan finder vi frivillige?" in page
    assert not Case.objects.exists()


def test_logging_a_call_creates_a_numbered_case_assigned_to_me(client, staff):
    topic = Topic.objects.get(slug="frivillige")
    response = client.post(
        reverse("sager:add"),
        {
            "channel": Channel.PHONE,
            "requester_name": "Lone Berg",
            "requester_phone": "12345678",
            "topic": topic.pk,
            "subject": "Frivillige til weekenden",
            "question": "Hvordan finder vi frivillige til weekendåbent?",
            "priority": "normal",
            "assign_to_me": "on",
        },
    )
    case = Case.objects.get()
    assert response.status_code == 302
    assert response.url == detail_url(case)
    assert case.reference.startswith("R-")
    assert (case.assignee, case.status, case.organisation) == (staff, Status.NEW, None)
    assert case.due_date is not None


CALL = {
    "channel": Channel.PHONE,
    "requester_name": "Lone Berg",
    "subject": "Frivillige til weekenden",
    "question": "Hvordan finder vi frivillige til weekendåbent?",
    "priority": "normal",
}


@pytest.mark.parametrize("typed", ["%d.%m.%Y %H:%M", "%d.%m.%Y %H.%M", "%d.%m.%Y kl. %H.%M"])
def test_a_call_logged_a_week_later_is_dated_and_due_from_when_it_came(client, staff, typed):
    came = (timezone.localtime() - timedelta(days=7)).replace(
        hour=14, minute=30, second=0, microsecond=0
    )

    client.post(reverse("sager:add"), {**CALL, "received_at": came.strftime(typed)})

    case = Case.objects.get()
    assert case.opened_at == came
    assert case.due_date == response_due_date(came.date())
    assert case.events.get().created_at == came  # "Ny" on the timeline at that time


@pytest.mark.parametrize(
    ("days", "error"),
    [
        (1, "Tidspunktet kan ikke ligge i fremtiden."),
        (-3650, "Tidspunktet kan højst ligge et år tilbage."),  # 2016 typed for 2026
    ],
)
def test_a_call_dated_in_the_future_or_years_back_is_refused_and_nothing_is_lost(
    client, staff, days, error
):
    when = timezone.localtime() + timedelta(days=days)

    page = client.post(
        reverse("sager:add"), {**CALL, "received_at": when.strftime("%d.%m.%Y %H:%M")}
    ).content.decode()

    assert error in page
    assert "Hvordan finder vi frivillige til weekendåbent?" in page
    assert not Case.objects.exists()


def test_the_new_case_form_says_how_to_write_when_the_call_came_before_it_is_typed(client, staff):
    page = client.get(reverse("sager:add")).content.decode()

    assert "skriv dato og tid som 05.03.2026 14:30" in page


def test_a_time_that_is_no_time_is_refused_with_the_format_to_use(client, staff):
    page = client.post(
        reverse("sager:add"), {**CALL, "received_at": "i går ved totiden"}
    ).content.decode()

    assert "Skriv en gyldig dato og tid som dd.mm.åååå tt:mm, fx 05.03.2026 14:30." in page
    assert 'value="i går ved totiden"' in page


def test_the_case_list_sorts_by_topic_and_handler_and_finds_a_case_by_its_topic(client, staff):
    CaseFactory(subject="Om penge", topic=Topic.objects.get(slug="oekonomi-og-fundraising"))
    CaseFactory(subject="Om frivillige", topic=Topic.objects.get(slug="frivillige"))
    workflow.assign(
        CaseFactory(subject="Hos Anna"), secretary(first_name="Anna", last_name="Holm"), staff
    )
    workflow.assign(
        CaseFactory(subject="Hos Bo"), secretary(first_name="Bo", last_name="Lund"), staff
    )
    index = reverse("sager:index")

    def subjects(**query):
        return [case.subject for case in client.get(index, query).context["object_list"]]

    assert subjects(ordering="topic__name")[:2] == ["Om frivillige", "Om penge"]
    assert subjects(ordering="assignee__first_name")[:2] == ["Hos Anna", "Hos Bo"]
    assert subjects(q="fundraising") == ["Om penge"]


def test_the_case_list_sorts_statuses_in_the_order_of_the_workflow(client, staff):
    for path in [
        [Status.IN_PROGRESS, Status.ANSWERED, Status.CLOSED],
        [],
        [Status.IN_PROGRESS, Status.ANSWERED],
        [Status.IN_PROGRESS, Status.WAITING],
    ]:
        case = CaseFactory()
        for status in path:
            case = workflow.change_status(case, status, staff)
    index = reverse("sager:index")

    def statuses(ordering):
        listed = client.get(index, {"ordering": ordering}).context["object_list"]
        return [case.get_status_display() for case in listed]

    assert statuses("status_order") == ["Ny", "Afventer spørger", "Besvaret", "Lukket"]
    assert statuses("-status_order") == ["Lukket", "Besvaret", "Afventer spørger", "Ny"]


def test_the_case_list_sorts_by_the_deadlines_still_to_meet_closed_cases_last(client, staff):
    """A closed case keeps the deadline it had, blank in the list: sorted by it, closed cases
    from years ago came first."""
    for subject, due, closed in [
        ("Lukket for længe siden", date(2023, 1, 10), True),
        ("Haster", date(2026, 12, 1), False),
        ("Kan vente", date(2026, 12, 20), False),
    ]:
        case = CaseFactory(subject=subject)
        for status in [Status.IN_PROGRESS, Status.ANSWERED, Status.CLOSED] if closed else []:
            case = workflow.change_status(case, status, staff)
        Case.objects.filter(pk=case.pk).update(due_date=due)
    index = reverse("sager:index")

    def subjects(ordering):
        listed = client.get(index, {"ordering": ordering}).context["object_list"]
        return [case.subject for case in listed]

    assert subjects("open_due_date") == ["Haster", "Kan vente", "Lukket for længe siden"]
    assert subjects("-open_due_date") == ["Kan vente", "Haster", "Lukket for længe siden"]


def test_case_list_filters_by_status_region_and_overdue(client, staff):
    odense = OrganisationFactory(name="Stedet i Odense")
    late = CaseFactory(organisation=odense, subject="Forsinket sag")
    late.due_date = date(2020, 1, 1)
    late.save()
    CaseFactory(organisation=odense, subject="Sag i tide")
    aarhus = OrganisationFactory(
        name="Stedet i Aarhus", municipality=Municipality.objects.get(name="Aarhus")
    )
    CaseFactory(organisation=aarhus, subject="Sag fra Midtjylland")

    def subjects(query):
        response = client.get(reverse("sager:index"), query)
        return {case.subject for case in response.context["object_list"]}

    assert subjects({"overdue": "overskredet"}) == {"Forsinket sag"}
    assert subjects({"region": "midtjylland"}) == {"Sag fra Midtjylland"}
    assert subjects({"status": ["new"], "region": "syddanmark"}) == {"Forsinket sag", "Sag i tide"}
    assert subjects({"q": "Midtjylland"}) == {"Sag fra Midtjylland"}
    assert subjects({"q": "Stedet i Aarhus"}) == {"Sag fra Midtjylland"}


def test_case_list_query_count_does_not_grow_with_cases(
    client, staff, django_assert_max_num_queries
):
    for _ in range(30):
        CaseFactory(assignee=staff)
    with django_assert_max_num_queries(25):
        response = client.get(reverse("sager:index"), {"status": ["new"], "overdue": ""})
    assert response.status_code == 200


def test_case_list_exports_csv_and_xlsx_for_danish_excel(client, staff):
    opened = datetime(2026, 11, 27, 13, 2, 30, 133725, tzinfo=CPH)
    vejle = Municipality.objects.get(name="Vejle")
    case = CaseFactory(
        subject="Eksporteret sag om æbler",
        opened_at=opened,
        organisation=None,
        municipality=vejle,
        requester_phone="75 92 40 00",
    )
    Case.objects.filter(pk=case.pk).update(due_date=date(2026, 12, 2))
    workflow.assign(case, secretary(first_name="Rikke", last_name="Anmelder"), staff)
    response = client.get(reverse("sager:index"), {"export": "csv"})
    content = b"".join(response.streaming_content).decode("utf-8")
    today = timezone.localdate().isoformat()
    assert f'filename="sager-{today}.csv"' in response["Content-Disposition"]
    assert content.startswith("\ufeff")
    [row] = csv.DictReader(io.StringIO(content[1:]), delimiter=";")
    assert [row["Reference"], row["Emnelinje"], row["Status"]] == [
        case.reference,
        "Eksporteret sag om æbler",
        "Ny",
    ]
    assert (row["Oprettet"], row["Svarfrist"]) == ("27.11.2026 13:02", "02.12.2026")
    assert row["Sagsbehandler"] == "Rikke Anmelder"
    assert (row["Kommune"], row["Region"], row["Prioritet"]) == (
        "Vejle",
        vejle.get_region_display(),
        "Normal",
    )
    assert row["Spørgerens telefon"] == "75 92 40 00"
    response = client.get(reverse("sager:index"), {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.title == "Sager"
    headings = [cell.value for cell in sheet[1]]
    cells = dict(zip(headings, sheet[2], strict=True))
    assert cells["Reference"].value == case.reference
    assert cells["Oprettet"].value == datetime(2026, 11, 27, 13, 2)
    assert cells["Sagsbehandler"].value == "Rikke Anmelder"
    assert (cells["Svarfrist"].value, cells["Svarfrist"].number_format) == (
        datetime(2026, 12, 2),
        "dd.mm.yyyy",
    )
    # Wide enough for the subject, where Wagtail's columns cut every text at 13 characters.
    assert sheet.column_dimensions[cells["Emnelinje"].column_letter].width >= len(case.subject)


def test_case_page_shows_timeline_newest_first(client, staff):
    case = CaseFactory()
    workflow.add_note(case, staff, "Første note")
    workflow.add_note(case, staff, "Anden note")
    html = client.get(detail_url(case)).content.decode()
    assert html.index("Anden note") < html.index("Første note")


def names_shown(page: BeautifulSoup) -> list[str]:
    """The case page's facts, headings and labels as seen (not those for screen readers)."""
    shown = page.select(".case-main :is(dt, h3, label):not(.w-sr-only)")
    return [tag.get_text(strip=True) for tag in shown]


def test_the_case_page_shows_the_case_worker_once_where_it_is_changed(client, staff):
    case = workflow.assign(CaseFactory(), staff, staff)

    page = BeautifulSoup(client.get(detail_url(case)).content, "html.parser")

    assert names_shown(page).count("Sagsbehandler") == 1
    assert page.select_one("#id_assign-assignee option[selected]").get_text() == "Sofie"


def test_who_may_only_read_a_case_sees_its_case_worker_among_the_facts(client, staff):
    reader = UserFactory(username="laeser")
    reader.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_case"),
    )
    client.force_login(reader)
    case = workflow.assign(CaseFactory(), staff, staff)

    page = BeautifulSoup(client.get(detail_url(case)).content, "html.parser")

    assert names_shown(page).count("Sagsbehandler") == 1
    fact = page.find("dt", string="Sagsbehandler").find_next_sibling("dd")
    assert fact.get_text(strip=True) == "Sofie"
    assert page.select_one("#id_assign-assignee") is None


def test_note_reply_status_and_assignment_from_the_case_page(client, staff, mailoutbox, post_reply):
    case = CaseFactory(requester_email="lone@example.org")
    client.post(detail_url(case), {"action": "assign_me"})
    client.post(
        detail_url(case), {"action": "note", "note-kind": "note", "note-body": "Ringer i morgen"}
    )
    post_reply(case, "Her er vores svar.")
    client.post(detail_url(case), {"action": "status", "status-status": "closed"})
    case.refresh_from_db()
    assert case.assignee == staff
    assert case.status == Status.CLOSED
    assert mailoutbox[0].to == ["lone@example.org"]
    kinds = list(case.events.order_by("created_at", "pk").values_list("kind", flat=True))
    assert kinds == ["status", "assignment", "note", "status", "reply", "status", "status"]


def test_illegal_status_change_from_case_page_is_refused_and_changes_nothing(client, staff):
    case = CaseFactory()
    response = client.post(detail_url(case), {"action": "status", "status-status": "closed"})
    case.refresh_from_db()
    assert case.status == Status.NEW
    assert case.events.count() == 1
    assert response.context["forms"]["status"].errors["status"] == [
        "En sag med status »Ny« kan ikke sættes til »Lukket«."
    ]


def test_a_status_someone_else_chose_meanwhile_is_explained_not_called_an_invalid_choice(
    client, staff
):
    case = CaseFactory()
    client.post(detail_url(case), {"action": "status", "status-status": "in_progress"})
    events = case.events.count()
    # A second tab, opened while the case was new, offers "I gang" once more.
    response = client.post(detail_url(case), {"action": "status", "status-status": "in_progress"})

    html = response.content.decode()
    assert "Sagen har allerede status »I gang«. Genindlæs siden for at se hvorfor." in html
    assert "in_progress" not in response.context["forms"]["status"].errors["status"][0]
    assert case.events.count() == events


def test_failed_reply_delivery_is_shown_on_the_case_page(client, staff, settings, post_reply):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    case = CaseFactory()
    response = post_reply(case, "Svar der ikke kom frem")
    html = response.content.decode()
    assert "Svaret blev ikke sendt" in html
    assert "Ikke leveret:" in html
    # The reply is still in the box, to send again once the mail server answers.
    assert response.context["forms"]["reply"]["body"].value() == "Svar der ikke kom frem"
    assert case.latest_reply() is None


def test_linking_a_suggested_page(client, staff, site):
    page = GuidePageFactory(
        parent=section("vejledninger"),
        title="Rekruttering af frivillige",
        summary="Sådan finder I frivillige til værestedet.",
    )
    case = CaseFactory(subject="Frivillige", question="Hvordan finder vi frivillige?")
    html = client.get(detail_url(case)).content.decode()
    assert "Rekruttering af frivillige" in html
    response = client.post(detail_url(case), {"action": "link", "link-page": page.pk}, follow=True)
    assert "»Rekruttering af frivillige« er tilknyttet sagen." in response.content.decode()
    assert list(case.related_pages.all()) == [page.articlepage_ptr]
    assert case.events.filter(kind=CaseEvent.Kind.EDIT, field="relateret vejledning").exists()


def test_a_page_linked_by_mistake_is_taken_off_the_case_and_the_timeline_says_so(
    client, staff, site
):
    page = GuidePageFactory(parent=section("vejledninger"), title="Rekruttering af frivillige")
    case = CaseFactory()
    workflow.link_pages(case, [page], staff)

    response = client.post(
        detail_url(case), {"action": "unlink", "unlink-page": page.pk}, follow=True
    )

    assert "»Rekruttering af frivillige« er ikke længere tilknyttet sagen." in (
        response.content.decode()
    )
    assert not case.related_pages.exists()
    removed = case.events.filter(kind=CaseEvent.Kind.EDIT).latest("pk")
    assert (removed.old_value, removed.new_value) == ("Rekruttering af frivillige", "fjernet")


def test_a_link_put_into_a_reply_has_the_address_requesters_reach(client, staff, site, settings):
    settings.PUBLIC_BASE_URL = "https://viden.lavs.dk/"
    GuidePageFactory(
        parent=section("vejledninger"),
        title="Rekruttering af frivillige",
        slug="rekruttering-af-frivillige",
    )
    case = CaseFactory(subject="Frivillige", question="Hvordan finder vi frivillige?")

    html = client.get(detail_url(case)).content.decode()

    links = set(re.findall(r'data-insert-link="([^"]+)"', html))
    assert links == {"https://viden.lavs.dk/vejledninger/rekruttering-af-frivillige/"}


def insert_standard_reply(client, case, template, typed: str):
    """ "Indsæt i svaret" with ``template`` chosen and ``typed`` in the reply box."""
    return client.post(
        detail_url(case),
        {
            "action": "reply",
            "insert_template": "",
            "standardsvar": template.pk,
            "reply-body": typed,
        },
    )


def test_reply_template_fills_in_placeholders(client, staff):
    case = CaseFactory(requester_name="Lone Berg")
    template = ReplyTemplate.objects.create(
        title="Tak for henvendelsen", body="Kære {navn}\nTak for din henvendelse ({reference})."
    )
    response = insert_standard_reply(client, case, template, typed="")
    assert (
        f"Kære Lone Berg\nTak for din henvendelse ({case.reference})." in response.content.decode()
    )


def test_inserting_a_standard_reply_keeps_what_was_typed_and_sends_nothing(
    client, staff, mailoutbox
):
    case = CaseFactory(requester_name="Lone Berg")
    template = ReplyTemplate.objects.create(title="Hilsen", body="Venlig hilsen {sagsbehandler}")
    typed = "Tak for din mail. Vi vender tilbage i næste uge."

    response = insert_standard_reply(client, case, template, typed)

    assert f"{typed}\n\nVenlig hilsen Sofie" in response.content.decode()
    assert not case.events.filter(kind=CaseEvent.Kind.REPLY).exists()
    assert mailoutbox == []


def test_a_standard_reply_inserted_after_a_typed_greeting_adds_no_second_greeting(client, staff):
    case = CaseFactory(requester_name="Søren Ærbø")
    template = ReplyTemplate.objects.create(
        title="Vejledning", body="Kære {navn}\n\nSe vores vejledning.\n\nVenlig hilsen LVS"
    )

    response = insert_standard_reply(client, case, template, typed="Kære Søren\r\n")

    body = response.context["forms"]["reply"].initial["body"]
    assert body == "Kære Søren\n\nSe vores vejledning.\n\nVenlig hilsen LVS"


def test_a_subject_pasted_too_long_is_refused_with_its_length_not_cut_short(client, staff):
    form = client.get(reverse("sager:add")).content.decode()
    assert 'maxlength="200"' not in form

    data = {
        "channel": Channel.PHONE,
        "requester_name": "Lone Berg",
        "subject": "Frivillige " * 30,
        "question": "Hvordan finder vi frivillige?",
        "priority": "normal",
    }
    page = client.post(reverse("sager:add"), data).content.decode()

    assert "højst have 200 tegn (den har 329)" in page
    assert "Frivillige " * 30 in page
    assert not Case.objects.exists()


def test_editing_a_case_records_each_changed_field(client, staff):
    case = CaseFactory(subject="Gammel emnelinje")
    form = client.get(reverse("sager:edit", args=[case.pk])).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(subject="Ny emnelinje", tags="")
    data["organisation"] = case.organisation.pk
    response = client.post(reverse("sager:edit", args=[case.pk]), data)
    assert response.status_code == 302
    event = case.events.get(kind=CaseEvent.Kind.EDIT)
    assert (event.old_value, event.new_value, event.author) == (
        "Gammel emnelinje",
        "Ny emnelinje",
        staff,
    )


def test_a_question_of_several_lines_sent_back_unchanged_records_no_change(client, staff):
    case = CaseFactory(question="Vi vil starte et værested.\nHvor begynder vi?")
    form = client.get(reverse("sager:edit", args=[case.pk])).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    # As a browser sends a textarea: every line break as "\r\n".
    data.update(question=data["question"].replace("\n", "\r\n"), priority="high", tags="")
    data["organisation"] = case.organisation.pk

    assert client.post(reverse("sager:edit", args=[case.pk]), data).status_code == 302

    edits = case.events.filter(kind=CaseEvent.Kind.EDIT)
    assert [event.field for event in edits] == ["prioritet"]
    case.refresh_from_db()
    assert case.question == "Vi vil starte et værested.\nHvor begynder vi?"


def test_there_is_no_way_to_delete_a_case_or_change_an_event_in_the_admin(
    client, staff, admin_client
):
    case = CaseFactory()
    event = workflow.add_note(case, staff, "Original")
    assert admin_client.post(reverse("sager:delete", args=[case.pk])).status_code in (302, 403)
    assert Case.objects.filter(pk=case.pk).exists()
    # No admin screen edits events: there is no URL for it in Wagtail or Django's admin...
    with pytest.raises(NoReverseMatch):
        reverse("admin:advisory_caseevent_change", args=[event.pk])
    html = admin_client.get(detail_url(case)).content.decode()
    assert reverse("sager:delete", args=[case.pk]) not in html
    # ...and the case's edit form has no field for them: a saved form that also sends one
    # changes nothing of the timeline.
    form = client.get(reverse("sager:edit", args=[case.pk])).context["form"]
    assert not {"events", "body"} & set(form.fields)
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(tags="", organisation=case.organisation.pk, events=event.pk, body="Ændret")
    assert client.post(reverse("sager:edit", args=[case.pk]), data).status_code == 302
    assert CaseEvent.objects.get(pk=event.pk).body == "Original"
    assert case.events.count() == 2


def test_dashboard_shows_my_open_unassigned_and_overdue_counts(client, staff):
    mine = CaseFactory(subject="Min sag")
    workflow.assign(mine, staff, staff)
    CaseFactory(subject="Ledig sag")
    late = CaseFactory(subject="Sen sag")
    late.due_date = date(2020, 1, 1)
    late.save()
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Mine åbne sager: 1" in html
    assert "Ikke tildelt: 2" in html
    assert "Overskredet svarfrist: 1" in html
    assert "Min sag" in html


def test_the_dashboard_lists_the_cases_waiting_for_the_requester_longest_first(client, staff):
    for subject in ("Venter længst", "Venter kort"):
        workflow.send_reply(CaseFactory(subject=subject), staff, "Hvor?", awaits_answer=True)
    CaseFactory(subject="Ny sag")

    html = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = html[html.index("Venter på spørger: 2") :]

    assert panel.index("Venter længst") < panel.index("Venter kort")
    assert "Ny sag" not in panel[: panel.index("</section>")]


def test_the_dashboards_unassigned_link_lists_the_unassigned_cases(client, staff):
    workflow.assign(CaseFactory(subject="Min sag"), staff, staff)
    CaseFactory(subject="Ledig sag")
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    link = re.search(r'href="([^"]*assignee=null[^"]*)"', dashboard)[1].replace("&amp;", "&")

    response = client.get(link)

    assert response.status_code == 200
    assert [case.subject for case in response.context["object_list"]] == ["Ledig sag"]
    chip = re.sub(r"<[^>]+>|\s+", " ", response.content.decode())
    assert "Sagsbehandler: Ikke tildelt" in " ".join(chip.split())


def test_unassigned_on_the_dashboard_are_cases_the_secretariat_must_answer_most_urgent_first(
    client, staff
):
    today = timezone.localdate()

    def unassigned(subject, due_in_days, steps=(), hours_ago=0):
        case = CaseFactory(subject=subject, opened_at=timezone.now() - timedelta(hours=hours_ago))
        for status in steps:
            case = workflow.change_status(case, status)
        Case.objects.filter(pk=case.pk).update(due_date=today + timedelta(days=due_in_days))

    unassigned("Ny, frist om en uge", 7)
    unassigned("Ny, frist overskredet", -2)
    unassigned("Ny, også frist i morgen", 1)
    unassigned("I gang, frist i morgen", 1, [Status.IN_PROGRESS], hours_ago=2)  # came first
    unassigned("Afventer spørger", -10, [Status.IN_PROGRESS, Status.WAITING])
    unassigned("Besvaret", -5, [Status.IN_PROGRESS, Status.ANSWERED])
    workflow.assign(CaseFactory(subject="Min sag"), staff, staff)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    group = re.search(r'aria-labelledby="dashboard-unassigned">(.*?)</section>', dashboard, re.S)[1]

    most_urgent_first = [
        "Ny, frist overskredet",
        "I gang, frist i morgen",
        "Ny, også frist i morgen",
        "Ny, frist om en uge",
    ]
    assert "Ikke tildelt: 4" in group
    assert re.findall(r"</a> ([^<]+?) \(frist", group) == most_urgent_first
    link = html.unescape(re.search(r'<a href="([^"]+)">Ikke tildelt', group)[1])
    response = client.get(link)
    assert [case.subject for case in response.context["object_list"]] == most_urgent_first


def test_overdue_on_the_dashboard_links_to_the_same_cases_in_the_same_order(client, staff):
    today = timezone.localdate()
    for subject, days_late in [("Lidt forsinket", 1), ("Meget forsinket", 9), ("Forsinket", 4)]:
        case = CaseFactory(subject=subject)
        Case.objects.filter(pk=case.pk).update(due_date=today - timedelta(days=days_late))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    group = re.search(r'aria-labelledby="dashboard-overdue">(.*?)</section>', dashboard, re.S)[1]

    longest_late_first = ["Meget forsinket", "Forsinket", "Lidt forsinket"]
    assert re.findall(r"</a> ([^<]+?) \(frist", group) == longest_late_first
    link = html.unescape(re.search(r'<a href="([^"]+)">Overskredet svarfrist', group)[1])
    response = client.get(link)
    assert [case.subject for case in response.context["object_list"]] == longest_late_first


def test_case_list_search_finds_every_word_anywhere_and_phone_numbers_however_spaced(client, staff):
    CaseFactory(
        requester_name="Jens Hansen",
        requester_phone="20 30 40 50",
        organisation=OrganisationFactory(name="Solstuen"),
        subject="Frivillige til julefrokosten",
    )
    CaseFactory(requester_name="Hans Jensen", requester_phone="11223344", subject="Husleje")

    def names(query):
        response = client.get(reverse("sager:index"), {"q": query})
        return [case.requester_name for case in response.context["object_list"]]

    for query in ["jens hansen", "hansen jens", "Solstuen frivillig", "20304050", "20 30 40 50"]:
        assert names(query) == ["Jens Hansen"], query
    assert names("+45 11 22 33 44") == ["Hans Jensen"]
    assert names("hansen husleje") == []


def test_the_secretariats_lists_find_every_word_in_any_order_accents_aside(client, staff):
    """The demo data writes both "Cafe …" and "Café …": "cafe" found half the places, and the
    organisations and contacts were searched for the whole query as one text."""
    solstuen = OrganisationFactory(name="Café Solstuen")
    OrganisationFactory(name="Værestedet Trappen")
    ContactFactory(organisation=solstuen, name="Søren Østergaard")
    CaseFactory(organisation=solstuen, subject="Husleje")
    CaseFactory(subject="Lokaler")

    def found(list_name, query, shown):
        response = client.get(reverse(f"{list_name}:index"), {"q": query})
        return [shown(item) for item in response.context["object_list"]]

    for query in ["cafe solstuen", "solstuen café", "CAFE"]:
        assert found("organisationer", query, str) == ["Café Solstuen"], query
        assert found("sager", query, lambda case: case.subject) == ["Husleje"], query
    for query in ["østergaard søren", "soeren", "solstuen søren"]:
        assert found("kontaktpersoner", query, lambda contact: contact.name) == [
            "Søren Østergaard"
        ], query


def test_case_list_search_finds_a_reference_without_its_zeros_its_r_or_its_year(client, staff):
    case = CaseFactory(subject="Husleje")
    CaseFactory(subject="Lokaler")
    year, number = case.reference.split("-")[1:]
    short = f"{year}-{int(number)}"

    for query in [case.reference, f"r-{short}", short, f"{year}-{number}", number]:
        response = client.get(reverse("sager:index"), {"q": query})
        assert [found.subject for found in response.context["object_list"]] == ["Husleje"], query


def test_case_list_search_finds_words_from_the_timeline_once_per_case(client, staff):
    moving = CaseFactory(requester_name="Jens Hansen", subject="Lokaler")
    receive_message(moving, "Vi har fundet et sted på Hovedgaden.")
    workflow.add_note(moving, staff, "Hovedgaden 12 ligger tæt på stationen.")
    CaseFactory(requester_name="Hans Jensen", subject="Husleje")

    response = client.get(reverse("sager:index"), {"q": "hovedgaden lokaler"})

    assert [case.requester_name for case in response.context["object_list"]] == ["Jens Hansen"]


def test_assignees_are_listed_by_full_name_including_superusers_not_editors(client, staff):
    UserFactory(username="chef", first_name="Rikke", last_name="Anmelder", is_superuser=True)
    editor(first_name="Erik", last_name="Redaktør")
    case = CaseFactory()
    response = client.get(detail_url(case))
    choices = [label for _, label in response.context["forms"]["assign"]["assignee"].field.choices]
    assert choices == ["Ikke tildelt", "Rikke Anmelder", "Sofie"]
    assert "chef" not in response.context["forms"]["assign"]["assignee"].as_widget()
    listing = client.get(reverse("sager:index"))
    assignee_filter = listing.context["filters"].form["assignee"].field
    assert "Rikke Anmelder" in [label for _, label in assignee_filter.choices]


def test_someone_who_has_left_keeps_their_cases_but_gets_no_new_ones(client, staff):
    former = secretary(username="tidligere", first_name="Tove", is_active=False)
    case = CaseFactory()
    workflow.assign(CaseFactory(), former, staff)

    assign = client.get(detail_url(case)).context["forms"]["assign"]["assignee"].field
    listing = client.get(reverse("sager:index")).context["filters"].form["assignee"].field

    assert "Tove" not in [label for _, label in assign.choices]
    assert "Tove" in [label for _, label in listing.choices]


def test_my_open_cases_on_the_dashboard_lists_only_mine_for_a_superuser(client):
    boss = UserFactory(username="chef", first_name="Rikke", is_superuser=True)
    client.force_login(boss)
    mine = workflow.assign(CaseFactory(subject="Min sag"), boss, boss)
    closed = workflow.assign(CaseFactory(subject="Min lukkede sag"), boss, boss)
    for status in (Status.IN_PROGRESS, Status.ANSWERED, Status.CLOSED):
        workflow.change_status(closed, status)
    CaseFactory(subject="En andens sag")
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    link = re.search(r'<a href="([^"]+)">Mine åbne sager', dashboard).group(1)
    response = client.get(html.unescape(link))
    assert [case.subject for case in response.context["object_list"]] == [mine.subject]


def test_dates_are_danish_with_the_year_when_it_is_not_this_year(client, staff):
    late = CaseFactory(subject="Gammel sag", opened_at=datetime(2023, 7, 3, 9, tzinfo=CPH))
    late.due_date = date(2023, 7, 17)
    late.save()
    soon = CaseFactory(subject="Ny sag")
    soon.due_date = timezone.localdate().replace(month=12, day=24)
    soon.save()
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "(frist 17. juli 2023)" in dashboard
    assert "(frist 24. december)" in dashboard
    timeline = client.get(detail_url(late)).content.decode()
    assert ">3. juli 2023 09:00</time>" in timeline


def test_organisation_list_shows_danish_headings_and_no_true_or_false(client, staff):
    OrganisationFactory(name="Solstuen", is_member=True)
    html = client.get(reverse("organisationer:index")).content.decode()
    assert "Solstuen" in html and "Region Syddanmark" in html
    for heading in ("Region", "Medlem", "Aktiv"):
        assert f">{heading}<" in html or f"{heading}\n" in html
    assert "Kommune region" not in html
    assert ">True<" not in html and ">False<" not in html


def test_a_case_that_cannot_be_saved_says_so_in_danish(client, staff):
    response = client.post(reverse("sager:add"), {"channel": Channel.PHONE})
    assert "Sagen kunne ikke oprettes. Ret fejlene nedenfor." in response.content.decode()
    case = CaseFactory()
    response = client.post(reverse("sager:edit", args=[case.pk]), {"subject": ""})
    assert "Sagen kunne ikke gemmes. Ret fejlene nedenfor." in response.content.decode()


def test_links_in_notes_are_clickable_and_markup_stays_text(client, staff):
    case = CaseFactory()
    url = "https://example.org/en/meget/lang/adresse?side=1&x=2"
    workflow.add_note(case, staff, f"Se {url} <script>alert(1)</script>")
    html = client.get(detail_url(case)).content.decode()
    assert '<a href="https://example.org/en/meget/lang/adresse?side=1&amp;x=2"' in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_suggested_page_numbered_above_999_can_be_linked(client, staff, site):
    # Danish number formatting would write 1.234 in the form, which is no page.
    with connection.cursor() as cursor:
        cursor.execute("SELECT setval(pg_get_serial_sequence('wagtailcore_page', 'id'), 1233)")
    page = GuidePageFactory(parent=section("vejledninger"), title="Rekruttering af frivillige")
    case = CaseFactory(subject="Frivillige", question="Hvordan finder vi nye frivillige?")

    html = client.get(detail_url(case)).content.decode()  # with the page as a suggestion
    suggested = re.search(r'name="link-page" value="([^"]+)"', html).group(1)
    client.post(detail_url(case), {"action": "link", "link-page": suggested})

    assert page.pk >= 1000
    assert list(case.related_pages.all()) == [page.articlepage_ptr]


def test_the_form_for_logging_a_call_is_titled_once(client, staff):
    page = client.get(reverse("sager:add")).content.decode()

    assert "<title>Ny henvendelse - " in page
    assert re.search(r"<h1[^>]*>\s*(<svg.*?</svg>\s*)?Ny henvendelse\s*</h1>", page, re.S)


def test_the_status_form_changes_nothing_until_a_status_is_chosen(client, staff):
    case = CaseFactory()
    page = client.get(detail_url(case)).content.decode()
    assert re.search(r'<option value="" selected>Vælg status</option>', page)

    page = client.post(detail_url(case), {"action": "status", "status-status": ""}).content
    assert "Dette felt er påkrævet" in page.decode()
    assert Case.objects.get(pk=case.pk).status == Status.NEW


def test_every_choice_filter_of_the_case_list_offers_all_as_alle(client, staff):
    page = BeautifulSoup(client.get(reverse("sager:index")).content, "html.parser")
    for name in ["assignee", "topic", "region"]:
        first = page.select_one(f"select[name={name}] option")
        assert (first["value"], first.get_text(strip=True)) == ("", "Alle"), name


def test_the_case_list_marks_cases_where_the_requester_wrote_after_the_last_reply(
    client, staff, post_reply
):
    written_back = CaseFactory(subject="Skrev tilbage", requester_email="a@example.org")
    post_reply(written_back, "Her er vores svar.")
    receive_message(written_back, "Tak, men hvad med weekenden?")
    answered_again = CaseFactory(subject="Besvaret igen", requester_email="b@example.org")
    receive_message(answered_again, "Har I fået mit spørgsmål?")
    post_reply(answered_again, "Ja, her er svaret.")

    page = BeautifulSoup(client.get(reverse("sager:index")).content, "html.parser")

    statuses = {
        row.select_one("td:nth-of-type(2)").get_text(strip=True): row.get_text(" ", strip=True)
        for row in page.select("table.listing tbody tr")
    }
    assert "I gang · ny besked fra spørger" in statuses["Skrev tilbage"]
    assert "ny besked" not in statuses["Besvaret igen"]


def test_a_colleague_given_a_case_is_told_by_email_and_taking_it_yourself_sends_nothing(
    client, staff, mailoutbox, django_capture_on_commit_callbacks
):
    colleague = secretary(first_name="Lise", last_name="Madsen", email="lise@lavs.dk")
    given, taken = CaseFactory(), CaseFactory()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(detail_url(given), {"action": "assign", "assign-assignee": colleague.pk})
        client.post(detail_url(taken), {"action": "assign_me"})

    [notice] = mailoutbox
    assert notice.to == ["lise@lavs.dk"]
    assert notice.subject == f"Du har fået sagen {given.reference}"
    assert notice.body.startswith(f"Sofie har givet dig sagen {given.reference}.")
    assert f"Emnelinje: {given.subject}" in notice.body
    assert f"/admin/sager/{given.pk}/" in notice.body


def test_the_region_filter_finds_a_case_without_a_member_by_the_kommune_given(client, staff):
    CaseFactory(
        subject="Nyt sted i Aalborg",
        organisation=None,
        municipality=Municipality.objects.get(name="Aalborg"),
    )
    CaseFactory(subject="Medlem i Odense")

    listed = client.get(reverse("sager:index"), {"region": "nordjylland"}).context["object_list"]

    assert [case.subject for case in listed] == ["Nyt sted i Aalborg"]


def test_a_draft_chosen_in_the_page_chooser_is_not_linked_and_the_case_says_why(
    client, staff, site
):
    draft = GuidePageFactory(parent=section("vejledninger"), title="Ny vejledning", live=False)
    case = CaseFactory()

    response = client.post(detail_url(case), {"action": "link", "link-page": draft.pk})

    form = BeautifulSoup(response.content, "html.parser").find(
        "summary", string="Tilknyt andre sider"
    )
    assert "open" in form.parent.attrs  # the error is not hidden in a closed section
    assert "Vælg en udgivet side: en kladde har intet link." in form.parent.get_text()
    assert not case.related_pages.exists()


def test_a_filter_that_matches_no_case_is_not_called_a_search(client, staff):
    CaseFactory(subject="Husleje")

    html = client.get(reverse("sager:index"), {"status": "closed"}).content.decode()

    assert "Ingen sager passer til søgningen og filtrene." in html


def test_the_case_list_gives_a_deadline_only_for_cases_still_open(client, staff):
    open_case = CaseFactory(subject="Åben")
    answered = CaseFactory(subject="Besvaret")
    workflow.send_reply(answered, staff, "Her er svaret.")

    page = BeautifulSoup(client.get(reverse("sager:index")).content, "html.parser")

    deadlines = {
        row.select_one("td").get_text(strip=True): row.select_one('td[data-label="Svarfrist"]')
        for row in page.select("table.listing tbody tr")
    }
    assert deadlines[open_case.reference].get_text(strip=True) == f"{open_case.due_date:%d.%m.%Y}"
    assert deadlines[answered.reference].get_text(strip=True) == ""
