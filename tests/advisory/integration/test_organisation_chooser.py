import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from advisory.models import Case, Municipality
from advisory.models.cases import Channel
from tests.advisory.factories import OrganisationFactory, editor

pytestmark = pytest.mark.django_db


def found(client, query: str) -> list[str]:
    """The organisations the chooser's search lists for ``query``, as the dialog asks for them."""
    response = client.get(reverse("organisation_chooser:choose_results"), {"q": query})
    choices = BeautifulSoup(response.content, "html.parser").select("a[data-chooser-modal-choice]")
    return [choice.get_text(strip=True) for choice in choices]


def test_the_chooser_finds_an_organisation_by_any_word_of_its_name_town_or_kommune(client, staff):
    aalborg = Municipality.objects.get(name="Aalborg")
    OrganisationFactory(name="Værestedet Åen", city="Nørresundby", municipality=aalborg)
    OrganisationFactory(name="Café Solstuen")

    assert found(client, "aaen") == ["Værestedet Åen"]
    assert found(client, "noerresundby") == ["Værestedet Åen"]
    assert found(client, "solstuen cafe") == ["Café Solstuen"]
    assert found(client, "aalborg åen") == ["Værestedet Åen"]


def test_the_organisations_are_not_listed_to_editors(client):
    OrganisationFactory(name="Værestedet Åen")
    client.force_login(editor())

    # As the dialog asks: Wagtail answers a page's address with its dashboard.
    response = client.get(
        reverse("organisation_chooser:choose"), headers={"x-requested-with": "XMLHttpRequest"}
    )

    assert response.status_code == 403
    assert "Værestedet Åen" not in response.content.decode()


def test_a_call_refused_for_a_missing_field_keeps_the_organisation_chosen(client, staff):
    solstuen = OrganisationFactory(name="Café Solstuen")
    call = {
        "channel": Channel.PHONE,
        "organisation": solstuen.pk,
        "requester_name": "Lone Berg",
        "question": "Hvordan finder vi frivillige?",
        "priority": "normal",
    }

    page = BeautifulSoup(client.post(reverse("sager:add"), call).content, "html.parser")

    assert page.select_one("#id_organisation")["value"] == str(solstuen.pk)
    assert page.select_one("#id_organisation-title").get_text(strip=True) == "Café Solstuen"
    assert not Case.objects.exists()
