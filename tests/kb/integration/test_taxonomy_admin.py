"""Editors keep the topics and audiences in the admin: find, add and name them."""

import re

import pytest
from bs4 import BeautifulSoup

from kb.models import Audience, Topic

pytestmark = pytest.mark.django_db

TOPICS = "/admin/snippets/kb/topic/"
AUDIENCES = "/admin/snippets/kb/audience/"


def test_topics_are_found_by_name_or_short_name(admin_client):
    by_name = admin_client.get(TOPICS, {"q": "Frivillige"}).content.decode()
    by_short_name = admin_client.get(TOPICS, {"q": "vaerested"}).content.decode()

    assert "Frivillige" in by_name
    assert "Opstart" not in by_name
    assert "Digitalt værested" in by_short_name


def test_audiences_are_listed_searched_and_kept_next_to_topics_in_the_menu(admin_client):
    listing = admin_client.get(AUDIENCES, {"q": "person"}).content.decode()
    menu_links = re.findall(r'"url": "([^"]+)"', admin_client.get("/admin/").content.decode())

    assert "Personale" in listing
    assert "Ledelse" not in listing
    assert menu_links.index(AUDIENCES) == menu_links.index(TOPICS) + 1


def test_topic_form_asks_for_the_name_first_and_explains_the_short_name(admin_client):
    form = admin_client.get(f"{TOPICS}add/").content.decode()

    assert form.index("Navn") < form.index("Kort navn")
    assert "Lad feltet stå tomt, så dannes det af navnet" in form


@pytest.mark.parametrize(
    ("url", "model", "name", "slug"),
    [
        (TOPICS, Topic, "Økonomi i værestedet", "oekonomi-i-vaerestedet"),
        (AUDIENCES, Audience, "Pårørende", "paaroerende"),
    ],
)
def test_short_name_left_empty_is_made_from_the_name_as_the_site_spells_urls(
    admin_client, url, model, name, slug
):
    response = admin_client.post(f"{url}add/", {"name": name, "slug": "", "description": ""})

    assert response.status_code == 302
    assert model.objects.get(slug=slug).name == name


def test_a_short_name_already_in_use_is_refused_with_a_clear_message(admin_client):
    response = admin_client.post(f"{TOPICS}add/", {"name": "Nyt emne", "slug": "frivillige"})
    html = response.content.decode()

    assert "Det korte navn »frivillige« er allerede i brug. Skriv et andet." in html
    assert 'value="Nyt emne"' in html
    assert not Topic.objects.filter(name="Nyt emne").exists()


def test_a_name_whose_short_name_is_in_use_is_told_at_the_name(admin_client):
    response = admin_client.post(f"{TOPICS}add/", {"name": "FRIVILLIGE", "slug": ""})
    page = BeautifulSoup(response.content, "html.parser")

    name_error = page.select_one('[data-contentpath="name"] .error-message')
    assert name_error.get_text(" ", strip=True) == (
        "»FRIVILLIGE« har det korte navn »frivillige«, ligesom det, der allerede hedder"
        " »Frivillige«. Skriv et andet navn eller et andet kort navn."
    )
    assert page.select_one('[data-contentpath="slug"] .error-message') is None
    assert page.select_one("#id_name")["value"] == "FRIVILLIGE"
    assert Topic.objects.filter(slug="frivillige").count() == 1
