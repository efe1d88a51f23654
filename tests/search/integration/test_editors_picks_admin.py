"""Editors pick pages for a query in the admin and are told when a pick could never show."""

import re

import pytest
from bs4 import BeautifulSoup

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import PageViewRestriction

from tests.factories import MethodPageFactory, section

pytestmark = pytest.mark.django_db

ADD_PICK = "/admin/searchpicks/add/"


def pick(admin_client, query: str, page):
    return admin_client.post(
        ADD_PICK,
        {
            "query_string": query,
            "editors_picks-TOTAL_FORMS": "1",
            "editors_picks-INITIAL_FORMS": "0",
            "editors_picks-MIN_NUM_FORMS": "0",
            "editors_picks-MAX_NUM_FORMS": "1000",
            "editors_picks-0-page": str(page.pk),
            "editors_picks-0-description": "Læs denne først",
            "editors_picks-0-ORDER": "0",
            "editors_picks-0-DELETE": "",
        },
    )


@pytest.mark.parametrize(
    ("unseen", "explained"),
    [
        (
            "draft",
            "»Husmødet internt« er ikke udgivet og vises derfor ikke i søgningen. "
            "Vælg den, når den er udgivet.",
        ),
        (
            "restricted",
            "»Husmødet internt« er kun for dem med adgang og vises derfor ikke i søgningen.",
        ),
    ],
)
def test_a_page_no_visitor_can_see_is_refused_and_the_query_is_kept(
    admin_client, site, unseen, explained
):
    page = MethodPageFactory(
        parent=section("metoder"), title="Husmødet internt", live=unseen != "draft"
    )
    if unseen == "restricted":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    html = pick(admin_client, "husmøde", page).content.decode()

    assert explained in html
    assert "Et fremhævet søgeresultat skal rettes. Se nedenfor." in html  # the banner above
    assert 'value="husmøde"' in html
    assert "Læs denne først" in html
    assert not SearchPromotion.objects.exists()


def test_a_page_that_is_not_an_article_is_refused(admin_client, site):
    html = pick(admin_client, "metoder", section("metoder")).content.decode()

    assert "»Metoder« er ikke en artikel." in html
    assert not SearchPromotion.objects.exists()


def test_the_page_chooser_of_a_pick_offers_only_articles(admin_client):
    form = admin_client.get(ADD_PICK).content.decode()

    offered = re.search(r'modelNames": \[(.*?)\]', form)
    assert sorted(re.findall(r"kb\.(\w+)", offered[1])) == [
        "faqpage",
        "guidepage",
        "methodpage",
        "publicationpage",
    ]


def test_a_pick_whose_page_was_unpublished_since_does_not_stop_the_other_picks_being_saved(
    admin_client, site
):
    kept = MethodPageFactory(parent=section("metoder"), title="Husmødet")
    added = MethodPageFactory(parent=section("metoder"), title="Fællesspisning")
    pick(admin_client, "husmøde", kept)
    kept.unpublish()
    query = SearchPromotion.objects.get().query

    response = admin_client.post(
        f"/admin/searchpicks/{query.pk}/",
        {
            "query_string": "husmøde",
            "editors_picks-TOTAL_FORMS": "2",
            "editors_picks-INITIAL_FORMS": "1",
            "editors_picks-MIN_NUM_FORMS": "0",
            "editors_picks-MAX_NUM_FORMS": "1000",
            "editors_picks-0-id": str(SearchPromotion.objects.get().pk),
            "editors_picks-0-page": str(kept.pk),
            "editors_picks-0-description": "",
            "editors_picks-0-ORDER": "0",
            "editors_picks-0-DELETE": "",
            "editors_picks-1-page": str(added.pk),
            "editors_picks-1-description": "",
            "editors_picks-1-ORDER": "1",
            "editors_picks-1-DELETE": "",
        },
    )

    assert response.status_code == 302
    assert [p.page.title for p in SearchPromotion.objects.order_by("sort_order")] == [
        "Husmødet",
        "Fællesspisning",
    ]


def test_a_pick_without_a_page_or_link_is_explained_in_the_banner_and_the_pick(admin_client):
    html = admin_client.post(
        ADD_PICK,
        {
            "query_string": "husmøde",
            "editors_picks-TOTAL_FORMS": "1",
            "editors_picks-INITIAL_FORMS": "0",
            "editors_picks-MIN_NUM_FORMS": "0",
            "editors_picks-MAX_NUM_FORMS": "1000",
            "editors_picks-0-page": "",
            "editors_picks-0-description": "",
            "editors_picks-0-ORDER": "0",
            "editors_picks-0-DELETE": "",
        },
    ).content.decode()

    assert "Et fremhævet søgeresultat skal rettes. Se nedenfor." in html
    pick_errors = BeautifulSoup(html, "html.parser").select("li.error-message")
    assert [error.get_text(strip=True) for error in pick_errors] == [
        "Du skal anbefale en side ELLER et eksternt link."
    ]
