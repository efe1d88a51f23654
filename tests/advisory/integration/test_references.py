import threading
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from django.db import connection

from advisory.models import Case
from tests.advisory.factories import CaseFactory, OrganisationFactory

CPH = ZoneInfo("Europe/Copenhagen")


@pytest.mark.django_db
def test_references_run_per_year_from_0001():
    organisation = OrganisationFactory()
    refs = [
        CaseFactory(organisation=organisation, opened_at=datetime(year, 3, 1, tzinfo=CPH)).reference
        for year in (2025, 2025, 2026, 2025)
    ]
    assert refs == ["R-2025-0001", "R-2025-0002", "R-2026-0001", "R-2025-0003"]


@pytest.mark.django_db(transaction=True)
def test_concurrent_creation_gives_distinct_gap_free_references():
    organisation = OrganisationFactory()
    threads, per_thread = 6, 5
    start = threading.Barrier(threads)
    errors = []

    def create_cases():
        try:
            start.wait()
            for _ in range(per_thread):
                CaseFactory(organisation=organisation, opened_at=datetime(2026, 5, 4, tzinfo=CPH))
        except Exception as exc:  # reported below; a thread's exception is otherwise lost
            errors.append(exc)
        finally:
            connection.close()

    workers = [threading.Thread(target=create_cases) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    assert errors == []
    references = sorted(Case.objects.values_list("reference", flat=True))
    assert references == [f"R-2026-{n:04d}" for n in range(1, threads * per_thread + 1)]
