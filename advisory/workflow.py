"""Everything that changes a case goes through here, so every change lands on its timeline."""

from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from advisory.deadlines import response_due_date, resume_due_date
from advisory.models import Case, CaseEvent, ReferenceCounter
from advisory.models.cases import Status
from advisory.public.emails import notify_assigned, reply_body

TRANSITIONS = {
    Status.NEW: {Status.IN_PROGRESS},
    Status.IN_PROGRESS: {Status.WAITING, Status.ANSWERED},
    Status.WAITING: {Status.IN_PROGRESS, Status.ANSWERED},
    Status.ANSWERED: {Status.CLOSED, Status.IN_PROGRESS},
    Status.CLOSED: {Status.IN_PROGRESS},
}


class TransitionError(Exception):
    """A status change the workflow does not allow; the message is shown to staff."""


def allowed_transitions(case: Case) -> list[Status]:
    return sorted(TRANSITIONS[Status(case.status)], key=list(Status).index)


def next_reference(year: int) -> str:
    """Hand out the next ``R-YYYY-NNNN``. Must run inside the transaction that saves the case:
    the counter row stays locked until it commits, so concurrent cases queue up without gaps."""
    ReferenceCounter.objects.bulk_create([ReferenceCounter(year=year)], ignore_conflicts=True)
    counter = ReferenceCounter.objects.select_for_update().get(year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return format_reference(year, counter.last_number)


def format_reference(year: int, number: int) -> str:
    return f"R-{year}-{number:04d}"


def log(case: Case, kind: str, author=None, at: datetime | None = None, **fields) -> CaseEvent:
    return CaseEvent.objects.create(
        case=case,
        kind=kind,
        author=author,
        author_name=person_name(author),
        created_at=at or timezone.now(),
        **fields,
    )


@transaction.atomic
def open_case(author=None, **fields) -> Case:
    """Create and number a case, set its due date and put its opening on the timeline."""
    case = Case(**fields)
    opened = timezone.localtime(case.opened_at)
    case.reference = next_reference(opened.year)
    case.due_date = response_due_date(opened.date())
    case.save()
    log(case, CaseEvent.Kind.STATUS, author, at=case.opened_at, new_value=Status.NEW)
    return case


@transaction.atomic
def change_status(case: Case, new_status: str, author=None, at: datetime | None = None) -> Case:
    """Move ``case`` to ``new_status`` or raise ``TransitionError`` without changing anything."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    old_status = Status(case.status)
    if new_status not in TRANSITIONS[old_status]:
        raise TransitionError(
            _("En sag med status »%(old)s« kan ikke sættes til »%(new)s«.")
            % {"old": old_status.label, "new": Status(new_status).label}
        )
    if new_status == Status.CLOSED and case.follow_up_date:
        # Closed means done: a promised follow-up would be forgotten with it.
        raise TransitionError(
            _("Sagen skal følges op den %(date)s. Markér den som fulgt op, før sagen lukkes.")
            % {"date": _day(case.follow_up_date)}
        )
    at = at or timezone.now()
    old_due_date = case.due_date
    _apply_clock(case, old_status, Status(new_status), at)
    case.status = new_status
    case.save()
    log(case, CaseEvent.Kind.STATUS, author, at=at, old_value=old_status, new_value=new_status)
    # A reopened case gets a new deadline, a case back from waiting a later one: on the
    # timeline, so a deadline staff had chosen is not seen to vanish.
    record_edits(case, author, {_label("due_date"): (_day(old_due_date), _day(case.due_date))})
    return case


def _apply_clock(case: Case, old: Status, new: Status, at: datetime) -> None:
    """Keep the deadline and the response times in step with the status."""
    today = timezone.localtime(at).date()
    if new == Status.WAITING:
        case.waiting_since = at
    elif old == Status.WAITING and case.waiting_since and case.due_date:
        paused_from = timezone.localtime(case.waiting_since).date()
        case.due_date = resume_due_date(case.due_date, paused_from, today)
        case.waiting_since = None
    if old in (Status.ANSWERED, Status.CLOSED) and new == Status.IN_PROGRESS:
        case.due_date = response_due_date(today)
        case.closed_at = None
    if new == Status.ANSWERED and case.first_response_at is None:
        case.first_response_at = at
    if new == Status.CLOSED:
        case.closed_at = at


def start_towards(case: Case, target: Status, author) -> Case:
    """A case on its way to ``target`` goes through in progress first when it is new or
    closed, or answered and asked a question back."""
    reopened = case.status == Status.CLOSED or (
        target == Status.WAITING and case.status == Status.ANSWERED
    )
    if case.status == Status.NEW or reopened:
        case = change_status(case, Status.IN_PROGRESS, author)
    return case


@transaction.atomic
def assign(case: Case, assignee, author) -> Case:
    old = case.assignee
    if old == assignee:
        return case
    case.assignee = assignee
    case.save(update_fields=["assignee"])
    log(
        case,
        CaseEvent.Kind.ASSIGNMENT,
        author,
        old_value=person_name(old),
        new_value=person_name(assignee),
    )
    if assignee and assignee != author and assignee.email:
        transaction.on_commit(lambda: notify_assigned(case, person_name(author)))
    return case


def person_name(user) -> str:
    """A user's full name, or the username when no name is set; "" for nobody."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def add_note(case: Case, author, body: str) -> CaseEvent:
    return log(case, CaseEvent.Kind.NOTE, author, body=body)


def record_message(case: Case, author, body: str) -> CaseEvent:
    """A message from the requester (a call or an email) that staff put on the timeline."""
    return log(case, CaseEvent.Kind.MESSAGE, author, body=body)


@transaction.atomic
def link_pages(case: Case, pages, author) -> Case:
    new_pages = [page for page in pages if not case.related_pages.filter(pk=page.pk).exists()]
    if new_pages:
        case.related_pages.add(*new_pages)
        titles = ", ".join(page.title for page in new_pages)
        label = str(Case._meta.get_field("related_pages").verbose_name)
        log(case, CaseEvent.Kind.EDIT, author, field=label, new_value=titles[:500])
    return case


def unlink_page(case: Case, page, author) -> Case:
    case.related_pages.remove(page)
    label = str(Case._meta.get_field("related_pages").verbose_name)
    log(
        case,
        CaseEvent.Kind.EDIT,
        author,
        field=label,
        old_value=page.title[:500],
        new_value=_("fjernet"),
    )
    return case


@transaction.atomic
def set_due_date(case: Case, due_date: date, author) -> Case:
    """A deadline staff choose, e.g. a later day agreed with the requester; on the timeline
    like any other edit. It is kept as chosen: no longer paused while the case waits."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    if not case.is_open:
        raise TransitionError(
            _("Kun en åben sag har en svarfrist. Sæt i stedet en dato for opfølgning.")
        )
    old = case.due_date
    case.due_date, case.waiting_since = due_date, None
    case.save(update_fields=["due_date", "waiting_since"])
    record_edits(case, author, {_label("due_date"): (_day(old), _day(due_date))})
    return case


@transaction.atomic
def set_follow_up(case: Case, day: date | None, author) -> Case:
    """The day staff have promised to follow up, or ``None`` when the follow-up is done; from
    that day on the case is due for follow-up (``Case.objects.follow_up_due``)."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    if day and case.status == Status.CLOSED:
        raise TransitionError(_("En lukket sag kan ikke følges op. Genåbn den først."))
    old = case.follow_up_date
    if old == day:
        return case
    case.follow_up_date = day
    case.save(update_fields=["follow_up_date"])
    record_edits(case, author, {_label("follow_up_date"): (_day(old), _day(day) or _("fulgt op"))})
    return case


def _label(field: str) -> str:
    return str(Case._meta.get_field(field).verbose_name).capitalize()


def _day(day: date | None) -> str:
    return date_format(day, "j. F Y") if day else ""


def record_edits(case: Case, author, changes: dict[str, tuple[str, str]]) -> None:
    """One event per changed field: ``changes`` maps a field's label to (before, after); a
    field that kept its value is left out."""
    for label, (old, new) in changes.items():
        if old == new:
            continue
        log(
            case, CaseEvent.Kind.EDIT, author, field=label, old_value=old[:500], new_value=new[:500]
        )


@transaction.atomic
def send_reply(
    case: Case, author, body: str, awaits_answer: bool = False, acknowledgement: bool = False
) -> CaseEvent:
    """Email ``body`` to the requester and put it on the timeline, with the delivery failure if
    any; with no address to send to, it is the answer given by phone or at a meeting, recorded.
    An answer sets the first-response time and marks the case answered; a question back to the
    requester (``awaits_answer``) sets the case waiting instead, and an ``acknowledgement`` of
    the question only moves a new case on to in progress. A closed case is reopened first: a
    reply means the question is not done with."""
    # A colleague's reply at the same moment waits, and this one moves the case on from
    # where that one left it, not from the status the form was shown with.
    case = Case.objects.select_for_update().get(pk=case.pk)
    error = ""
    if case.requester_email:
        try:
            _reply_message(case, body, awaits_answer, acknowledgement).send()
        except Exception as exc:  # any transport failure is shown on the timeline, not raised
            error = f"{type(exc).__name__}: {exc}"
    target = Status.WAITING if awaits_answer else Status.ANSWERED
    if not error:  # taken up before it is answered, in that order on the timeline
        case = start_towards(case, Status.IN_PROGRESS if acknowledgement else target, author)
    event = log(
        case,
        CaseEvent.Kind.REPLY,
        author,
        body=body,
        sent_to=case.requester_email,
        delivery_error=error,
        asks_back=awaits_answer,
        acknowledgement=acknowledgement,
    )
    if error:
        return event
    if acknowledgement:
        return event
    if not awaits_answer and case.first_response_at is None:
        case.first_response_at = event.created_at
        case.save(update_fields=["first_response_at"])
    if target in TRANSITIONS[Status(case.status)]:  # answered again: it stays
        change_status(case, target, author)
    return event


def _reply_message(
    case: Case, body: str, awaits_answer: bool, acknowledgement: bool
) -> EmailMessage:
    if awaits_answer:
        subject = _("Vi har et spørgsmål til dig om %(reference)s: %(subject)s")
    elif acknowledgement:
        subject = _("Vi har modtaget dit spørgsmål %(reference)s: %(subject)s")
    else:
        subject = _("Svar på dit spørgsmål %(reference)s: %(subject)s")
    return EmailMessage(
        subject=subject % {"reference": case.reference, "subject": case.subject},
        body=reply_body(case, body),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[case.requester_email],
        reply_to=[settings.SECRETARIAT_EMAIL],
    )


def close_long_answered(days: int, now: datetime | None = None) -> list[str]:
    """Close the answered cases nothing has happened on for ``days``: the requester has not
    come back, so the question is done (and its data will be anonymised in time). A case that
    is to be followed up stays. Returns the references closed."""
    quiet_since = (now or timezone.now()) - timedelta(days=days)
    cases = (
        Case.objects.filter(status=Status.ANSWERED, follow_up_date__isnull=True)
        .annotate(last_event=Max("events__created_at"))
        .filter(last_event__lt=quiet_since)
    )
    closed = []
    for case in cases:
        change_status(case, Status.CLOSED)
        add_note(
            case,
            None,
            _("Lukket, fordi sagen var besvaret, og der ikke var sket noget i %(days)d dage.")
            % {"days": days},
        )
        closed.append(case.reference)
    return closed
