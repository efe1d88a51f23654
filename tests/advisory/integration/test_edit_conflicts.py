"""Two secretaries with the same case open in the edit form: neither undoes the other."""

import re

import pytest

from django.test import Client
from django.urls import reverse

from advisory.models import CaseEvent
from tests.advisory.factories import CaseFactory, secretary
from tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


def opened_form(client, case) -> dict:
    """What the edit form sends back unchanged, as it was when opened."""
    response = client.get(reverse("sager:edit", args=[case.pk]))
    data = {k: v for k, v in response.context["form"].initial.items() if v is not None}
    # As the page carries it, for a browser to send back.
    data["seen"] = re.search(r'name="seen" value="([^"]+)"', response.content.decode()).group(1)
    return {**data, "organisation": case.organisation.pk, "tags": ""}


@pytest.fixture
def colleague():
    """Mette, a second secretary, logged in on her own computer."""
    browser = Client()
    browser.force_login(secretary(first_name="Mette", last_name="Holm"))
    return browser


def save(client, case, form, **changes):
    return client.post(reverse("sager:edit", args=[case.pk]), {**form, **changes})


def test_a_field_a_colleague_saved_meanwhile_is_not_undone_by_an_older_form(
    client, staff, colleague
):
    case = CaseFactory(topic=None, requester_phone="")
    topic = TopicFactory(name="Brugerinddragelse")
    mine, hers = opened_form(client, case), opened_form(colleague, case)

    assert save(colleague, case, hers, topic=topic.pk).status_code == 302
    assert save(client, case, mine, requester_phone="22 33 44 55").status_code == 302

    case.refresh_from_db()
    assert (case.topic, case.requester_phone) == (topic, "22 33 44 55")
    edits = case.events.filter(kind=CaseEvent.Kind.EDIT).order_by("created_at", "pk")
    assert [(e.field, e.new_value) for e in edits] == [
        ("emne", "Brugerinddragelse"),
        ("spørgerens telefon", "22 33 44 55"),
    ]


def test_a_field_both_changed_is_refused_once_with_the_colleagues_value_and_what_was_typed(
    client, staff, colleague
):
    case = CaseFactory(subject="Frivillige")
    mine, hers = opened_form(client, case), opened_form(colleague, case)
    save(colleague, case, hers, subject="Frivillige til weekenden")

    response = save(client, case, mine, subject="Frivillige om aftenen")
    page = response.content.decode()

    assert response.status_code == 200
    assert "Mette Holm har ændret feltet til »Frivillige til weekenden«" in page
    assert 'value="Frivillige om aftenen"' in page
    case.refresh_from_db()
    assert case.subject == "Frivillige til weekenden"

    again = response.context["form"]["seen"].value()
    assert save(client, case, mine, subject="Frivillige om aftenen", seen=again).status_code == 302
    case.refresh_from_db()
    assert case.subject == "Frivillige om aftenen"
