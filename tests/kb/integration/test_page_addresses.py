"""A page's web address spells æ, ø and å as ae, oe and aa, and an address another page
beside it has is refused beside the field, whether it was typed with æ/ø/å or not."""

import pytest

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from kb.models import GuidePage
from tests.advisory.factories import editor
from tests.factories import GuidePageFactory, section

pytestmark = pytest.mark.django_db
TAKEN = "Det korte navn »arranger-aabent-hus« bruges allerede af en anden side samme sted."


def new_guide(title: str, slug: str) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "Sådan holder I åbent hus.",
            "body": streamfield([]),
            "year": "2026",
            "authors": "",
            "related_articles": inline_formset([]),
            "comments": inline_formset([]),
        }
    )


@pytest.fixture
def guides(client, site):
    client.force_login(editor())
    return section("vejledninger")


def add_guide(client, guides, title: str, slug: str):
    return client.post(f"/admin/pages/add/kb/guidepage/{guides.pk}/", new_guide(title, slug))


def test_an_address_typed_with_aeoeaa_is_saved_with_ae_oe_aa(client, guides):
    add_guide(client, guides, "Arranger åbent hus", "arranger-åbent-hus")

    assert GuidePage.objects.get(title="Arranger åbent hus").slug == "arranger-aabent-hus"


def test_an_address_that_is_taken_once_spelt_with_aa_is_refused_and_nothing_typed_is_lost(
    client, guides
):
    GuidePageFactory(parent=guides, title="Planlæg et åbent hus", slug="arranger-aabent-hus")

    response = add_guide(client, guides, "Arranger åbent hus", "arranger-åbent-hus")

    assert response.status_code == 200
    page = response.content.decode()
    assert TAKEN in page
    assert 'value="Arranger åbent hus"' in page
    assert not GuidePage.objects.filter(title="Arranger åbent hus").exists()


def test_a_copy_gets_its_address_spelt_with_aa_and_a_taken_one_is_refused(client, guides):
    original = GuidePageFactory(parent=guides, title="Planlæg et åbent hus", slug="aabent-hus")
    copy_url = f"/admin/pages/{original.pk}/copy/"
    form = {"new_title": "Arranger åbent hus", "new_parent_page": guides.pk}

    refused = client.post(copy_url, {**form, "new_slug": "åbent-hus"})

    assert "Det korte navn bruges allerede af en anden side under" in refused.content.decode()
    assert GuidePage.objects.count() == 1

    client.post(copy_url, {**form, "new_slug": "arranger-åbent-hus"})

    assert GuidePage.objects.get(title="Arranger åbent hus").slug == "arranger-aabent-hus"
