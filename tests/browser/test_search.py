"""The search page and the autocomplete in a real Chromium: accessible, usable by keyboard."""

import re

import pytest
from playwright.sync_api import expect

from kb.search.autocomplete import LIMIT
from tests.browser.conftest import DESKTOP, PHONE, assert_accessible, inside, screenshot
from tests.factories import GuidePageFactory, MethodPageFactory, TopicFactory, audience, section

pytestmark = pytest.mark.browser


@pytest.fixture
def material(live_site):
    volunteers = TopicFactory(slug="frivillige", name="Frivillige")
    for title, factory, parent in [
        ("Frivilligmentor-ordning", MethodPageFactory, "metoder"),
        ("Fasthold og anerkend frivillige", GuidePageFactory, "vejledninger"),
        ("Rekruttering af frivillige", GuidePageFactory, "vejledninger"),
    ]:
        factory(
            parent=section(parent),
            title=title,
            summary="Sådan får værestedet frivillige, der bliver.",
            topics=[volunteers],
            audiences=[audience("personale")],
        )


def test_search_page_with_results_and_with_none_passes_axe(page, live_site, material):
    for name, query in [("soegning", "frivilige"), ("soegning-uden-resultater", "qwxzy")]:
        page.goto(f"{live_site.url}/soeg/?q={query}")
        for width in (PHONE, DESKTOP):
            screenshot(page, name, width)
            assert page.evaluate("document.documentElement.scrollWidth") <= width, "vandret scroll"
            assert_accessible(page)
    page.goto(f"{live_site.url}/soeg/?q=frivilige")
    expect(page.get_by_text("Viser resultater for")).to_be_visible()
    expect(page.locator(".search-results mark").first).to_have_text(
        re.compile("frivillige", re.IGNORECASE)
    )


def test_keyboard_user_picks_an_autocomplete_suggestion(page, live_site, material):
    page.goto(live_site.url + "/")
    box = page.get_by_role("combobox", name="Søg i Vidensbanken").first
    while not box.evaluate("element => element === document.activeElement"):
        page.keyboard.press("Tab")
    page.keyboard.type("frivil")
    listbox = page.get_by_role("listbox", name="Forslag")
    expect(listbox.get_by_role("option")).to_have_count(3)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    chosen = listbox.locator('[aria-selected="true"]')
    expect(box).to_have_attribute("aria-activedescendant", chosen.get_attribute("id"))
    title = chosen.inner_text()
    for width in (PHONE, DESKTOP):
        screenshot(page, "autocomplete", width)
        assert_accessible(page)

    page.keyboard.press("Enter")

    expect(page.locator("h1")).to_have_text(title)


def test_every_suggestion_shows_whole_in_both_search_boxes_and_the_arrow_keys_reach_each(
    page, live_site
):
    for number in range(LIMIT):  # as many as are suggested, with titles two lines on a phone
        GuidePageFactory(
            parent=section("vejledninger"),
            title=f"Frivillige {number}: rekruttering, fastholdelse og en god afsked",
        )
    for width, path, box in [
        (PHONE, "/soeg/", "#page-search-q"),
        (PHONE, "/metoder/", "#header-search-q"),
        (DESKTOP, "/soeg/", "#page-search-q"),
        (DESKTOP, "/metoder/", "#header-search-q"),
    ]:
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(live_site.url + path)
        page.locator(box).fill("frivil")
        listbox = page.get_by_role("listbox", name="Forslag")
        options = listbox.get_by_role("option")
        expect(options).to_have_count(LIMIT)

        for option in options.all():
            assert inside(option.bounding_box(), listbox.bounding_box()), (width, path)
        for option in options.all():
            page.keyboard.press("ArrowDown")
            expect(option).to_have_attribute("aria-selected", "true")
            expect(option).to_be_in_viewport(ratio=1)


def test_on_a_laptop_the_facets_come_after_the_results_on_screen_as_for_the_keyboard(
    page, live_site, material
):
    page.set_viewport_size({"width": DESKTOP, "height": 900})
    page.goto(f"{live_site.url}/soeg/?q=frivillige")
    results = page.locator("section[aria-labelledby=results-heading]")
    facets = page.locator("nav.facets")

    assert (
        facets.bounding_box()["x"] >= results.bounding_box()["x"] + results.bounding_box()["width"]
    )
    expect(page.get_by_role("link", name="Afgræns resultaterne")).to_be_hidden()
    results.get_by_role("link").last.focus()
    page.keyboard.press("Tab")
    expect(facets.get_by_role("link").first).to_be_focused()


def test_a_long_facet_folds_its_smallest_values_and_opens_them_by_keyboard(page, live_site):
    for year in range(2010, 2022):
        GuidePageFactory(parent=section("vejledninger"), title=f"Årsberetning {year}", year=year)
    page.set_viewport_size({"width": PHONE, "height": 800})
    page.goto(f"{live_site.url}/soeg/?q=årsberetning")
    years = page.get_by_role("navigation", name="Afgræns").get_by_role("list", name="År")

    expect(years.get_by_role("link", name=re.compile("^2021"))).to_be_visible()
    expect(years.get_by_role("link", name=re.compile("^2010"))).to_be_hidden()
    more = page.get_by_text("Vis 6 flere")
    more.focus()
    page.keyboard.press("Enter")
    expect(years.get_by_role("link", name=re.compile("^2010"))).to_be_visible()
    assert_accessible(page)

    years.get_by_role("link", name=re.compile("^2010")).click()
    expect(page.get_by_role("heading", name=re.compile("1 resultat"))).to_be_visible()
    chosen = page.get_by_role("list", name="År").get_by_role("link", name=re.compile("^2010"))
    expect(chosen).to_be_visible()  # the folded values open with a choice among them
    expect(chosen).to_have_attribute("aria-current", "true")


def test_a_screen_reader_hears_when_nothing_is_suggested(page, live_site, material):
    page.goto(live_site.url + "/")
    box = page.get_by_role("combobox", name="Søg i Vidensbanken").first
    box.fill("frivil")
    status = page.get_by_role("status").filter(has_text="forslag")
    expect(status).to_have_text("3 forslag. Brug pil op og ned for at vælge.")

    box.fill("qwxzy")

    expect(status).to_have_text("Ingen forslag.")
