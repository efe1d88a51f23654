"""What a requester may see of a case: never internal notes, edits or staff details."""

from datetime import date

from django.utils.translation import gettext_lazy as _

from advisory.models import Case, CaseEvent
from advisory.models.cases import CLOCK_RUNNING, Status

VISIBLE_KINDS = (CaseEvent.Kind.REPLY, CaseEvent.Kind.MESSAGE)

STATUS_TEXTS = {
    Status.NEW: _("Modtaget – vi har ikke set på det endnu"),
    Status.IN_PROGRESS: _("Vi arbejder på dit spørgsmål"),
    Status.WAITING: _("Vi venter på svar fra dig"),
    Status.ANSWERED: _("Besvaret"),
    Status.CLOSED: _("Afsluttet"),
}


def status_text(case: Case) -> str:
    return STATUS_TEXTS[Status(case.status)]


def reopens_on_writing(case: Case) -> bool:
    """Whether the case is answered or closed, so a message from the requester reopens it."""
    return case.status in (Status.ANSWERED, Status.CLOSED)


def answer_by(case: Case) -> date | None:
    """The day the requester will hear from the secretariat by, while they wait for it."""
    return case.due_date if case.status in CLOCK_RUNNING else None


def requester_timeline(case: Case) -> list[CaseEvent]:
    """Replies and the requester's messages, oldest first, without their authors' names (only
    whether staff noted a message down, from a call or a meeting)."""
    return list(
        case.events.filter(kind__in=VISIBLE_KINDS)
        .only("kind", "body", "created_at", "author_name")
        .order_by("created_at", "pk")
    )
