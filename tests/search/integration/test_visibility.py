"""Only live, public material is ever found, and publishing shows without a reindex."""

import pytest

from wagtail.models import PageViewRestriction

from advisory.public.suggestions import suggested_pages
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


def test_a_page_restricted_after_a_search_is_gone_from_the_next(client, search_backend):
    page = MethodPageFactory(parent=section("metoder"), title="Fodboldtræning for alle")
    search_backend.refresh()
    assert titles(client, "fodboldtræning") == ["Fodboldtræning for alle"]

    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    assert titles(client, "fodboldtræning") == []
    suggested = client.get("/soeg/autocomplete/", {"q": "fodbold"}).json()["results"]
    assert suggested == []


def test_a_restriction_made_by_another_server_process_never_lists_the_page(client, search_backend):
    page = MethodPageFactory(parent=section("metoder"), title="Fodboldtræning for alle")
    search_backend.refresh()
    assert titles(client, "fodboldtræning") == ["Fodboldtræning for alle"]

    # bulk_create sends no signal: this process learns of it no sooner than another would.
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=page, restriction_type=PageViewRestriction.LOGIN)]
    )

    assert titles(client, "fodboldtræning") == []
    suggested = client.get("/soeg/autocomplete/", {"q": "fodbold"}).json()["results"]
    assert suggested == []


def test_a_restriction_made_elsewhere_never_lists_the_page_as_a_suggestion(search_backend):
    page = MethodPageFactory(parent=section("metoder"), title="Fodboldtræning for alle")
    search_backend.refresh()
    assert [found.title for found in suggested_pages("fodboldtræning")] == [page.title]

    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=page, restriction_type=PageViewRestriction.LOGIN)]
    )

    assert suggested_pages("fodboldtræning") == []
