"""What editors change outside an article (a topic's name, a document's file, withdrawing a
page) shows in search at once, without a manual reindex."""

import pytest

from django.core.files.base import ContentFile

from wagtail.models import PageViewRestriction

from tests.factories import (
    GuidePageFactory,
    KbDocumentFactory,
    MethodPageFactory,
    PublicationPageFactory,
    TopicFactory,
    section,
)
from tests.search.helpers import search, titles

pytestmark = pytest.mark.django_db


def test_a_renamed_topic_is_found_by_its_new_name(client, search_backend):
    topic = TopicFactory(slug="kaffeklub", name="Kaffeklub")
    MethodPageFactory(parent=section("metoder"), title="Fællesskab om bordet", topics=[topic])

    topic.name = "Morgenkaffe"
    topic.save()
    search_backend.refresh()

    assert titles(client, "morgenkaffe") == ["Fællesskab om bordet"]
    assert search(client, "bordet").results[0].topics == ["Morgenkaffe"]


def test_a_deleted_topic_no_longer_finds_the_material_it_was_on(client, search_backend):
    topic = TopicFactory(slug="kaffeklub", name="Kaffeklub")
    MethodPageFactory(parent=section("metoder"), title="Fællesskab om bordet", topics=[topic])
    search_backend.refresh()
    assert titles(client, "kaffeklub") == ["Fællesskab om bordet"]

    topic.delete()
    search_backend.refresh()

    assert titles(client, "kaffeklub") == []
    assert search(client, "bordet").results[0].topics == []


def test_a_replaced_document_is_found_by_its_new_text(client, search_backend):
    document = KbDocumentFactory(file=ContentFile(b"Gammel tekst", name="rapport.txt"))
    PublicationPageFactory(parent=section("publikationer"), title="Årsrapport", document=document)

    document.file = ContentFile(b"Om snabelkrus og frivillige", name="rapport-ny.txt")
    document.save()
    search_backend.refresh()

    assert titles(client, "snabelkrus") == ["Årsrapport"]


def test_a_word_only_in_withdrawn_material_is_never_suggested(client, site):
    # Each query is misspelt, so only a word in the vocabulary can correct it.
    withdrawn = MethodPageFactory(parent=section("metoder"), title="Kvarkbjælken")
    deleted = GuidePageFactory(parent=section("vejledninger"), title="Gnuhovedpuden")
    GuidePageFactory(parent=section("vejledninger"), title="Husmødet")
    assert search(client, "kvarkbjaelken").query.suggestion == "kvarkbjælken"
    assert search(client, "gnuhovedpudem").query.suggestion == "gnuhovedpuden"

    withdrawn.unpublish()
    deleted.delete()

    assert search(client, "kvarkbjaelken").query.suggestion == ""
    assert search(client, "gnuhovedpudem").query.suggestion == ""
    assert search(client, "husmodet").query.suggestion == "husmødet"


def test_a_word_only_behind_a_login_is_never_suggested(client, site):
    PageViewRestriction.objects.create(
        page=section("vejledninger"), restriction_type=PageViewRestriction.LOGIN
    )
    GuidePageFactory(parent=section("vejledninger"), title="Snabelkrusene")
    MethodPageFactory(parent=section("metoder"), title="Tudekrusene")

    assert search(client, "tudekruzene").query.suggestion == "tudekrusene"
    assert search(client, "snabelkruzene").query.suggestion == ""


def test_words_of_a_section_put_behind_a_login_are_no_longer_suggested(client, site):
    GuidePageFactory(parent=section("vejledninger"), title="Snabelkrusene")
    MethodPageFactory(parent=section("metoder"), title="Husmødet")  # public, keeps its words
    assert search(client, "snabelkruzene").query.suggestion == "snabelkrusene"

    restriction = PageViewRestriction.objects.create(
        page=section("vejledninger"), restriction_type=PageViewRestriction.LOGIN
    )
    assert search(client, "snabelkruzene").query.suggestion == ""
    assert search(client, "husmodet").query.suggestion == "husmødet"

    restriction.delete()
    assert search(client, "snabelkruzene").query.suggestion == "snabelkrusene"
