"""Reading the secretariat's mailbox over IMAP: a reply that names a known case (and comes
from its requester) goes on that case's timeline; the site's own notices to the secretariat
are passed over; any other mail opens a new case. Attachments are kept on the case. Each mail
is handled once, by its Message-ID."""

import hashlib
import imaplib
import logging
import re
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import parseaddr
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from advisory import workflow
from advisory.models import Case, CaseAttachment, IncomingMail
from advisory.models.cases import Channel
from advisory.public.intake import open_requester_case, receive_message
from advisory.text import single_line, typed_text

logger = logging.getLogger(__name__)
REFERENCE_RE = re.compile(r"\bR-\d{4}-\d{4}\b")
MAX_TEXT = 20000


@dataclass
class Mailbox:
    """Where to read mail, from ``IMAP_URL``: ``imap[s]://user:password@host:port/FOLDER``."""

    host: str
    port: int
    user: str
    password: str
    folder: str = "INBOX"
    ssl: bool = False

    @classmethod
    def from_url(cls, url: str) -> "Mailbox":
        parts = urlsplit(url)
        if parts.scheme not in ("imap", "imaps") or not parts.hostname:
            raise ValueError(_("IMAP_URL skal have formen imaps://bruger:kode@vært:port/INBOX"))
        ssl = parts.scheme == "imaps"
        return cls(
            host=parts.hostname,
            port=parts.port or (993 if ssl else 143),
            user=unquote(parts.username or ""),
            password=unquote(parts.password or ""),
            folder=unquote(parts.path.strip("/")) or "INBOX",
            ssl=ssl,
        )

    def connect(self) -> imaplib.IMAP4:
        client_class = imaplib.IMAP4_SSL if self.ssl else imaplib.IMAP4
        client = client_class(self.host, self.port, timeout=30)
        client.login(self.user, self.password)
        client.select(self.folder)
        return client


@dataclass
class Outcome:
    replies: list[str] = field(default_factory=list)
    opened: list[str] = field(default_factory=list)
    skipped: int = 0


def fetch(mailbox: Mailbox) -> Outcome:
    """Handle every mail in the folder that has not been handled before."""
    outcome = Outcome()
    client = mailbox.connect()
    try:
        _status, data = client.uid("SEARCH", None, "ALL")
        for uid in data[0].split():
            if _seen_before(client, uid):
                outcome.skipped += 1
                continue
            _status, parts = client.uid("FETCH", uid, "(BODY.PEEK[])")
            result = handle(parts[0][1])
            if result is None:
                outcome.skipped += 1
            else:
                kind, case = result
                (outcome.replies if kind == "reply" else outcome.opened).append(case.reference)
            client.uid("STORE", uid, "+FLAGS", "(\\Seen)")
    finally:
        client.logout()
    return outcome


def _seen_before(client: imaplib.IMAP4, uid: bytes) -> bool:
    """Whether the mail's Message-ID is known, from its header alone (a mailbox keeps its
    mail, so most of it was handled on earlier runs)."""
    _status, parts = client.uid("FETCH", uid, "(BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
    header = message_from_bytes(parts[0][1], policy=policy.default)
    if not header.get("Message-ID"):
        return False
    return IncomingMail.objects.filter(message_key=message_key(header, b"")).exists()


def handle(raw: bytes) -> tuple[str, Case] | None:
    """File one mail: ("reply", case) or ("new", case); ``None`` if it was handled before or
    is the site's own notice. A mail that cannot be filed still opens a case, with the mail
    attached as it came, so one odd mail neither is lost nor stops the mail after it."""
    message = message_from_bytes(raw, policy=policy.default)
    key = message_key(message, raw)
    try:
        return _file_once(message, key)
    except Exception as error:
        logger.exception("En e-mail kunne ikke lægges på en sag")
        return "new", _keep_unfiled(raw, key, error)


def _file_once(message: EmailMessage, key: str) -> tuple[str, Case] | None:
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = IncomingMail.objects.create(message_key=key)
        except IntegrityError:  # the same Message-ID, handled before (or by a parallel run)
            return None
        if is_own_notice(message):
            return None
        kind, case = _file(message)
        for attachment in message.iter_attachments():
            _keep_attachment(case, attachment)
        record.case = case
        record.save(update_fields=["case"])
    return kind, case


@transaction.atomic
def _keep_unfiled(raw: bytes, key: str, error: Exception) -> Case:
    case = open_requester_case(
        Channel.EMAIL,
        receipt=False,
        requester_name=_("Ukendt afsender"),
        subject=_("En e-mail, der ikke kunne læses"),
        question=_(
            "Vidensbanken kunne ikke læse denne e-mail (%(error)s). Den er vedhæftet, som den "
            "kom: åbn mail.eml, og skriv afsender og spørgsmål på sagen."
        )
        % {"error": type(error).__name__},
    )
    CaseAttachment.objects.create(
        case=case,
        title="mail.eml",
        file=ContentFile(raw, name="mail.eml"),
        content_type="message/rfc822",
    )
    IncomingMail.objects.create(message_key=key, case=case)
    return case


def message_key(message: EmailMessage, raw: bytes) -> str:
    """A hash of the Message-ID (of the whole mail if it has none): no address is stored."""
    identity = (message.get("Message-ID") or "").strip().encode() or raw
    return hashlib.sha256(identity).hexdigest()


def _file(message: EmailMessage) -> tuple[str, Case]:
    name, address = parseaddr(single_line(str(message.get("From", ""))))
    subject = single_line(str(message.get("Subject", ""))) or _("(intet emne)")
    text = body_text(message) or subject
    case = _case_replied_to(subject, address)
    if case is not None and is_automatic(message):
        # An out-of-office answer to our reply: worth knowing, but no reason to reopen the case.
        workflow.add_note(case, None, _("Automatisk svar fra spørgeren:") + "\n" + text)
        return "reply", case
    if case is not None:
        receive_message(case, text)
        return "reply", case
    mentioned = REFERENCE_RE.search(subject)
    details = [
        _("Modtaget som e-mail fra %(address)s.") % {"address": address},
        _("Nævner sag %(reference)s, men afsenderen er ikke sagens spørger.")
        % {"reference": mentioned.group()}
        if mentioned
        else "",
    ]
    case = open_requester_case(
        Channel.EMAIL,
        details=details,
        receipt=not is_automatic(message),
        requester_name=(" ".join(name.split()) or address)[:200],
        requester_email=address[:254],
        subject=subject[:200],
        question=text,
    )
    return "new", case


def _case_replied_to(subject: str, address: str) -> Case | None:
    """The case the subject names, if the mail comes from that case's requester."""
    for reference in REFERENCE_RE.findall(subject):
        case = Case.objects.filter(reference=reference).first()
        if case and address and case.requester_email.lower() == address.lower():
            return case
    return None


def body_text(message: EmailMessage) -> str:
    """The mail's own text: plain text preferred, quoted lines of earlier mails left out."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        text = part.get_content()
    except (LookupError, UnicodeError):  # a charset Python does not know, or a wrong one
        text = readable(part.get_payload(decode=True) or b"")
    text = typed_text(text)
    if part.get_content_type() == "text/html":
        text = strip_tags(text)
    lines = [line for line in text.splitlines() if not line.lstrip().startswith(">")]
    return "\n".join(lines).strip()[:MAX_TEXT]


def is_automatic(message: EmailMessage) -> bool:
    """Out-of-office and list mail get no receipt, so two robots never answer each other."""
    auto = str(message.get("Auto-Submitted", "no")).lower()
    precedence = str(message.get("Precedence", "")).lower()
    return auto != "no" or precedence in ("bulk", "list", "junk")


def is_own_notice(message: EmailMessage) -> bool:
    """A notice this site sent the secretariat ("Nyt spørgsmål …"). Filed, it would open a
    case about a case, whose receipt to the same address would open the next."""
    _name, sender = parseaddr(str(message.get("From", "")))
    _name, own_address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return is_automatic(message) and sender.lower() == own_address.lower()


def readable(payload: bytes) -> str:
    """Text in an unknown charset: UTF-8 if it is, else Windows' Western European."""
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError:
        return payload.decode("cp1252", errors="replace")


def _keep_attachment(case: Case, part: EmailMessage) -> None:
    filename = single_line(part.get_filename() or "") or _("bilag")
    CaseAttachment.objects.create(
        case=case,
        title=filename[:255],
        file=ContentFile(part.get_payload(decode=True) or b"", name=filename),
        content_type=part.get_content_type()[:120],
    )
