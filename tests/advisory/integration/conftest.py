import pytest

from django.urls import reverse

from tests.advisory.factories import secretary


@pytest.fixture
def staff(client):
    """A secretary, logged in."""
    user = secretary(first_name="Sofie")
    client.force_login(user)
    return user


@pytest.fixture
def post_reply(client):
    """Send the case page's reply form as a browser does: with the one-time token it was shown
    with. Pass ``token`` to send an earlier form again, ``awaits_answer`` for the second button,
    ``acknowledgement`` to tick "Kun en kvittering"."""

    def page_token(case) -> str:
        """The token of the reply form on the case page, as opened now."""
        url = reverse("sager:detail", args=[case.pk])
        return client.get(url).context["forms"]["reply"]["form_token"].value()

    def post(case, body, token=None, awaits_answer=False, acknowledgement=False, **kwargs):
        url = reverse("sager:detail", args=[case.pk])
        if token is None:
            token = page_token(case)
        data = {"action": "reply", "reply-body": body, "reply-form_token": token}
        if awaits_answer:
            data["reply-awaits_answer"] = ""
        if acknowledgement:
            data["reply-acknowledgement"] = "on"
        return client.post(url, data, **kwargs)

    post.page_token = page_token
    return post
