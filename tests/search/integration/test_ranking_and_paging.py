"""Ranking, paging through matches, and facets that follow an editor's changes."""

import pytest

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from kb.search import results
from tests.factories import GuidePageFactory, MethodPageFactory, TopicFactory, section
from tests.search.helpers import search, titles

pytestmark = pytest.mark.django_db


def test_a_page_about_the_words_ranks_above_one_that_mentions_them_in_passing(
    client, search_backend
):
    GuidePageFactory(
        parent=section("vejledninger"),
        title="Husorden",
        summary="Regler i huset.",
        body=[{"type": "paragraph", "value": "<p>Vi taler også kort om frivillige.</p>"}],
    )
    MethodPageFactory(
        parent=section("metoder"),
        title="Frivillige i værestedet",
        summary="Sådan finder og fastholder I frivillige.",
    )
    search_backend.refresh()

    assert titles(client, "frivillige") == ["Frivillige i værestedet", "Husorden"]


def test_asking_for_a_page_past_the_last_shows_the_last(client, search_backend):
    for number in range(12):
        MethodPageFactory(parent=section("metoder"), title=f"Frivillige {number}")
    search_backend.refresh()

    beyond = search(client, "frivillige", side=9)
    garbled = search(client, "frivillige", side="x")

    assert beyond.total == 12 and beyond.results.number == 2 and len(beyond.results) == 2
    assert garbled.results.number == 1 and len(garbled.results) == 10


def test_a_pick_that_is_unpublished_is_not_shown(client, search_backend):
    MethodPageFactory(parent=section("metoder"), title="Frivillige på værestedet")
    hidden = GuidePageFactory(parent=section("vejledninger"), title="Rekruttering")
    SearchPromotion.objects.create(query=Query.get("frivillige"), page=hidden, sort_order=0)
    hidden.unpublish()
    search_backend.refresh()

    outcome = search(client, "frivillige")

    assert [hit.title for hit in outcome.results] == ["Frivillige på værestedet"]
    assert outcome.total == 1


def test_a_changed_topic_shows_in_the_facets_at_once(client, search_backend):
    old, new = TopicFactory(slug="opstart", name="Opstart"), TopicFactory(slug="oekonomi")
    page = MethodPageFactory(parent=section("metoder"), title="Frivillige", topics=[old])
    page.topics.set([new])
    page.save_revision().publish()
    search_backend.refresh()

    topics = {value.value: value.count for value in facet(search(client, "frivillige"), "emne")}

    assert topics == {"oekonomi": 1}
    assert search(client, "frivillige", emne="oekonomi").total == 1


def facet(outcome, param):
    return next(f.values for f in outcome.facets if f.param == param)


def test_odd_facet_values_and_page_numbers_do_not_fail_over(client, search_backend):
    MethodPageFactory(parent=section("metoder"), title="Frivillige", year=2021)
    search_backend.refresh()

    odd_year = search(client, "frivillige", aar="²")
    far_page = search(client, "frivillige", side=5000)
    plain_year = search(client, "frivillige", aar="2021")
    other_year = search(client, "frivillige", aar="1999")
    unknown_topics = [search(client, query, emne="findes-ikke") for query in ("frivillige", "")]

    assert odd_year.total == 1 and odd_year.backend == search_backend.name  # no year: left out
    assert far_page.results.number == 1 and far_page.backend == search_backend.name
    assert plain_year.total == 1
    assert other_year.total == 0 and other_year.backend == search_backend.name
    assert [outcome.total for outcome in unknown_topics] == [1, 1]


def test_newest_first_puts_material_without_a_year_last(client, search_backend):
    for title, year in [
        ("Frivillige udateret", None),
        ("Frivillige 2019", 2019),
        ("Frivillige 2024", 2024),
    ]:
        MethodPageFactory(parent=section("metoder"), title=title, year=year)
    search_backend.refresh()
    newest = ["Frivillige 2024", "Frivillige 2019", "Frivillige udateret"]

    assert titles(client, "frivillige", sorter="nyeste") == newest
    assert titles(client, "") == newest  # browsing everything
    listing = client.get("/metoder/").content.decode()
    assert [listing.index(title) for title in newest] == sorted(listing.index(t) for t in newest)


@pytest.mark.parametrize("link_first", [False, True])
def test_an_editors_link_elsewhere_and_pages_come_first_in_the_editors_order(
    client, search_backend, link_first
):
    chosen = GuidePageFactory(parent=section("vejledninger"), title="Rekruttering")
    MethodPageFactory(parent=section("metoder"), title="Frivillige i køkkenet")
    query = Query.get("frivillige")
    SearchPromotion.objects.create(
        query=query,
        page=chosen,
        sort_order=1 if link_first else 0,
        description="Start her, hvis I mangler nogen.",
    )
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://frivillighed.dk/",
        external_link_text="Center for frivilligt socialt arbejde",
        description="Kurser og råd om frivillige.",
        sort_order=0 if link_first else 1,
    )
    search_backend.refresh()

    html = client.get("/soeg/", {"q": "frivillige"}).content.decode()

    assert '<a href="https://frivillighed.dk/">Center for frivilligt socialt arbejde</a>' in html
    assert "Kurser og råd om frivillige." in html
    assert "Start her, hvis I mangler nogen." in html
    in_order = ["Center for frivilligt", "Rekruttering</a>", "Frivillige i køkkenet"]
    if not link_first:
        in_order[:2] = reversed(in_order[:2])
    assert [html.index(text) for text in in_order] == sorted(html.index(t) for t in in_order)


def test_paging_stops_where_the_engine_stops_but_the_count_does_not(
    client, search_backend, monkeypatch
):
    monkeypatch.setattr(results, "LAST_PAGE", 2)  # 1,000 pages of ten, in production
    for number in range(25):
        MethodPageFactory(parent=section("metoder"), title=f"Frivillige {number}")
    search_backend.refresh()

    for query in ("frivillige", ""):
        response = client.get("/soeg/", {"q": query, "side": 3})
        html = response.content.decode()
        assert response.context["outcome"].total == 25
        assert "25 resultater" in html
        assert "Side 2 af 2" in html and 'rel="next"' not in html
