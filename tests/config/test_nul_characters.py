"""A NUL character in an address (which PostgreSQL cannot take in text) is no server error."""

import pytest

from tests.factories import GuidePageFactory, section

pytestmark = pytest.mark.django_db


def test_a_nul_character_in_a_search_is_dropped_and_the_rest_searched(client, site):
    GuidePageFactory(parent=section("vejledninger"), title="Frivillige i weekenden")
    response = client.get("/soeg/?q=frivillige%00")
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 resultat for »frivillige«" in html and "Frivillige i weekenden" in html


@pytest.mark.parametrize("url", ["/soeg/?emne%00=a", "/metoder/?emne=a%00"])
def test_a_nul_character_in_a_filter_is_no_server_error(client, site, url):
    assert client.get(url).status_code == 200


def test_autocomplete_drops_a_nul_character(client, site):
    GuidePageFactory(parent=section("vejledninger"), title="Frivillige i weekenden")
    response = client.get("/soeg/autocomplete/?q=frivil%00")
    assert [hit["title"] for hit in response.json()["results"]] == ["Frivillige i weekenden"]


def test_a_nul_character_in_a_page_address_finds_no_page(client, site, settings):
    settings.DEBUG = False
    response = client.get("/metoder/%00/")
    assert response.status_code == 404
    assert "Siden findes ikke" in response.content.decode()
