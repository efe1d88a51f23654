"""Questions and messages that arrive from requesters, on the web or by email."""

from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from advisory import workflow
from advisory.models import Case, CaseAccess, CaseEvent
from advisory.models.cases import Channel, Status
from advisory.public import emails

#: A message from the requester puts these cases back in the secretariat's hands.
REOPENS = (Status.WAITING, Status.ANSWERED, Status.CLOSED)


def open_requester_case(
    channel: str,
    details: Sequence[str] = (),
    receipt: bool = True,
    notify_secretariat: bool = False,
    **fields,
) -> Case:
    """Open a case for a requester, give it a tracking link and, once the transaction
    commits, email the receipt (unless ``receipt`` is false) and a notice to the secretariat
    (if ``notify_secretariat``). ``details`` (what the case has no field for) become a note."""
    case = workflow.open_case(channel=channel, **fields)
    CaseAccess.objects.create(case=case)
    intro = _("Oprettet fra hjemmesidens spørgeformular.") if channel == Channel.WEB else ""
    note = "\n".join(filter(None, [intro, *details]))
    if note:
        workflow.add_note(case, None, note)
    if receipt:
        transaction.on_commit(lambda: emails.send_receipt(case))
    if notify_secretariat:
        transaction.on_commit(lambda: emails.notify_new_question(case, details))
    return case


@transaction.atomic
def receive_message(case: Case, body: str) -> CaseEvent:
    """Put the requester's message on the timeline, move a waiting, answered or closed case
    back to in progress, and tell the assignee."""
    case = Case.objects.select_for_update().get(pk=case.pk)  # its status now, not when read
    event = workflow.record_message(case, None, body)
    if case.status in REOPENS:
        case = workflow.change_status(case, Status.IN_PROGRESS)
    transaction.on_commit(lambda: emails.notify_assignee(case))
    return event
