"""Related material an editor chooses for an article: in the editor's order, never the page
itself, never twice."""

import pytest

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from kb.models import RelatedArticle
from kb.models.pages import RELATED_LIMIT
from tests.advisory.factories import editor
from tests.factories import GuidePageFactory, MethodPageFactory, section

pytestmark = pytest.mark.django_db


def edit_form(page, chosen) -> dict:
    """The method's edit form as an editor sends it, with ``chosen`` as related material."""
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "body": streamfield([]),
            "year": "",
            "authors": "",
            "related_articles": inline_formset([{"article": article.pk} for article in chosen]),
            "comments": inline_formset([]),
        }
    )


def save_draft(client, page, chosen):
    client.force_login(editor())
    response = client.post(f"/admin/pages/{page.pk}/edit/", edit_form(page, chosen), follow=True)
    page.refresh_from_db()
    return response


@pytest.fixture
def method(site):
    return MethodPageFactory(parent=section("metoder"), title="Husmødet som metode")


def test_related_material_is_kept_in_the_order_the_editor_chose(client, method):
    first = GuidePageFactory(parent=section("vejledninger"), title="Start et brugerråd")
    second = GuidePageFactory(parent=section("vejledninger"), title="Aftaler med frivillige")

    save_draft(client, method, [second, first])
    method.get_latest_revision().publish()

    shown = client.get(method.url).content.decode()
    assert shown.index("Aftaler med frivillige") < shown.index("Start et brugerråd")
    assert [link.article_id for link in method.related_articles.all()] == [second.pk, first.pk]


def test_a_page_cannot_be_related_material_to_itself(client, method):
    guide = GuidePageFactory(parent=section("vejledninger"), title="Start et brugerråd")

    html = save_draft(client, method, [guide, method]).content.decode()

    assert "En side kan ikke være relateret materiale til sig selv." in html
    assert "Start et brugerråd" in html  # what the editor chose is still in the form
    assert not RelatedArticle.objects.exists()
    assert method.get_latest_revision() is None


def test_the_same_material_chosen_twice_is_refused_beside_the_second_choice(client, method):
    guide = GuidePageFactory(parent=section("vejledninger"), title="Start et brugerråd")

    response = save_draft(client, method, [guide, guide])

    first, second = response.context["form"].formsets["related_articles"].forms
    assert not first.errors
    assert second.errors["article"] == ["»Start et brugerråd« er allerede valgt."]
    assert "»Start et brugerråd« er allerede valgt." in response.content.decode()
    assert not RelatedArticle.objects.exists()


def test_no_more_material_is_chosen_than_the_page_shows(client, method):
    chosen = [
        GuidePageFactory(parent=section("vejledninger"), title=f"Vejledning {number}")
        for number in range(1, RELATED_LIMIT + 2)
    ]

    response = save_draft(client, method, chosen)

    assert response.context["form"].formsets["related_articles"].non_form_errors()
    assert method.get_latest_revision() is None
