"""A form Django's CSRF check refuses (its cookie missing: blocked, or the page open too long)
comes back with what was typed, and sending it again works."""

import re

import pytest

from django.test import Client

from advisory.models import Case, CaseEvent

from .conftest import ASK_URL, question_data, tracking_url

pytestmark = pytest.mark.django_db

NOT_SENT = "Det blev ikke sendt, fordi din browser ikke sendte den cookie"


@pytest.fixture
def strict_client():
    """A client that sends forms with Django's CSRF check on, as a browser does. Not named
    "browser", Playwright's fixture: sharing that name moved the browser tests, which leave the
    database empty, ahead of tests that need what the migrations put in it."""
    return Client(enforce_csrf_checks=True)


def sent_again(strict_client, url, refused, **data):
    """Send the form on the page ``refused`` once more, with the cookie it came with."""
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', refused).group(1)
    form_token = re.search(r'name="form_token" value="([^"]+)"', refused).group(1)
    return strict_client.post(url, {**data, "csrfmiddlewaretoken": token, "form_token": form_token})


def test_a_question_refused_for_its_cookie_keeps_what_was_typed_and_can_be_sent_again(
    strict_client,
):
    response = strict_client.post(ASK_URL, question_data())
    page = response.content.decode()

    assert response.status_code == 403
    assert NOT_SENT in page
    assert 'value="Hvordan finder vi frivillige?"' in page
    assert "Vi mangler frivillige til weekendåbningen." in page
    assert not Case.objects.exists()

    data = question_data()
    del data["form_token"]
    assert sent_again(strict_client, ASK_URL, page, **data).status_code == 302
    assert Case.objects.get().subject == "Hvordan finder vi frivillige?"


def test_a_message_refused_for_its_cookie_keeps_what_was_typed(strict_client, web_case):
    url = tracking_url(web_case)
    response = strict_client.post(url, {"body": "Vi har fundet et lokale nu."})
    page = response.content.decode()

    assert response.status_code == 403
    assert NOT_SENT in page and "Vi har fundet et lokale nu." in page
    assert (
        sent_again(strict_client, url, page, body="Vi har fundet et lokale nu.").status_code == 302
    )
    assert web_case.events.filter(kind=CaseEvent.Kind.MESSAGE).count() == 1


def test_another_refused_form_gets_a_danish_page_with_the_way_back(strict_client):
    response = strict_client.post("/admin/login/", {"username": "admin", "password": "x"})
    page = response.content.decode()

    assert response.status_code == 403
    assert "Formularen blev ikke sendt" in page
    assert '<a href="/admin/login/">Åbn siden igen</a>' in page
