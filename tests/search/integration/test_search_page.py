"""The search page: facets, sorting, paging, browsing, help when nothing is found, picks."""

import re

import pytest
from bs4 import BeautifulSoup

from django.core.files.base import ContentFile
from django.db import connection

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from kb.models import SearchQueryLog
from kb.search import results
from tests.advisory.factories import editor, secretary
from tests.factories import (
    FaqPageFactory,
    GuidePageFactory,
    KbDocumentFactory,
    MethodPageFactory,
    PublicationPageFactory,
    TopicFactory,
    audience,
    blank_pdf,
    section,
)
from tests.search.helpers import search, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def material(search_backend):
    """Seven pages about volunteers across types, topics, audiences and years."""
    volunteers = TopicFactory(slug="frivillige", name="Frivillige")
    management = TopicFactory(slug="ledelse-og-bestyrelse", name="Ledelse og bestyrelse")
    staff, board = audience("personale"), audience("ledelse")
    specs = [
        (MethodPageFactory, "metoder", 2021, [volunteers], [staff]),
        (MethodPageFactory, "metoder", 2019, [volunteers, management], [board]),
        (GuidePageFactory, "vejledninger", 2021, [volunteers], [staff, board]),
        (GuidePageFactory, "vejledninger", 2023, [management], [board]),
        (GuidePageFactory, "vejledninger", 2025, [volunteers], []),
        (FaqPageFactory, "spoergsmaal-og-svar", 2021, [volunteers, management], [staff]),
        (FaqPageFactory, "spoergsmaal-og-svar", 2018, [], [staff]),
    ]
    for number, (factory, parent, year, topics, audiences) in enumerate(specs, 1):
        factory(
            parent=section(parent),
            title=f"Frivillige nummer {number}",
            summary="Om at have frivillige på værestedet.",
            year=year,
            topics=topics,
            audiences=audiences,
        )
    search_backend.refresh()


@pytest.mark.parametrize("query", ["frivillige", ""], ids=["searching", "browsing"])
def test_each_facet_count_equals_the_results_you_get_by_choosing_it(client, material, query):
    for chosen in ({}, {"emne": "frivillige"}, {"type": "vejledninger", "aar": "2021"}):
        outcome = search(client, query, **chosen)
        assert all(facet.values for facet in outcome.facets), chosen
        for facet in outcome.facets:
            for value in facet.values:
                narrowed = search(client, query, **{**chosen, facet.param: value.value})
                assert narrowed.total == value.count, (chosen, facet.param, value)
                assert len(narrowed.results) == min(value.count, 10)


@pytest.mark.django_db(transaction=True)
def test_results_are_listed_after_the_database_connection_is_renewed(client, material):
    """The hits query is prepared once per connection (kb.search.prepared); a new connection
    (after CONN_MAX_AGE, or a restarted database) has to prepare it again."""
    before = titles(client, "frivillige")
    connection.close()
    assert titles(client, "frivillige") == before
    assert len(before) == 7


def test_facets_combine_with_the_query_and_each_other_in_a_bookmarkable_url(client, material):
    html = client.get("/soeg/", {"q": "frivillige", "emne": "frivillige"}).content.decode()

    assert search(client, "frivillige", emne="frivillige", maalgruppe="ledelse").total == 2
    assert "?emne=frivillige&amp;maalgruppe=ledelse&amp;q=frivillige" in html


def test_a_hit_shows_its_type_year_and_topics(client, material):
    response = client.get("/soeg/", {"q": "frivillige", "sorter": "nyeste", "type": "metoder"})
    page = BeautifulSoup(response.content, "html.parser")

    title = page.find("a", string="Frivillige nummer 2")
    hit = title.find_parent("li", class_="teaser")
    assert hit.select_one(".teaser__meta").get_text(" ", strip=True) == "Metode · 2019"
    topics = hit.select_one("ul.teaser__topics[aria-label=Emner]")  # a list, read as one
    assert [li.get_text() for li in topics.find_all("li")] == [
        "Frivillige",
        "Ledelse og bestyrelse",
    ]


def test_each_hit_links_to_its_page(client, material):
    hits = search(client, "frivillige").results

    assert len(hits) == 7
    for hit in hits:
        page = client.get(hit.url)
        assert page.status_code == 200
        assert f"<h1>{hit.title}</h1>" in page.content.decode()


def test_the_database_says_so_when_it_counted_only_the_best_matches(
    client, material, search_backend, monkeypatch
):
    monkeypatch.setattr(results, "MAX_MATCHES", 3)

    html = client.get("/soeg/", {"q": "frivillige"}).content.decode()

    if search_backend.name != "database":  # the engine counts every match
        assert "7 resultater for »frivillige«" in html and "bedste" not in html
        return
    assert "Over 3 resultater for »frivillige«" in html
    assert "Kun de 3 bedste resultater vises og tælles med under Afgræns." in html
    types = next(
        facet.values for facet in search(client, "frivillige").facets if facet.param == "type"
    )
    rarest = min(types, key=lambda value: value.count)
    narrowed = client.get("/soeg/", {"q": "frivillige", "type": rarest.value}).content.decode()
    assert f"{rarest.count} af de 3 bedste resultater for »frivillige«" in narrowed


def test_newest_first_sorts_by_year(client, material):
    years = [hit.year for hit in search(client, "frivillige", sorter="nyeste").results]

    assert years == sorted(years, reverse=True)


def test_an_empty_query_browses_everything_in_pages_of_ten(client, search_backend):
    for number in range(12):
        MethodPageFactory(parent=section("metoder"), title=f"Metode {number}")
    search_backend.refresh()

    first, second = search(client, ""), search(client, "", side=2)

    assert first.total == 12
    assert len(first.results) == 10 and len(second.results) == 2


def test_browsing_counts_follow_publishing_and_unpublishing(client, search_backend):
    def method_count() -> int:
        search_backend.refresh()
        facets = {facet.param: facet for facet in search(client, "").facets}
        return next((v.count for v in facets["type"].values if v.value == "metoder"), 0)

    MethodPageFactory(parent=section("metoder"))
    assert method_count() == 1

    second = MethodPageFactory(parent=section("metoder"))
    assert method_count() == 2

    Page.objects.get(pk=second.pk).unpublish()  # a plain Page, as bulk actions and expiry do
    assert method_count() == 1


def test_the_suggested_spelling_keeps_the_chosen_filters_and_sorting(client, material):
    chosen = {"type": "metoder", "sorter": "nyeste"}
    corrected = client.get("/soeg/", {"q": "frivilige", **chosen}).content.decode()
    as_typed = client.get("/soeg/", {"q": "frivilige", "som_skrevet": "ja", **chosen})

    link = re.search(r'<a href="([^"]*)">Søg i stedet efter', corrected).group(1)
    assert link == "?q=frivilige&amp;som_skrevet=ja&amp;sorter=nyeste&amp;type=metoder"
    link = re.search(r'Mente du <a href="([^"]*)"', as_typed.content.decode()).group(1)
    assert link == "?q=frivillige&amp;sorter=nyeste&amp;type=metoder"


def test_no_results_offers_a_suggestion_popular_topics_and_asking_the_secretariat(client, material):
    html = client.get("/soeg/", {"q": "frivilige xyzzy"}).content.decode()
    nothing = client.get("/soeg/", {"q": "qwxzy"}).content.decode()

    assert html.count("Viser resultater for <strong>frivillige xyzzy</strong>") == 1
    assert "Ingen resultater for »qwxzy«" in nothing
    assert 'href="?emne=frivillige"' in nothing
    assert (
        '<a class="button" href="/raadgivning/spoerg/?overskrift=qwxzy">'
        "Spørg sekretariatet om »qwxzy«</a>"
    ) in nothing


def test_asking_the_secretariat_after_a_search_that_found_nothing_keeps_the_words(client, material):
    nothing = client.get("/soeg/", {"q": "  hvem  betaler for kørsel?"}).content.decode()
    ask_url = re.search(r'<a class="button" href="([^"]*)">Spørg', nothing).group(1)

    form = client.get(ask_url.replace("&amp;", "&")).content.decode()

    assert 'name="subject" value="hvem betaler for kørsel?"' in form


@pytest.mark.parametrize(
    ("filters", "chips"),
    [
        (
            {"type": "metoder", "aar": "2025"},  # no method from 2025
            {
                "Type: Metoder": "?aar=2025&amp;q=frivillige",
                "År: 2025": "?q=frivillige&amp;type=metoder",
            },
        ),
        ({"aar": "1999"}, {"År: 1999": "?q=frivillige"}),  # a year without material
    ],
    ids=["nothing-has-both", "no-material"],
)
def test_filters_that_find_nothing_are_shown_and_can_be_removed(client, material, filters, chips):
    html = client.get("/soeg/", {"q": "frivillige", **filters}).content.decode()

    assert "Ingen resultater for »frivillige«" in html
    assert "Vi fandt ikke noget med de valgte filtre" in html
    for label, removing in chips.items():
        assert f'<a class="chip" href="{removing}">{label}<' in html


@pytest.mark.parametrize(
    ("given", "meant"),
    [
        ({"aar": "xyz"}, {}),
        ({"aar": "21"}, {}),
        ({"type": "bogus"}, {}),
        ({"emne": "findes-ikke"}, {}),
        ({"maalgruppe": "alle"}, {}),
        ({"type": "metoder", "aar": "xyz"}, {"type": "metoder"}),
    ],
    ids=["year-word", "short-year", "type", "topic", "audience", "beside-a-real-one"],
)
@pytest.mark.parametrize("query", ["frivillige", ""], ids=["searching", "browsing"])
def test_a_made_up_filter_value_is_ignored_like_an_unknown_parameter(
    client, material, query, given, meant
):
    """It showed as a chosen filter ("År: xyz") that found nothing."""
    outcome = search(client, query, **given)
    chosen = [(f.param, v.value) for f in outcome.facets for v in f.values if v.selected]

    assert chosen == list(meant.items())  # the chips above the results
    assert outcome.total > 0
    assert titles(client, query, **given) == titles(client, query, **meant)


def test_a_search_of_only_common_small_words_says_they_are_not_searched(client, material):
    html = client.get("/soeg/", {"q": "og i at det er"}).content.decode()

    assert "Ingen resultater for »og i at det er«" in html
    assert "Ordene er så almindelige, at de ikke søges på." in html
    assert "Prøv med færre eller andre ord" not in html


def test_an_editors_pick_comes_first(client, search_backend):
    MethodPageFactory(parent=section("metoder"), title="Frivillige frivillige frivillige")
    chosen = GuidePageFactory(parent=section("vejledninger"), title="Rekruttering")
    SearchPromotion.objects.create(query=Query.get("frivillige"), page=chosen, sort_order=0)
    search_backend.refresh()

    outcome = search(client, "Frivillige")

    assert [hit.title for hit in outcome.results][:2] == [
        "Rekruttering",
        "Frivillige frivillige frivillige",
    ]
    assert outcome.results[0].promoted


def test_a_pick_added_after_a_search_counts_at_once(client, search_backend):
    MethodPageFactory(parent=section("metoder"), title="Frivillige frivillige frivillige")
    chosen = GuidePageFactory(parent=section("vejledninger"), title="Rekruttering")
    search_backend.refresh()
    assert titles(client, "frivillige") == ["Frivillige frivillige frivillige"]

    SearchPromotion.objects.create(query=Query.get("frivillige"), page=chosen, sort_order=0)

    assert titles(client, "frivillige") == ["Rekruttering", "Frivillige frivillige frivillige"]


@pytest.mark.parametrize("typed", ["!!!", "?", "%%%", "*"])
def test_a_search_without_words_finds_nothing_instead_of_listing_everything(
    client, material, typed
):
    assert search(client, typed).total == 0
    assert search(client, "").total == 7  # an empty search browses everything


def test_searches_are_logged_normalised_with_their_result_count(client, material):
    search(client, "  Frivillige   ")
    search(client, "frivillige", emne="frivillige")  # narrowing is not a new search
    search(client, "qwxzy")
    search(client, "%")  # no word to report to editors
    search(client, "*")
    search(client, "Frivillige?")  # the same search as a question

    logged = list(SearchQueryLog.objects.values_list("query", "result_count").order_by("id"))
    assert logged == [("frivillige", 7), ("qwxzy", 0), ("frivillige", 7)]


def test_searches_by_the_secretariats_own_staff_are_not_logged(client, material):
    client.force_login(editor())
    search(client, "frivillige")
    client.force_login(secretary())
    search(client, "frivillige")
    client.logout()
    search(client, "frivillige")

    assert SearchQueryLog.objects.count() == 1


def test_a_pick_comes_first_whether_or_not_the_question_mark_is_typed(client, search_backend):
    MethodPageFactory(parent=section("metoder"), title="Frivillige frivillige frivillige")
    chosen = GuidePageFactory(parent=section("vejledninger"), title="Rekruttering")
    search_backend.refresh()
    question = Query.get("Hvordan finder vi frivillige?")
    SearchPromotion.objects.create(query=question, page=chosen, sort_order=0)

    for typed in ("hvordan finder vi frivillige?", "Hvordan finder vi frivillige"):
        assert titles(client, typed)[0] == "Rekruttering", typed


def test_autocomplete_suggests_titles_after_two_letters(client, material):
    assert client.get("/soeg/autocomplete/", {"q": "f"}).json() == {"results": []}

    for typed in ("fr", "fri"):
        results = client.get("/soeg/autocomplete/", {"q": typed}).json()["results"]
        assert len(results) == 7, typed
        assert all(r["title"].startswith("Frivillige") and r["url"] for r in results)


def test_the_results_heading_shows_the_query_as_typed_and_escaped(client, material):
    typed = client.get("/soeg/", {"q": "  Hvordan  finder vi\tFrivillige "}).content.decode()
    markup = client.get("/soeg/", {"q": "<b>Frivillige</b>"}).content.decode()

    assert "for »Hvordan finder vi Frivillige«" in typed
    assert "for »&lt;b&gt;Frivillige&lt;/b&gt;«" in markup


def test_a_quoted_phrase_shows_between_guillemets_without_its_quotes(client, material):
    phrase = client.get("/soeg/", {"q": ' "finder vi frivillige" '}).content.decode()
    partly = client.get("/soeg/", {"q": '"finder vi" frivillige'}).content.decode()

    assert "for »finder vi frivillige«" in phrase
    assert "<title>Søgning: &quot;finder vi frivillige&quot;" in phrase
    assert "for »&quot;finder vi&quot; frivillige«" in partly
    printed = client.get("/soeg/", {"q": "»finder vi frivillige«"}).content.decode()
    assert "for »finder vi frivillige«" in printed


def test_chosen_filters_are_chips_above_the_results_each_removing_only_itself(client, material):
    html = client.get(
        "/soeg/", {"q": "frivillige", "emne": "frivillige", "maalgruppe": "ledelse"}
    ).content.decode()
    results = html.index('class="article-list search-results"')

    topic_chip = html.index('href="?maalgruppe=ledelse&amp;q=frivillige">Emne: Frivillige')
    audience_chip = html.index('href="?emne=frivillige&amp;q=frivillige">Målgruppe: Ledelse')
    assert topic_chip < results and audience_chip < results
    assert "fjern filteret" in html[topic_chip:results]
    # on a phone the facets come after the results: a link near the top leads to them
    assert html.index('href="#facets-heading"') < results


def test_a_pasted_paragraph_is_shown_back_cut_short(client, material):
    pasted = "Vi har en bruger, der ofte kommer beruset og råber ad de andre. " * 40

    html = client.get("/soeg/", {"q": pasted}).content.decode()

    heading = re.search(r'<h2 id="results-heading"[^>]*>(.*?)</h2>', html, re.S).group(1)
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert len(heading.strip()) < 200 and "…" in heading
    assert len(title) < 200


def test_a_query_too_long_says_which_words_were_left_out_and_no_half_word_is_unfound(
    client, material
):
    pasted = "frivillige " * 18 + "fodplejedage"  # 210 characters

    html = client.get("/soeg/", {"q": pasted}).content.decode()

    assert "så de sidste ord kom ikke med: »fodplejedage«." in html
    assert "Ingen sider indeholder »fo«" not in html
    assert "Frivillige nummer 1" in html


def test_a_publication_found_says_it_comes_as_a_pdf(client, search_backend):
    report = KbDocumentFactory(file=ContentFile(blank_pdf(), name="havebrug-rapport.pdf"))
    PublicationPageFactory(
        parent=section("publikationer"), title="Havebrug på værestedet", document=report
    )
    GuidePageFactory(parent=section("vejledninger"), title="Havebrug i praksis")
    search_backend.refresh()

    html = client.get("/soeg/", {"q": "havebrug"}).content.decode()

    metas = dict(
        (title, " ".join(re.sub(r"<[^>]+>", "", meta).split()))
        for meta, title in re.findall(
            r'<p class="teaser__meta">(.*?)</p>\s*<h3 class="teaser__title"><a [^>]*>(.*?)</a>',
            html,
            re.S,
        )
    )
    assert metas["Havebrug på værestedet"].startswith("Publikation · PDF")
    assert "PDF" not in metas["Havebrug i praksis"]


def test_the_window_title_names_the_query_the_filters_and_the_page(client, search_backend):
    volunteers = TopicFactory(slug="frivillige", name="Frivillige")
    for number in range(11):
        MethodPageFactory(
            parent=section("metoder"), title=f"Kaffeklub {number}", topics=[volunteers]
        )
    search_backend.refresh()

    html = client.get("/soeg/", {"q": "kaffeklub", "emne": "frivillige", "side": "2"})

    title = BeautifulSoup(html.content, "html.parser").title.get_text()
    assert title == "Søgning: kaffeklub · Emne: Frivillige · side 2 · Vidensbanken"
    first = client.get("/soeg/", {"emne": "frivillige"}).content
    assert BeautifulSoup(first, "html.parser").title.get_text() == (
        "Søg · Emne: Frivillige · Vidensbanken"
    )


def test_each_search_counts_as_a_view_of_its_query_for_the_editors_picks(
    client, admin_client, material
):
    SearchPromotion.objects.create(
        query=Query.get("frivillige"),
        page=Page.objects.get(title="Frivillige nummer 1"),
        sort_order=0,
    )
    for typed in ("frivillige", "Frivillige ", "brugerråd"):
        search(client, typed)
    search(client, "frivillige", emne="frivillige")  # narrowing is not a new search
    search(admin_client, "frivillige")  # the secretariat's own checking

    picks = BeautifulSoup(admin_client.get("/admin/searchpicks/").content, "html.parser")
    frivillige = picks.find("a", string=re.compile("frivillige")).find_parent("tr")
    assert frivillige.find_all("td")[-1].get_text(strip=True) == "2"
    popular = admin_client.get("/admin/searchpicks/queries/chooser/").json()["html"]
    assert popular.index("frivillige") < popular.index("brugerråd")
