"""A FAQ page is a question and its answer: it is not published without the answer."""

import pytest

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from kb.models import FaqPage
from tests.advisory.factories import editor
from tests.factories import FaqPageFactory, section

pytestmark = pytest.mark.django_db


def faq_form(answer: str) -> dict:
    blocks = [("paragraph", rich_text(f"<p>{answer}</p>"))] if answer else []
    return nested_form_data(
        {
            "title": "Må frivillige have tavshedspligt?",
            "slug": "tavshedspligt",
            "summary": "Om frivilliges tavshedspligt.",
            "body": streamfield(blocks),
            "year": "2026",
            "authors": "",
            "related_articles": inline_formset([]),
            "comments": inline_formset([]),
        }
    )


def test_a_faq_without_an_answer_is_kept_as_a_draft_but_not_published(client, site):
    faq = FaqPageFactory(parent=section("spoergsmaal-og-svar"), title="Tavshedspligt", live=False)
    client.force_login(editor())
    edit = f"/admin/pages/{faq.pk}/edit/"

    refused = client.post(edit, {**faq_form(""), "action-publish": "action-publish"})

    errors = refused.context["form"].errors  # said at »Indhold«, where the answer is written
    assert errors == {"body": ["Skriv svaret, før spørgsmålet kan udgives."]}
    assert 'value="Må frivillige have tavshedspligt?"' in refused.content.decode()  # kept
    assert not FaqPage.objects.get(pk=faq.pk).live

    client.post(edit, faq_form(""))  # a draft may still be without it
    draft = FaqPage.objects.get(pk=faq.pk).get_latest_revision().as_object()
    assert draft.title == "Må frivillige have tavshedspligt?"

    client.post(edit, {**faq_form("Ja, som ansatte."), "action-publish": "action-publish"})
    assert FaqPage.objects.get(pk=faq.pk).live
