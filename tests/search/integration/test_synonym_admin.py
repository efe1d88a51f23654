"""Editors add synonyms in the admin and are told when an entry would not work as meant."""

import pytest

from kb.models import Synonym
from tests.factories import MethodPageFactory, section
from tests.search.helpers import titles

pytestmark = pytest.mark.django_db

ADD_SYNONYM = "/admin/snippets/kb/synonym/add/"


def test_synonyms_separated_by_semicolons_are_each_searched_for(
    admin_client, client, search_backend
):
    MethodPageFactory(parent=section("metoder"), title="Husmødet hver tirsdag")
    search_backend.refresh()

    admin_client.post(ADD_SYNONYM, {"term": "fællesspisning", "synonyms": "måltid; husmødet"})

    assert titles(client, "fællesspisning") == ["Husmødet hver tirsdag"]


def test_a_term_that_differs_only_in_capitals_from_an_existing_one_is_refused(admin_client):
    response = admin_client.post(ADD_SYNONYM, {"term": "Volontør", "synonyms": "hjælper"})
    html = response.content.decode()

    existing = Synonym.objects.get(term="volontør")
    assert (
        f'Der er allerede synonymer for »volontør«. <a href="/admin/snippets/kb/synonym/edit/'
        f'{existing.pk}/">Tilføj dem dér</a> i stedet.'
    ) in html
    assert 'value="Volontør"' in html
    assert not Synonym.objects.filter(term="Volontør").exists()


def test_a_synonym_list_without_words_is_refused(admin_client):
    response = admin_client.post(ADD_SYNONYM, {"term": "ildsjæle", "synonyms": ", ,"})
    html = response.content.decode()

    assert "Skriv mindst ét synonym." in html
    assert 'value=", ,"' in html
    assert not Synonym.objects.filter(term="ildsjæle").exists()


@pytest.mark.parametrize(
    ("term", "synonyms", "field_error"),
    [
        ("???", "hjælper", "Søgeordet skal indeholde bogstaver eller tal: kun dem søges der på."),
        ("hjælper", "Hjælper", "Skriv et andet ord end søgeordet selv."),
        ("ildsjæle", "", "Dette felt er påkrævet."),
    ],
)
def test_a_synonym_that_could_never_work_is_refused_with_one_reason(
    admin_client, term, synonyms, field_error
):
    response = admin_client.post(ADD_SYNONYM, {"term": term, "synonyms": synonyms})
    html = response.content.decode()

    assert field_error in html
    other_reasons = [
        "Søgeordet skal indeholde bogstaver eller tal",
        "Skriv et andet ord end søgeordet selv.",
        "Skriv mindst ét synonym.",
        "Der er allerede synonymer",
    ]
    assert [
        reason for reason in other_reasons if reason in html and reason not in field_error
    ] == []
    assert not Synonym.objects.filter(term=term).exists()
