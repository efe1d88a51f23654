"""The case page's timeline names what happened the same way throughout: in sentence case."""

import re
from datetime import date

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from advisory import workflow
from advisory.privacy import anonymise
from tests.advisory.factories import CaseFactory

pytestmark = pytest.mark.django_db


def timeline(client, case) -> list[str]:
    html = client.get(reverse("sager:detail", args=[case.pk])).content.decode()
    events = BeautifulSoup(html, "html.parser").select("li.timeline-event")
    return [re.sub(r"\s+", " ", event.get_text(" ", strip=True)) for event in events]


def test_the_timeline_names_changes_and_the_system_in_sentence_case(client, staff):
    case = CaseFactory()  # opened by no one, as a question from the web form is
    workflow.record_edits(case, staff, {"prioritet": ("Normal", "Høj")})
    workflow.set_due_date(case, date(2026, 12, 4), staff)
    anonymise(case, "Opbevaringstiden er udløbet.")

    anonymised, due_date, priority, opened = timeline(client, case)

    assert anonymised.startswith("Ændring") and anonymised.endswith(
        "System Personoplysninger anonymiseret Opbevaringstiden er udløbet."
    )
    assert "Sofie Svarfrist: " in due_date
    assert priority.endswith("Sofie Prioritet: Normal → Høj")
    assert opened.startswith("Statusændring") and opened.endswith("System Ny")
