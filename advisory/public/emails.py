"""Plain-text emails to and about requesters. Plain text, so nothing a person typed can
turn into markup in a mail client."""

import logging
from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from advisory.contact import secretariat_contact
from advisory.models import Case, CaseAccess, CaseEvent

logger = logging.getLogger(__name__)

# RFC 3834: mail no person wrote. Autoresponders leave it be, and fetch_mail knows its own
# notices when the secretariat's address is the mailbox it reads.
AUTO_REPLY = {"Auto-Submitted": "auto-replied"}
AUTO_NOTICE = {"Auto-Submitted": "auto-generated"}


def public_url(path: str) -> str:
    """``path`` at the address requesters reach the site on (PUBLIC_BASE_URL)."""
    return settings.PUBLIC_BASE_URL.rstrip("/") + path


def tracking_url(case: Case) -> str:
    """The requester's private link to the case (created on first use)."""
    access, _created = CaseAccess.objects.get_or_create(case=case)
    return public_url(reverse("advisory_public:track", args=[access.token]))


def reply_body(case: Case, body: str) -> str:
    """A staff reply as the requester receives it: the text, then the tracking link."""
    return render_to_string(
        "advisory/emails/reply.txt",
        {"case": case, "body": body, "tracking_url": tracking_url(case)},
    )


def send_receipt(case: Case) -> None:
    """Confirm a new question with its reference and tracking link. A failed delivery goes on
    the timeline for staff; the person has already seen the reference on screen."""
    if not case.requester_email:
        return
    message = EmailMessage(
        subject=_("Vi har modtaget dit spørgsmål (%(reference)s)") % {"reference": case.reference},
        body=render_to_string(
            "advisory/emails/receipt.txt",
            {
                "case": case,
                "tracking_url": tracking_url(case),
                "secretariat": secretariat_contact(),
            },
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[case.requester_email],
        reply_to=[settings.SECRETARIAT_EMAIL],
        headers=AUTO_REPLY,
    )
    try:
        message.send()
    except Exception as exc:  # the case exists; staff see the failure and can call instead
        logger.exception("Kvittering for %s kunne ikke sendes", case.reference)
        CaseEvent.objects.create(
            case=case,
            kind=CaseEvent.Kind.NOTE,
            body=_("Kvitteringen kunne ikke sendes: %(error)s") % {"error": exc},
        )


def notify_assignee(case: Case) -> None:
    """Tell the assignee (or the secretariat's shared address) that the requester wrote."""
    recipient = case.assignee.email if case.assignee and case.assignee.email else None
    _notify(
        case,
        recipient or settings.SECRETARIAT_EMAIL,
        _("Ny besked fra spørgeren på %(reference)s"),
        "advisory/emails/requester_message.txt",
    )


def notify_new_question(case: Case, details: Sequence[str] = ()) -> None:
    """Tell the secretariat's shared address that a question came in on the web, with the
    ``details`` the form asked for that the case has no field for ("Er ved at starte …")."""
    _notify(
        case,
        settings.SECRETARIAT_EMAIL,
        _("Nyt spørgsmål fra hjemmesiden: %(reference)s"),
        "advisory/emails/new_question.txt",
        details=[detail for detail in details if detail],
    )


def notify_assigned(case: Case, assigned_by: str) -> None:
    """Tell a case handler that a colleague gave them the case."""
    _notify(
        case,
        case.assignee.email,
        _("Du har fået sagen %(reference)s"),
        "advisory/emails/assigned.txt",
        assigned_by=assigned_by,
    )


def _notify(case: Case, recipient: str, subject: str, template: str, **context) -> None:
    """A notice to staff about ``case``: ``subject`` names its reference, and the text links
    to it. What the person wrote is read in the case, where anonymise_cases reaches it in time
    and an inbox would not. A notice may fail: the case is on the admin's dashboard all the
    same."""
    EmailMessage(
        subject=subject % {"reference": case.reference},
        body=render_to_string(template, {**context, "case": case, "admin_url": _admin_url(case)}),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient],
        headers=AUTO_NOTICE,
    ).send(fail_silently=True)


def _admin_url(case: Case) -> str:
    try:
        path = reverse("sager:detail", args=[case.pk])
    except NoReverseMatch:
        path = reverse("wagtailadmin_home")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
