"""Only live, public material is ever found, and publishing shows without a reindex."""

import pytest

from wagtail.models import PageViewRestriction

from tests.factories import MethodPageFactory, section
from tests.search.helpers import titles

pytestmark = pytest.mark.django_db


def test_drafts_and_privacy_restricted_pages_are_never_found(client, search_backend):
    MethodPageFactory(parent=section("metoder"), title="Strikkeklub offentlig")
    MethodPageFactory(parent=section("metoder"), title="Strikkeklub kladde", live=False)
    private = MethodPageFactory(parent=section("metoder"), title="Strikkeklub intern")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    search_backend.refresh()

    assert titles(client, "strikkeklub") == ["Strikkeklub offentlig"]
    assert titles(client, "") == ["Strikkeklub offentlig"]
    suggested = client.get("/soeg/autocomplete/", {"q": "strik"}).json()["results"]
    assert [item["title"] for item in suggested] == ["Strikkeklub offentlig"]


def test_unpublishing_removes_a_page_and_publishing_brings_it_back(client, search_backend):
    page = MethodPageFactory(parent=section("metoder"), title="Fodplejedag")
    search_backend.refresh()
    assert titles(client, "fodplejedag") == ["Fodplejedag"]

    page.unpublish()
    search_backend.refresh()
    assert titles(client, "fodplejedag") == []

    page.save_revision().publish()
    search_backend.refresh()
    assert titles(client, "fodplejedag") == ["Fodplejedag"]
