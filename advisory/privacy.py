"""Personal data that expires: anonymising old closed cases, and a person's right to see
and erase what the secretariat keeps about them.

Anonymising is the one place that rewrites timeline events: the timeline is append-only for
the work on a case, but the law requires personal data to go when its time is up."""

import re
from collections.abc import Iterable
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.models import ModelLogEntry

from advisory.contact import in_words, secretariat_contact
from advisory.models import Case, CaseAccess, CaseEvent, CaseTag, CaseTagName, Contact
from advisory.models.cases import Status, digits_only
from advisory.models.events import ANONYMISED_FIELD
from advisory.workflow import log
from kb.removed_text import REMOVED_TEXT

NAME_PLACEHOLDER = "[anonymiseret]"
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE_RE = re.compile(r"(?<![\d-])(\+45 ?)?(\d{8}|\d{2}( \d{2}){3}|\d{4} \d{4})(?![\d-])")
# A CPR number (010180-1234, 0101801234), whoever's it is: a question may name a user's.
CPR_RE = re.compile(r"(?<![\d-])(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}[- ]?\d{4}(?![\d-])")
SHORT_TEXT_FIELDS = ["old_value", "new_value"]
MIN_SCRUBBED = 3


def not_anonymised():
    return Case.objects.exclude(events__field=ANONYMISED_FIELD)


def retention_period(days: int) -> str:
    """How long a closed case keeps its personal data, as people say it: "to år", not "730
    dage"."""
    years, rest = divmod(days, 365)
    if years and not rest:
        return ngettext("%(count)s år", "%(count)s år", years) % {"count": in_words(years)}
    return ngettext("%(count)s dag", "%(count)s dage", days) % {"count": in_words(days)}


def expired_cases(retention_days: int, now=None):
    """Closed cases whose closing lies more than ``retention_days`` back, not yet anonymised."""
    cutoff = (now or timezone.now()) - timedelta(days=retention_days)
    return not_anonymised().filter(status=Status.CLOSED, closed_at__lt=cutoff)


def scrubber(case: Case):
    """A function that replaces the requester's name (whole and by its parts), email and
    phone, any email address or phone number but the secretariat's own, and any CPR number, in
    a text."""
    values = {case.requester_name, case.requester_email, case.requester_phone}
    if case.contact:
        values |= {case.contact.name, case.contact.email, case.contact.phone}
    parts = {part for value in values for part in re.split(r"[\s,]+", value or "")}
    pattern = whole_words(values | parts)
    secretariat = secretariat_contact()
    own = {_comparable(secretariat.phone), _comparable(secretariat.email)}

    def unless_own(match: re.Match) -> str:
        return match.group() if _comparable(match.group()) in own else REMOVED_TEXT

    def scrub(text: str) -> str:
        text = CPR_RE.sub(REMOVED_TEXT, text or "")
        text = PHONE_RE.sub(unless_own, EMAIL_RE.sub(unless_own, text))
        return pattern.sub(REMOVED_TEXT, text) if pattern else text

    return scrub


def whole_words(texts) -> re.Pattern | None:
    """A pattern for any of ``texts`` of at least MIN_SCRUBBED letters, as whole words in any
    case, the longest first; None when there are none: a name of one or two letters ("Vi",
    "-") would take bits of every other word."""
    words = sorted(
        {text for text in texts if len(text or "") >= MIN_SCRUBBED}, key=len, reverse=True
    )
    if not words:
        return None
    return re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


def _comparable(contact: str) -> str:
    """An email address in lower case, a phone number as its last eight digits."""
    if "@" in contact:
        return contact.strip().lower()
    return re.sub(r"\D", "", contact)[-8:]


@transaction.atomic
def anonymise(case: Case, reason: str, author=None) -> Case:
    """Replace the requester's personal data on ``case`` and everything hanging off it with
    placeholders, keep topic, dates, channel and organisation, and note it on the timeline."""
    scrub = scrubber(case)
    contact = case.contact
    case.subject = scrub(case.subject)[:200]
    case.question = scrub(case.question)
    case.requester_name = NAME_PLACEHOLDER
    case.requester_email = ""
    case.requester_phone = ""
    case.contact = None
    case.save()  # also recomputes the generated search vector
    _scrub_events(case, scrub)
    _scrub_tags(case, scrub)
    for attachment in case.attachments.all():
        attachment.file.delete(save=False)
        attachment.delete()
    CaseAccess.objects.filter(case=case).delete()  # the tracking link stops working
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Case), object_id=str(case.pk)
    ).update(label=str(case), data={})
    # A contact the importer made from a requester's name goes with the case; one that staff
    # registered with a role is the organisation's contact and stays while cases use it.
    if contact and not contact.role and not Case.objects.filter(contact=contact).exists():
        contact.delete()
    log(case, CaseEvent.Kind.EDIT, author, field=ANONYMISED_FIELD, body=reason)
    return case


def _scrub_events(case: Case, scrub) -> None:
    # The base manager's plain queryset: the app's own refuses every update on purpose.
    events = list(CaseEvent._base_manager.filter(case=case))
    for event in events:
        event.body = scrub(event.body)
        for name in SHORT_TEXT_FIELDS:
            setattr(event, name, scrub(getattr(event, name))[:500])
        # Sent, to an address no longer kept: not to be read as an answer given in person.
        event.sent_to = REMOVED_TEXT if event.sent_to else ""
    CaseEvent._base_manager.bulk_update(events, ["body", *SHORT_TEXT_FIELDS, "sent_to"])


def _scrub_tags(case: Case, scrub) -> None:
    personal = [tag for tag in case.tags.all() if scrub(tag.name) != tag.name]
    if personal:
        case.tags.remove(*personal)
        unused = CaseTag.objects.filter(tag__in=personal).values("tag")
        unused_names = CaseTagName.objects.filter(pk__in=[tag.pk for tag in personal])
        unused_names.exclude(pk__in=unused).delete()


def anonymise_expired(retention_days: int, now=None) -> list[str]:
    """Anonymise every expired case; the references of those that were."""
    reason = _("Personoplysninger anonymiseret %(days)d dage efter lukning.") % {
        "days": retention_days
    }
    return [anonymise(case, reason).reference for case in expired_cases(retention_days, now)]


def is_name(person: str) -> bool:
    """Whether ``person`` is a name, not an email address or a phone number ("tlf. 12 34 56
    78" is a number)."""
    return (
        "@" not in person
        and len(re.sub(r"\D", "", person)) < 8
        and any(character.isalpha() for character in person)
    )


EMAIL, NAME, PHONE = "email", "name", "phone"


def identified_by(person: str) -> tuple[str, str]:
    """How ``person`` is looked up: (EMAIL, the address), (NAME, the name with single spaces)
    or (PHONE, its last eight digits); ("", "") for a number too short to be a phone's."""
    person = " ".join(person.split())
    if "@" in person:
        return EMAIL, person
    if is_name(person):
        return NAME, person
    digits = _comparable(person)
    return (PHONE, digits) if len(digits) >= 8 else ("", "")


def cases_of(person: str):
    """Every case where ``person``, an email address, a phone number or a full name, is the
    requester's (or the linked contact's). Cases logged from a call or a meeting may have only
    a name."""
    kind, value = identified_by(person)
    cases = Case.objects.order_by("opened_at")
    if kind == EMAIL:
        return cases.filter(Q(requester_email__iexact=value) | Q(contact__email__iexact=value))
    if kind == NAME:
        return cases.filter(Q(requester_name__iexact=value) | Q(contact__name__iexact=value))
    if kind == PHONE:
        found = Q(phone_digits__endswith=value) | Q(contact_phone_digits__endswith=value)
        return cases.with_phone_digits().filter(found)
    return cases.none()


def names_in(cases) -> list[str]:
    """The different requesters' names of ``cases``, as first written: one email address or
    phone number may be several people's (a værested's landline or shared address)."""
    names = {}
    for case in cases:
        name = " ".join(case.requester_name.split())
        if name and name != NAME_PLACEHOLDER:
            names.setdefault(name.casefold(), name)
    return list(names.values())


def chosen_cases_of(person: str, chosen: Iterable[int] | None = None):
    """The cases of ``person``, only those with the ids ``chosen`` when given: found by name,
    some may be another person's."""
    cases = cases_of(person)
    return cases if chosen is None else cases.filter(pk__in=chosen)


def export(person: str, chosen: Iterable[int] | None = None) -> dict:
    """What the secretariat keeps about ``person`` (an email address, a phone number or a name)
    in their cases (or the ``chosen`` of them), as plain data."""
    cases = chosen_cases_of(person, chosen).select_related(
        "topic", "organisation__municipality", "municipality"
    )
    return {
        "person": person,
        "exported_at": timezone.localtime().isoformat(),
        "cases": [_case_data(case) for case in cases],
    }


def _case_data(case: Case) -> dict:
    events = case.events.all()
    return {
        "reference": case.reference,
        "name": case.requester_name,
        "email": case.requester_email,
        "phone": case.requester_phone,
        "organisation": case.organisation_label,
        "municipality": str(case.place or ""),
        "topic": str(case.topic or ""),
        "subject": case.subject,
        "question": case.question,
        "status": case.get_status_display(),
        "opened_at": timezone.localtime(case.opened_at).isoformat(),
        "closed_at": timezone.localtime(case.closed_at).isoformat() if case.closed_at else None,
        "timeline": _events_data(events.exclude(kind=CaseEvent.Kind.NOTE)),
        # Apart, for staff to read through before the file is sent: the person has a right to
        # see what is noted about them, but a note may name others or be a guess.
        "internal_notes": _events_data(events.filter(kind=CaseEvent.Kind.NOTE)),
    }


def _events_data(events) -> list[dict]:
    return [
        {
            "kind": event.get_kind_display(),
            "at": timezone.localtime(event.created_at).isoformat(),
            "text": event.body,
        }
        for event in events.exclude(body="").order_by("created_at", "pk")
    ]


@transaction.atomic
def erase(person: str, author, chosen: Iterable[int] | None = None) -> list[str]:
    """Anonymise every case of ``person`` (an email address, a phone number or a name), or the
    ``chosen`` of them, at their request, whatever its age or status, and remove them as a
    contact; the references of the cases."""
    reason = _("Personoplysninger slettet på spørgerens anmodning.")
    cases = list(chosen_cases_of(person, chosen))
    for case in cases:
        anonymise(case, reason, author)
    # A case left out may be another person's with the same address (info@…): then so may be
    # the contact with it.
    contacts = _contacts_of(person) if not cases_of(person).exists() else Contact.objects.none()
    # Wagtail's history of the contact names them ("Karen Jensen (Café Solstrålen)").
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Contact),
        object_id__in=[str(pk) for pk in contacts.values_list("pk", flat=True)],
    ).update(label=NAME_PLACEHOLDER, data={})
    contacts.delete()
    return [case.reference for case in cases]


def _contacts_of(person: str):
    """The contacts ``person`` is, by email or phone. Not by name: another person of the same
    name may be an organisation's contact, not listed with the cases found."""
    kind, value = identified_by(person)
    if kind == EMAIL:
        return Contact.objects.filter(email__iexact=value)
    if kind == PHONE:
        return Contact.objects.annotate(digits=digits_only("phone")).filter(digits__endswith=value)
    return Contact.objects.none()
