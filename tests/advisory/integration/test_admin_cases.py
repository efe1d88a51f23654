import csv
import io
from datetime import date

import openpyxl
import pytest

from django.urls import NoReverseMatch, reverse

from advisory import workflow
from advisory.models import Case, CaseEvent, Municipality, ReplyTemplate
from advisory.models.cases import Channel, Status
from kb.models import Topic
from tests.advisory.factories import CaseFactory, OrganisationFactory, secretary
from tests.factories import GuidePageFactory, section

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = secretary(first_name="Sofie")
    client.force_login(user)
    return user


def detail_url(case):
    return reverse("sager:detail", args=[case.pk])


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


def test_case_list_exports_csv_and_xlsx(client, staff):
    case = CaseFactory(subject="Eksporteret sag")
    response = client.get(reverse("sager:index"), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))
    assert rows[1][:3] == [case.reference, "Eksporteret sag", "Ny"]
    response = client.get(reverse("sager:index"), {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.cell(row=2, column=1).value == case.reference


def test_case_page_shows_timeline_newest_first(client, staff):
    case = CaseFactory()
    workflow.add_note(case, staff, "Første note")
    workflow.add_note(case, staff, "Anden note")
    html = client.get(detail_url(case)).content.decode()
    assert html.index("Anden note") < html.index("Første note")


def test_note_reply_status_and_assignment_from_the_case_page(client, staff, mailoutbox):
    case = CaseFactory(requester_email="lone@example.org")
    client.post(detail_url(case), {"action": "assign_me"})
    client.post(
        detail_url(case), {"action": "note", "note-kind": "note", "note-body": "Ringer i morgen"}
    )
    client.post(detail_url(case), {"action": "reply", "reply-body": "Her er vores svar."})
    client.post(detail_url(case), {"action": "status", "status-status": "closed"})
    case.refresh_from_db()
    assert case.assignee == staff
    assert case.status == Status.CLOSED
    assert mailoutbox[0].to == ["lone@example.org"]
    kinds = list(case.events.order_by("created_at", "pk").values_list("kind", flat=True))
    assert kinds == ["status", "assignment", "note", "reply", "status", "status", "status"]


def test_illegal_status_change_from_case_page_is_refused_and_changes_nothing(client, staff):
    case = CaseFactory()
    response = client.post(detail_url(case), {"action": "status", "status-status": "closed"})
    case.refresh_from_db()
    assert case.status == Status.NEW
    assert case.events.count() == 1
    assert response.context["forms"]["status"].errors["status"]


def test_failed_reply_delivery_is_shown_on_the_case_page(client, staff, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    case = CaseFactory()
    response = client.post(detail_url(case), {"action": "reply", "reply-body": "Svar"}, follow=True)
    html = response.content.decode()
    assert "Svaret blev ikke sendt" in html
    assert "Ikke leveret:" in html


def test_linking_a_suggested_page(client, staff, site):
    page = GuidePageFactory(
        parent=section("vejledninger"),
        title="Rekruttering af frivillige",
        summary="Sådan finder I frivillige til værestedet.",
    )
    case = CaseFactory(subject="Frivillige", question="Hvordan finder vi frivillige?")
    html = client.get(detail_url(case)).content.decode()
    assert "Rekruttering af frivillige" in html
    client.post(detail_url(case), {"action": "link", "link-pages": page.pk})
    assert list(case.related_pages.all()) == [page.articlepage_ptr]
    assert case.events.filter(kind=CaseEvent.Kind.EDIT, field="relateret vejledning").exists()


def test_reply_template_fills_in_placeholders(client, staff):
    case = CaseFactory(requester_name="Lone Berg")
    template = ReplyTemplate.objects.create(
        title="Tak for henvendelsen", body="Kære {navn}\nTak for din henvendelse ({reference})."
    )
    response = client.get(detail_url(case), {"standardsvar": template.pk})
    assert (
        f"Kære Lone Berg\nTak for din henvendelse ({case.reference})." in response.content.decode()
    )


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
    # ...and the case's edit form has no field for them: posting one changes nothing.
    client.post(reverse("sager:edit", args=[case.pk]), {"events": event.pk, "body": "Ændret"})
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
