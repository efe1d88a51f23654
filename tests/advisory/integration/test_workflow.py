from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from django.utils import timezone

from advisory import workflow
from advisory.models import Case, CaseEvent
from advisory.models.cases import Status
from advisory.workflow import TRANSITIONS, TransitionError
from tests.advisory.factories import CaseFactory, secretary

pytestmark = pytest.mark.django_db
CPH = ZoneInfo("Europe/Copenhagen")
PATHS_TO = {
    Status.NEW: [],
    Status.IN_PROGRESS: [Status.IN_PROGRESS],
    Status.WAITING: [Status.IN_PROGRESS, Status.WAITING],
    Status.ANSWERED: [Status.IN_PROGRESS, Status.ANSWERED],
    Status.CLOSED: [Status.IN_PROGRESS, Status.ANSWERED, Status.CLOSED],
}
LEGAL = [(old, new) for old, targets in TRANSITIONS.items() for new in targets]
ILLEGAL = [(old, new) for old in Status for new in Status if new not in TRANSITIONS[old]]


def case_in(status, author=None):
    case = CaseFactory()
    for step in PATHS_TO[status]:
        case = workflow.change_status(case, step, author)
    return case


@pytest.mark.parametrize(("old", "new"), LEGAL)
def test_legal_transition_changes_status_and_writes_an_event(old, new):
    staff = secretary()
    case = case_in(old)
    events_before = case.events.count()
    case = workflow.change_status(case, new, staff)
    case.refresh_from_db()
    assert case.status == new
    event = case.events.order_by("-pk").first()
    assert case.events.count() == events_before + 1
    assert (event.kind, event.old_value, event.new_value, event.author) == (
        CaseEvent.Kind.STATUS,
        old,
        new,
        staff,
    )


@pytest.mark.parametrize(("old", "new"), ILLEGAL)
def test_illegal_transition_is_refused_in_danish_and_changes_nothing(old, new):
    case = case_in(old)
    events_before = case.events.count()
    with pytest.raises(TransitionError, match="kan ikke sættes til"):
        workflow.change_status(case, new, secretary())
    case.refresh_from_db()
    assert case.status == old
    assert case.events.count() == events_before


def test_the_workflow_is_exactly_the_documented_flow():
    assert {
        Status.NEW: {Status.IN_PROGRESS},
        Status.IN_PROGRESS: {Status.WAITING, Status.ANSWERED},
        Status.WAITING: {Status.IN_PROGRESS, Status.ANSWERED},
        Status.ANSWERED: {Status.CLOSED, Status.IN_PROGRESS},
        Status.CLOSED: {Status.IN_PROGRESS},
    } == TRANSITIONS


def test_new_case_gets_a_reference_a_due_date_and_an_opening_event():
    opened = datetime(2026, 4, 1, 10, 0, tzinfo=CPH)
    case = CaseFactory(opened_at=opened)
    assert case.reference.startswith("R-2026-")
    assert case.due_date == date(2026, 4, 9)  # across Easter
    assert case.events.get().new_value == Status.NEW


def test_clock_pauses_while_waiting_and_resumes():
    case = CaseFactory(opened_at=datetime(2026, 11, 23, 9, tzinfo=CPH))  # Monday, due Thursday
    assert case.due_date == date(2026, 11, 26)
    case = workflow.change_status(
        case, Status.IN_PROGRESS, at=datetime(2026, 11, 23, 10, tzinfo=CPH)
    )
    case = workflow.change_status(case, Status.WAITING, at=datetime(2026, 11, 24, 9, tzinfo=CPH))
    assert not case.is_overdue
    case = workflow.change_status(
        case, Status.IN_PROGRESS, at=datetime(2026, 11, 30, 9, tzinfo=CPH)
    )
    assert case.due_date == date(2026, 12, 2)
    assert case.waiting_since is None


def test_a_waiting_case_is_never_overdue(db):
    case = case_in(Status.WAITING)
    case.due_date = date(2020, 1, 1)
    case.save()
    assert not case.is_overdue
    assert case not in type(case).objects.overdue()


@pytest.mark.parametrize("status", [Status.NEW, Status.IN_PROGRESS])
def test_open_case_past_its_due_date_is_overdue(status):
    case = case_in(status)
    case.due_date = timezone.localdate().replace(year=2020)
    case.save()
    assert case.is_overdue
    assert list(type(case).objects.overdue()) == [case]


@pytest.mark.parametrize("status", [Status.ANSWERED, Status.CLOSED])
def test_answered_or_closed_case_past_due_is_not_overdue(status):
    case = case_in(status)
    case.due_date = date(2020, 1, 1)
    case.save()
    assert not case.is_overdue
    assert not type(case).objects.overdue().exists()


def test_case_due_today_is_not_overdue_yet():
    case = CaseFactory()
    case.due_date = timezone.localdate()
    case.save()
    assert not case.is_overdue


def test_reopening_gives_a_fresh_due_date_and_clears_closed_time():
    case = case_in(Status.CLOSED)
    assert case.closed_at is not None
    case = workflow.change_status(case, Status.IN_PROGRESS)
    assert case.closed_at is None
    assert case.due_date > timezone.localdate()


def test_reply_is_emailed_to_requester_and_marks_the_case_answered(mailoutbox):
    staff = secretary()
    case = CaseFactory(requester_email="karen@example.org")
    event = workflow.send_reply(case, staff, "Hej Karen, her er vores svar.")
    case.refresh_from_db()
    assert [message.to for message in mailoutbox] == [["karen@example.org"]]
    assert case.reference in mailoutbox[0].subject
    assert mailoutbox[0].body.startswith("Hej Karen, her er vores svar.")
    assert case.status == Status.ANSWERED
    assert case.first_response_at == event.created_at
    assert not event.delivery_failed


@pytest.mark.parametrize("awaits_answer,last", [(False, Status.ANSWERED), (True, Status.WAITING)])
def test_the_timeline_shows_a_new_case_taken_up_before_it_was_replied_to(awaits_answer, last):
    case = CaseFactory(requester_email="karen@example.org")
    workflow.send_reply(case, secretary(), "Her er vores svar.", awaits_answer=awaits_answer)

    timeline = [
        (event.kind, event.new_value)
        for event in case.events.exclude(new_value=Status.NEW).order_by("created_at", "pk")
    ]
    assert timeline == [
        (CaseEvent.Kind.STATUS, Status.IN_PROGRESS),
        (CaseEvent.Kind.REPLY, ""),
        (CaseEvent.Kind.STATUS, last),
    ]


def test_marking_answered_by_hand_counts_as_the_first_response():
    # e.g. the secretary called back: no email, but the requester got an answer.
    case = case_in(Status.IN_PROGRESS)
    case = workflow.change_status(case, Status.ANSWERED)
    assert case.first_response_at == case.events.order_by("-pk").first().created_at


def test_first_reply_sets_first_response_time_once():
    case = case_in(Status.IN_PROGRESS)
    first = workflow.send_reply(case, None, "Første svar")
    case = workflow.change_status(case, Status.IN_PROGRESS)
    workflow.send_reply(case, None, "Andet svar")
    case.refresh_from_db()
    assert case.first_response_at == first.created_at


def test_failed_delivery_is_recorded_on_the_timeline(settings, mailoutbox):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    case = CaseFactory()
    event = workflow.send_reply(case, secretary(), "Svar der ikke kommer frem")
    case.refresh_from_db()
    assert event.delivery_failed
    assert "Error" in event.delivery_error or "refused" in event.delivery_error.lower()
    assert case.status == Status.NEW
    assert case.first_response_at is None


def test_reply_without_email_address_is_recorded_as_given_in_person(mailoutbox):
    case = CaseFactory(requester_email="")
    event = workflow.send_reply(case, secretary(), "Svar")
    case.refresh_from_db()
    assert not event.delivery_failed and event.sent_to == ""
    assert case.status == Status.ANSWERED
    assert mailoutbox == []


def test_assignment_is_an_event():
    staff = secretary()
    case = workflow.assign(CaseFactory(), staff, staff)
    event = case.events.get(kind=CaseEvent.Kind.ASSIGNMENT)
    assert (event.author, event.new_value) == (staff, staff.get_full_name())


def test_a_reply_sent_from_a_page_shown_before_a_colleagues_reply_does_not_reopen_the_case():
    staff = secretary()
    case = CaseFactory(requester_email="karen@example.org")
    shown_before = type(case).objects.get(pk=case.pk)  # still "Ny" on the second adviser's page

    workflow.send_reply(case, staff, "Her er vores svar.")
    workflow.send_reply(shown_before, staff, "Og et link mere.")

    statuses = case.events.filter(kind=CaseEvent.Kind.STATUS).order_by("pk")
    assert list(statuses.values_list("new_value", flat=True)) == [
        Status.NEW,
        Status.IN_PROGRESS,
        Status.ANSWERED,
    ]


def test_the_daily_run_closes_answered_cases_left_quiet_and_says_why():
    staff = secretary()
    quiet, lately, to_follow_up, waiting = (CaseFactory() for _ in range(4))
    for case in (quiet, lately, to_follow_up):
        workflow.send_reply(case, staff, "Her er vores svar.")
    workflow.send_reply(waiting, staff, "Hvor ligger jeres lokaler?", awaits_answer=True)
    to_follow_up.refresh_from_db()
    workflow.set_follow_up(to_follow_up, date(2026, 1, 5), staff)
    month_later = timezone.now() + timedelta(days=31)
    workflow.log(lately, CaseEvent.Kind.NOTE, staff, at=month_later - timedelta(days=2))

    assert workflow.close_long_answered(30, now=month_later) == [quiet.reference]

    cases = (quiet, lately, to_follow_up, waiting)
    statuses = [Case.objects.get(pk=case.pk).status for case in cases]
    assert statuses == [Status.CLOSED, Status.ANSWERED, Status.ANSWERED, Status.WAITING]
    note = quiet.events.filter(kind=CaseEvent.Kind.NOTE).first()
    assert note.body == "Lukket, fordi sagen var besvaret, og der ikke var sket noget i 30 dage."
