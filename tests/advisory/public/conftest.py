"""Helpers for posting the public question form as a person would."""

import time

import pytest

from advisory.models.cases import Channel
from advisory.public import tokens
from advisory.public.intake import open_requester_case

ASK_URL = "/raadgivning/spoerg/"


def form_token(seconds_ago: float = 60) -> str:
    """A token for a form shown ``seconds_ago`` (a person takes a while to fill it in)."""
    return tokens.issue(issued_at=time.time() - seconds_ago)


def question_data(**overrides) -> dict:
    data = {
        "name": "Karen Jensen",
        "email": "karen@example.org",
        "phone": "",
        "organisation": "",
        "starting_up": "on",
        "municipality": "",
        "topic": "",
        "subject": "Hvordan finder vi frivillige?",
        "question": "Vi mangler frivillige til weekendåbningen. Hvor kan vi finde dem?",
        "consent": "on",
        "website": "",
        "form_token": form_token(),
        "send": "1",
    }
    data.update(overrides)
    return data


def mails_to(mailoutbox, address: str) -> list:
    return [mail for mail in mailoutbox if mail.to == [address]]


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """Post like a browser; what waits for the commit (emails) runs as in production."""

    def send(url, data, follow=True, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data, follow=follow, **extra)

    return send


@pytest.fixture
def ask(post):
    """Post the question form with valid data changed by ``overrides``; ``meta`` is what the
    request carries besides (REMOTE_ADDR, HTTP_X_FORWARDED_FOR …)."""

    def send(follow=True, meta=None, **overrides):
        return post(ASK_URL, question_data(**overrides), follow=follow, **(meta or {}))

    return send


@pytest.fixture
def web_case(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return open_requester_case(
            Channel.WEB,
            requester_name="Karen Jensen",
            requester_email="karen@example.org",
            subject="Frivillige til weekenden",
            question="Hvor finder vi frivillige til weekenden?",
        )


def tracking_url(case) -> str:
    return f"/raadgivning/sag/{case.access.token}/"
