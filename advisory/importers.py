"""Import organisations (CSV) and cases (JSON lines) in the corpus formats.

Both are idempotent: organisations are matched by name, cases by reference. A bad row is
reported with its line number and the rest are imported."""

import codecs
import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import DatabaseError, transaction
from django.db.models import IntegerField, Max
from django.db.models.functions import Cast, Substr
from django.db.models.lookups import Exact
from django.utils import timezone
from django.utils.text import capfirst

from advisory.deadlines import response_due_date
from advisory.models import Case, CaseEvent, Contact, Municipality, Organisation, ReferenceCounter
from advisory.models.cases import Channel, Status
from advisory.models.organisations import validate_phone, validate_postcode
from advisory.spelling import spelled_as
from advisory.workflow import log
from kb.dates import DanishDateField
from kb.models import ArticlePage, Topic

REFERENCE_RE = re.compile(r"^R-(\d{4})-(\d{4})$")
ORGANISATION_FIELDS = ["kind", "municipality", "address", "postcode", "city", "email", "phone"]


class RowError(Exception):
    """A row that cannot be imported; the message says why, in Danish."""


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)


def import_rows(rows: Iterable[tuple[int, object]], import_row) -> ImportReport:
    """Run ``import_row(row, report)`` for each ``(line, row)``; each row in its own transaction."""
    report = ImportReport()
    for line, row in rows:
        try:
            with transaction.atomic():
                outcome = import_row(
                    row, lambda message, line=line: report.warnings.append((line, message))
                )
        except RowError as exc:
            report.errors.append((line, str(exc)))
            continue
        except (DatabaseError, ValidationError) as exc:  # what the row checks did not foresee
            report.errors.append((line, f"kunne ikke gemmes: {exc}"))
            continue
        setattr(report, outcome, getattr(report, outcome) + 1)
    return report


# Two bytes that are one of æ, ø, å, Æ, Ø, Å (or another Latin letter) in UTF-8.
UTF8_LETTER = re.compile(rb"[\xc2\xc3][\x80-\xbf]")


def csv_text(path: Path) -> str:
    """The file's text: UTF-8, with or without the byte-order mark Excel's "CSV UTF-8" puts
    first; UTF-16 with its mark (Excel's "Unicode-tekst"); else Windows-1252, which Excel's
    other CSV formats write in Denmark. A UTF-8 file with a stray byte stays UTF-8, the byte
    shown as "�" in its row, rather than every æ, ø and å turning into two letters."""
    data = path.read_bytes()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if UTF8_LETTER.search(data):
            return data.decode("utf-8-sig", errors="replace")
        return data.decode("cp1252", errors="replace")


def csv_rows(path: Path) -> Iterator[tuple[int, dict]]:
    """Each row by line number, the columns separated by commas, or by the semicolons (or tabs)
    of a Danish spreadsheet, whichever the heading line has."""
    text = csv_text(path)
    heading = text.partition("\n")[0]
    delimiter = max(",;\t", key=heading.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    for row in reader:
        cells = {
            key: value.strip() if isinstance(value, str) else value for key, value in row.items()
        }
        yield reader.line_num, cells


def jsonl_rows(path: Path) -> Iterator[tuple[int, object]]:
    with path.open(encoding="utf-8") as file:
        for line, text in enumerate(file, start=1):
            if not text.strip():
                continue
            try:
                yield line, json.loads(text)
            except json.JSONDecodeError as exc:
                yield line, RowError(f"ugyldig JSON ({exc.msg})")


def _required(row: dict, key: str) -> str:
    value = row.get(key)
    if value in (None, ""):
        raise RowError(f"mangler »{key}«")
    return value


def _parse_date(value: str, key: str) -> date | None:
    """A date as the admin takes one (2010-01-01, 01.01.2010, 1/1-2010 …)."""
    if not value:
        return None
    try:
        return DanishDateField().clean(value)
    except ValidationError:
        raise RowError(f"»{key}« er ikke en dato: {value!r}") from None


def _parse_time(value: str | None, key: str) -> datetime | None:
    if not value:
        return None
    try:
        return timezone.make_aware(datetime.fromisoformat(value))
    except ValueError:
        raise RowError(f"»{key}« er ikke et tidspunkt: {value!r}") from None


# The columns as the admin's own export heads them too ("Navn;Type;Kommune;…"): a list
# exported, corrected in a spreadsheet and imported again.
ORGANISATION_COLUMNS = ["name", *ORGANISATION_FIELDS, "member_since", "is_member", "active"]
REQUIRED_COLUMNS = ["name", "kind", "municipality"]
YES_NO = {"ja": True, "nej": False, "true": True, "false": False, "1": True, "0": False}
FIELD_CHECKS = [
    ("postcode", validate_postcode, "ugyldigt postnummer »{value}« (fire cifre)"),
    ("phone", validate_phone, "ugyldigt telefonnummer »{value}« (mindst otte cifre)"),
    ("email", validate_email, "ugyldig e-mail »{value}«"),
]


def column_heading(name: str) -> str:
    return str(Organisation._meta.get_field(name).verbose_name)


def organisation_column(heading: str) -> str:
    """The field a heading names, by its name (``kind``) or as the export heads it (Type)."""
    wanted = heading.strip().casefold()
    names = (name for name in ORGANISATION_COLUMNS if wanted in (name, column_heading(name)))
    return next(names, heading)


def organisation_kind(row: dict) -> str:
    """The type by its value (vaerested) or as the export writes it (Værested)."""
    value = _required(row, "kind")
    for kind, label in Organisation.Kind.choices:
        if value.casefold() in (kind, str(label).casefold()):
            return kind
    raise RowError(f"ukendt type »{value}«")


def municipality_of(row: dict) -> Municipality:
    """The kommune as officially spelled or as commonly written: Århus is Aarhus, Åbenrå
    Aabenraa."""
    name = _required(row, "municipality").strip()
    municipality = Municipality.objects.filter(spelled_as("name", name, Exact)).first()
    if municipality is None:
        raise RowError(f"ukendt kommune »{name}«")
    return municipality


def ja_or_nej(row: dict, key: str) -> bool:
    """The row's Ja or Nej (as the export writes it; also true/false, 1/0) of ``key``."""
    value = row[key].strip().casefold()
    if value not in YES_NO:
        raise RowError(f"»{key}« skal være ja eller nej, ikke »{row[key]}«")
    return YES_NO[value]


def check(row: dict, key: str, validate, fault: str) -> None:
    if row.get(key):
        try:
            validate(row[key])
        except ValidationError:
            raise RowError(fault.format(value=row[key])) from None


def organisation_values(row: dict) -> tuple[str, dict]:
    """The row's name and its values; RowError naming every fault the row has. A member unless
    the row says otherwise; whether it is active only when the row says."""
    faults = []

    def read(reading, *args):
        try:
            return reading(*args)
        except RowError as fault:
            faults.append(str(fault))

    name = read(_required, row, "name")
    values = {key: row.get(key) or "" for key in ORGANISATION_FIELDS}
    values.update(
        kind=read(organisation_kind, row),
        municipality=read(municipality_of, row),
        member_since=read(_parse_date, row.get("member_since", ""), "member_since"),
        is_member=read(ja_or_nej, row, "is_member") if row.get("is_member") else True,
    )
    if row.get("active"):
        values["active"] = read(ja_or_nej, row, "active")
    for key, validate, fault in FIELD_CHECKS:
        read(check, row, key, validate, fault)
    if faults:
        raise RowError("; ".join(faults))
    return name.strip(), values


def import_organisation(row: dict, warn) -> str:
    if isinstance(row, RowError):
        raise row
    name, values = organisation_values(row)
    # As the rows of a file are told apart (once_each): "café solen" is Café Solen.
    organisation = Organisation.objects.filter(name__iexact=name).first()
    if organisation is None:
        Organisation.objects.create(name=name, **values)
        return "created"
    if all(getattr(organisation, key) == value for key, value in values.items()):
        return "unchanged"
    for key, value in values.items():
        setattr(organisation, key, value)
    organisation.save()
    return "updated"


def once_each(rows: Iterable[tuple[int, object]], key) -> Iterator[tuple[int, object]]:
    """``rows``, where a row whose ``key`` an earlier row of the file had is replaced by an
    error naming that row: which of the two was meant is for a person to say."""
    first_lines = {}
    for line, row in rows:
        value = key(row)
        if value and value in first_lines:
            row = RowError(f"»{value}« står allerede i linje {first_lines[value]}")
        elif value:
            first_lines[value] = line
        yield line, row


def organisation_name(row: dict) -> str:
    return (row.get("name") or "").strip().casefold()


def import_organisations(path: Path, progress=iter) -> ImportReport:
    rows = [
        (line, {organisation_column(heading): value for heading, value in row.items()})
        for line, row in csv_rows(path)
    ]
    missing = [name for name in REQUIRED_COLUMNS if rows and name not in rows[0][1]]
    if missing:  # said once, not as the same fault in every row
        columns = ", ".join(
            f"»{name}« (eller »{capfirst(column_heading(name))}«)" for name in missing
        )
        return ImportReport(errors=[(1, f"overskriftslinjen mangler {columns}")])
    return import_rows(progress(once_each(rows, organisation_name)), import_organisation)


def _choice(row: dict, key: str, choices) -> str:
    value = _required(row, key)
    if value not in choices.values:
        raise RowError(f"ukendt {key} »{value}«")
    return value


def _text(row: dict, key: str, max_length: int) -> str:
    value = _required(row, key)
    if not isinstance(value, str):
        raise RowError(f"»{key}« skal være tekst")
    if len(value) > max_length:
        raise RowError(f"»{key}« er længere end {max_length} tegn")
    return value


def case_values(row: dict) -> dict:
    if isinstance(row, RowError):
        raise row
    if not isinstance(row, dict):
        raise RowError("linjen er ikke et JSON-objekt")
    match = REFERENCE_RE.match(_required(row, "ref"))
    if not match:
        raise RowError(f"ugyldig reference »{row['ref']}«")
    organisation = None
    if row.get("organisation"):
        organisation = Organisation.objects.filter(name=row["organisation"]).first()
        if organisation is None:
            raise RowError(f"ukendt organisation »{row['organisation']}«")
    topic = Topic.objects.filter(slug=_required(row, "topic")).first()
    if topic is None:
        raise RowError(f"ukendt emne »{row['topic']}«")
    opened = _parse_time(_required(row, "opened"), "opened")
    status = _choice(row, "status", Status)
    closed = _parse_time(row.get("closed"), "closed")
    if status == Status.CLOSED and closed is None:
        raise RowError("en lukket sag mangler »closed«")
    if closed and closed < opened:
        raise RowError("»closed« ligger før »opened«")
    if opened > timezone.now():
        raise RowError(f"»opened« ligger i fremtiden: {row['opened']}")
    if int(match[1]) != timezone.localtime(opened).year:
        raise RowError(f"referencen »{row['ref']}« har ikke året fra »opened«")
    return {
        "reference": row["ref"],
        "organisation": organisation,
        "requester_name": _text(row, "contact_name", 200),
        "channel": _choice(row, "channel", Channel),
        "topic": topic,
        "subject": _text(row, "subject", 200),
        "question": _text(row, "question", 20000),
        "status": status,
        "opened_at": opened,
        "closed_at": closed,
        "due_date": response_due_date(timezone.localtime(opened).date()),
    }


# What tells an imported case from another with the same reference: what Vidensbanken never
# changes once the case is imported (its text is edited there, and anonymised in time).
COMPARED_CASE_FIELDS = ("opened_at", "channel")


def case_reference(row) -> str:
    return row.get("ref", "") if isinstance(row, dict) else ""


def _reply_time(case: Case) -> datetime:
    """The old records do not say when the answer went out: take the due date (the promise
    kept), or the closing time if the case was closed before that."""
    local_opened = timezone.localtime(case.opened_at)
    due = timezone.make_aware(datetime.combine(case.due_date, local_opened.time()))
    return min(due, case.closed_at) if case.closed_at else due


def import_case(row: dict, warn) -> str:
    values = case_values(row)
    existing = Case.objects.filter(reference=values["reference"]).first()
    if existing:
        if any(getattr(existing, key) != values[key] for key in COMPARED_CASE_FIELDS):
            warn(
                f"{existing.reference} findes allerede med en anden dato eller kanal; "
                "sagen er ikke ændret"
            )
        return "unchanged"
    case = Case(**values)
    if case.organisation:
        case.contact, _ = Contact.objects.get_or_create(
            organisation=case.organisation, name=case.requester_name
        )
    answer = row.get("answer")
    if answer:
        case.first_response_at = _reply_time(case)
    if case.status == Status.WAITING:
        case.waiting_since = case.opened_at
    case.save()
    _import_timeline(case, answer)
    _link_related(case, row.get("related") or [], warn)
    return "created"


def _import_timeline(case: Case, answer: str | None) -> None:
    log(case, CaseEvent.Kind.STATUS, at=case.opened_at, new_value=Status.NEW)
    if answer:
        log(case, CaseEvent.Kind.REPLY, at=case.first_response_at, body=answer)
    if case.status != Status.NEW:
        at = case.closed_at or case.first_response_at or case.opened_at
        log(
            case,
            CaseEvent.Kind.STATUS,
            at=at,
            old_value=Status.NEW,
            new_value=case.status,
            body="Importeret",
        )


def _link_related(case: Case, slugs: list[str], warn) -> None:
    pages = list(ArticlePage.objects.filter(slug__in=slugs))
    case.related_pages.add(*pages)
    missing = sorted(set(slugs) - {page.slug for page in pages})
    if missing:
        warn(f"{case.reference}: ukendte sider i vidensbanken: {', '.join(missing)}")


def sync_reference_counters() -> None:
    """Let new references continue after the highest imported number of each year."""
    highest_per_year = (
        Case.objects.annotate(
            year=Cast(Substr("reference", 3, 4), IntegerField()),
            number=Cast(Substr("reference", 8, 4), IntegerField()),
        )
        .values_list("year")
        .annotate(highest=Max("number"))
        .order_by()
    )
    for year, highest in highest_per_year:
        counter, _ = ReferenceCounter.objects.select_for_update().get_or_create(year=year)
        if counter.last_number < highest:
            counter.last_number = highest
            counter.save(update_fields=["last_number"])


def import_cases(path: Path, progress=iter) -> ImportReport:
    try:
        return import_rows(progress(once_each(jsonl_rows(path), case_reference)), import_case)
    finally:  # also after an interruption: a new case must not get an imported reference
        with transaction.atomic():
            sync_reference_counters()
