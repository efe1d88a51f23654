import re

import pytest

from django.core.files.base import ContentFile
from django.utils.html import strip_tags

from tests.factories import (
    GuidePageFactory,
    KbDocumentFactory,
    MethodPageFactory,
    PublicationPageFactory,
    TopicFactory,
    audience,
    blank_pdf,
    section,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def methods(site):
    return section("metoder")


# A teaser's meta line and its title.
TEASER_RE = re.compile(
    r'<p class="teaser__meta">(.*?)</p>\s*<h3 class="teaser__title"><a [^>]*>(.*?)</a>', re.S
)


def titles(response) -> set[str]:
    return {article.title for article in response.context["articles"]}


def test_section_lists_only_its_own_live_articles_newest_first(client, methods):
    MethodPageFactory(parent=methods, title="Ældre metode", year=2010)
    MethodPageFactory(parent=methods, title="Ny metode", year=2025)
    GuidePageFactory(parent=section("vejledninger"), title="En vejledning")
    draft = MethodPageFactory(parent=methods, title="Kladde")
    draft.unpublish()

    response = client.get("/metoder/")

    assert [a.title for a in response.context["articles"]] == ["Ny metode", "Ældre metode"]
    assert "Kladde" not in response.content.decode()


@pytest.fixture
def topics_and_audiences(methods):
    """The topics Frivillige and Brugerinddragelse, with three methods: A (Frivillige, for
    Ledelse), B (Frivillige, for Brugere) and C (Brugerinddragelse, for Ledelse)."""
    volunteers, users = TopicFactory(slug="frivillige"), TopicFactory(slug="brugerinddragelse")
    MethodPageFactory(
        parent=methods, title="A", topics=[volunteers], audiences=[audience("ledelse")]
    )
    MethodPageFactory(
        parent=methods, title="B", topics=[volunteers], audiences=[audience("brugere")]
    )
    MethodPageFactory(parent=methods, title="C", topics=[users], audiences=[audience("ledelse")])
    return volunteers, users


def test_topic_and_audience_filters_return_exactly_the_matching_articles(
    client, methods, topics_and_audiences
):
    volunteers, users = topics_and_audiences
    MethodPageFactory(parent=methods, title="D", topics=[volunteers, users])

    assert titles(client.get("/metoder/?emne=frivillige")) == {"A", "B", "D"}
    assert titles(client.get("/metoder/?maalgruppe=ledelse")) == {"A", "C"}
    assert titles(client.get("/metoder/?emne=frivillige&maalgruppe=ledelse")) == {"A"}
    assert titles(client.get("/metoder/?emne=findes-ikke")) == set()


def test_each_filter_option_counts_what_choosing_it_lists_with_the_other_filter(
    client, topics_and_audiences
):
    volunteers, users = topics_and_audiences
    GuidePageFactory(parent=section("vejledninger"), title="Elsewhere", topics=[volunteers])

    assert options(client.get("/metoder/")) == {
        "Alle emner": "",
        f"{users.name} (1)": "brugerinddragelse",
        f"{volunteers.name} (2)": "frivillige",
        "Alle målgrupper": "",
        "Brugere (1)": "brugere",
        "Frivillige (0)": "frivillige",
        "Ledelse (2)": "ledelse",
        "Personale (0)": "personale",
    }
    chosen = options(client.get("/metoder/?emne=frivillige&maalgruppe=ledelse"))
    assert f"{users.name} (1)" in chosen  # C: the audience chosen, the topic changed
    assert f"{volunteers.name} (1)" in chosen  # A, as listed
    assert "Brugere (1)" in chosen and "Ledelse (1)" in chosen


OPTION_RE = re.compile(r'<option value="([^"]*)"[^>]*>(.*?)</option>')


def options(response) -> dict[str, str]:
    """The filters' options, by their text."""
    return {text: value for value, text in OPTION_RE.findall(response.content.decode())}


def test_filtered_listing_shows_count_and_keeps_filter_in_pagination_links(client, methods):
    topic = TopicFactory(slug="frivillige")
    for number in range(15):
        MethodPageFactory(parent=methods, title=f"Metode {number}", topics=[topic])

    response = client.get("/metoder/?emne=frivillige")
    html = response.content.decode()

    assert "15 materialer" in html
    assert 'href="?emne=frivillige&amp;side=2"' in html
    second = client.get("/metoder/?emne=frivillige&side=2")
    assert len(second.context["articles"]) == 3
    # Tabs, bookmarks and the history tell the filtered pages apart.
    title = re.search(r"<title>(.*?)</title>", second.content.decode()).group(1)
    assert title == f"Metoder · Emne: {topic.name} · side 2 · Vidensbanken"
    assert 'action="#results-heading"' in html  # "Vis" lands at the count of what it found


def test_section_with_fifty_articles_renders_with_a_bounded_number_of_queries(
    client, methods, django_assert_max_num_queries
):
    topics = [TopicFactory(slug=f"emne-{n}") for n in range(5)]
    for number in range(50):
        MethodPageFactory(parent=methods, title=f"Metode {number}", topics=topics[: number % 5 + 1])
    client.get("/metoder/")  # warm caches (site root paths, content types)

    with django_assert_max_num_queries(20):
        first = client.get("/metoder/")
    with django_assert_max_num_queries(20):
        last = client.get("/metoder/?side=5&emne=emne-0")

    assert first.status_code == last.status_code == 200
    assert len(first.context["articles"]) == 12


def test_a_topic_nothing_here_has_stays_chosen_and_the_page_says_so(client, methods):
    TopicFactory(slug="digitalt-vaerested", name="Digitalt værested")
    MethodPageFactory(parent=methods, title="Husmøder", topics=[TopicFactory(slug="frivillige")])

    html = client.get("/metoder/?emne=digitalt-vaerested&maalgruppe=ledelse").content.decode()

    assert '<option value="digitalt-vaerested" selected>Digitalt værested (0)</option>' in html
    assert "Intet materiale i denne sektion har emnet »Digitalt værested«." in html
    assert '<a href="?maalgruppe=ledelse">Vis alle emner</a>' in html


def test_a_publication_listed_with_a_pdf_says_so(client, site):
    publications = section("publikationer")
    PublicationPageFactory(
        parent=publications,
        title="Årsrapport",
        year=2024,
        document=KbDocumentFactory(file=ContentFile(blank_pdf(), name="aarsrapport.pdf")),
    )
    PublicationPageFactory(parent=publications, title="Uden fil", year=2023, document=None)

    html = client.get("/publikationer/").content.decode()

    metas = {title: " ".join(strip_tags(meta).split()) for meta, title in TEASER_RE.findall(html)}
    assert metas == {"Årsrapport": "Publikation · PDF · 2024", "Uden fil": "Publikation · 2023"}
