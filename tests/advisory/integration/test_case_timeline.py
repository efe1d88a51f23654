"""The case page's timeline names what happened the same way throughout: in sentence case."""

import re
from datetime import date

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from advisory import workflow
from advisory.privacy import anonymise
from tests.advisory.factories import CaseFactory, secretary

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


def test_a_message_the_requester_sent_is_signed_with_their_name(client, staff):
    case = CaseFactory(requester_name="Anna Holm")
    workflow.record_message(case, None, "Vi er 12 brugere.")  # from the tracking page
    workflow.record_message(case, staff, "Ringede: de har fundet lokaler.")

    phoned, sent, _opened = timeline(client, case)

    assert sent.endswith("Anna Holm Vi er 12 brugere.")
    assert phoned.endswith("Sofie Ringede: de har fundet lokaler.")


def test_the_timeline_comes_first_beside_the_case_and_a_link_leads_to_it(client, staff):
    case = CaseFactory()
    workflow.add_note(case, staff, "Ringede, intet svar.")

    page = BeautifulSoup(client.get(reverse("sager:detail", args=[case.pk])).content, "html.parser")

    side = [h2.get_text() for h2 in page.select(".case-side h2")]
    assert side == ["Tidslinje", "Lignende sager"]
    link = page.select_one(".case-timeline-link a")
    assert (link["href"], link.get_text()) == ("#timeline-heading", "Se tidslinjen (2 hændelser)")


def test_the_timeline_still_names_an_adviser_whose_user_was_deleted(client, staff):
    case = CaseFactory()
    adviser = secretary(first_name="Lise", last_name="Madsen")
    workflow.add_note(case, adviser, "Ringede, intet svar.")
    adviser.delete()

    newest = timeline(client, case)[0]
    assert newest.startswith("Intern note") and "Lise Madsen" in newest and "System" not in newest
