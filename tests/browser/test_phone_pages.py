"""What a person sees of the public pages on a 360 px phone, in Chromium."""

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from advisory.models.cases import Channel
from advisory.public.intake import open_requester_case, receive_message
from kb.markdown_blocks import markdown_to_blocks
from tests.browser.conftest import PHONE, assert_accessible, inside
from tests.factories import FaqPageFactory, MethodPageFactory, TopicFactory, section

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LONG_URL = (
    "https://www.kommune.dk/borger/frivillighed/paragraf-18-puljen/"
    "ansoegningsskema-2027-vejledning-til-foreninger-og-vaeresteder.pdf"
)


@pytest.fixture
def phone(page, site):
    page.set_viewport_size({"width": PHONE, "height": 800})
    return page


@pytest.fixture
def method(site):
    return MethodPageFactory(
        parent=section("metoder"),
        title="Frivilligmentor",
        summary="Frivillige hjælper frivillige.",
        topics=[TopicFactory(slug="frivillige", name="Frivillige")],
    )


COMPARISON = """
| | §18 | §104 |
|---|---|---|
| Frihed | Stor | Mindre |
| Økonomisk stabilitet | Lav | Højere |
| Personale | Primært frivillige | Ofte ansatte |
| Dokumentationskrav | Få | Flere |
"""


def scrolls_sideways(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") > PHONE


def test_a_pasted_url_as_query_wraps_instead_of_widening_the_page(phone, live_server, method):
    for query in (LONG_URL, "frivillighed" * 25):
        phone.goto(f"{live_server.url}/soeg/?q={quote(query)}")
        expect(phone.locator("#results-heading")).to_contain_text("resultat")
        assert not scrolls_sideways(phone), query


def test_a_url_in_a_message_is_a_link_that_wraps_in_its_box(phone, live_server):
    case = open_requester_case(
        Channel.WEB,
        requester_name="Karen Jensen",
        requester_email="karen@example.org",
        subject="Ansøgning",
        question="Hvordan søger vi puljen?",
    )
    receive_message(case, f"Her er skemaet: {LONG_URL}")

    phone.goto(f"{live_server.url}/raadgivning/sag/{case.access.token}/")

    expect(phone.get_by_role("link", name=LONG_URL)).to_have_attribute("href", LONG_URL)
    assert not scrolls_sideways(phone)


def test_the_filters_below_the_results_are_reached_from_the_top_by_keyboard_without_javascript(
    browser, live_server, method
):
    for number in range(6):
        MethodPageFactory(parent=section("metoder"), title=f"Frivillige {number}")
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": PHONE, "height": 800}
    )
    phone = context.new_page()
    phone.goto(f"{live_server.url}/soeg/?q=frivillige&type=metoder")
    filters = phone.get_by_role("navigation", name="Afgræns")
    to_filters = phone.get_by_role("link", name="Afgræns resultaterne (1 valgt)")

    expect(phone.get_by_role("link", name="Type: Metoder – fjern filteret")).to_be_visible()
    expect(to_filters).to_be_in_viewport()
    expect(filters).not_to_be_in_viewport()

    to_filters.focus()
    phone.keyboard.press("Enter")
    expect(filters.get_by_role("heading", name="Afgræns")).to_be_in_viewport()
    phone.keyboard.press("Tab")
    expect(filters.get_by_role("link").first).to_be_focused()
    context.close()


def test_the_links_above_the_results_are_big_enough_for_a_thumb_and_apart(
    phone, live_server, method
):
    phone.goto(f"{live_server.url}/soeg/?q=frivillige&type=metoder")

    newest = phone.get_by_role("link", name="nyeste").bounding_box()
    filters = phone.get_by_role("link", name="Afgræns resultaterne (1 valgt)").bounding_box()
    assert newest["height"] >= 24 and filters["height"] >= 24
    assert newest["y"] + newest["height"] <= filters["y"]
    assert_accessible(phone)


def test_topic_links_on_an_article_look_like_links(phone, live_server, method):
    phone.goto(live_server.url + method.url)

    tag = phone.get_by_role("link", name="Frivillige")
    expect(tag).to_have_css("text-decoration-line", "underline")


def test_the_header_search_hint_fits_in_its_box(phone, live_server):
    phone.goto(live_server.url + "/metoder/")  # the home page has its own, wider search box
    box = phone.locator("#header-search-q")

    # Measured as typed text: Chromium keeps the clear button's room beside a placeholder too.
    box.fill(box.get_attribute("placeholder"))

    assert box.evaluate("box => box.scrollWidth <= box.clientWidth")


def test_a_three_column_comparison_table_fits_a_phone_without_scrolling(phone, live_server):
    faq = FaqPageFactory(
        parent=section("spoergsmaal-og-svar"),
        title="§18 og §104",
        body=markdown_to_blocks(COMPARISON),
    )

    phone.goto(f"{live_server.url}{faq.url}")

    table = phone.locator(".table-scroll")
    expect(table).to_contain_text("Dokumentationskrav")
    assert table.evaluate("region => region.scrollWidth <= region.clientWidth")
    # Nothing to scroll, so no Tab stop where a keyboard user could do nothing, and no landmark.
    expect(table).not_to_have_attribute("tabindex", "0")
    expect(phone.get_by_role("region", name="Tabel")).to_have_count(0)


def test_a_table_wider_than_a_phone_is_a_tab_stop_the_arrow_keys_scroll(phone, live_server):
    wide = "| " + " | ".join(f"Kolonne {n}" for n in range(1, 9)) + " |\n"
    wide += "|" + "---|" * 8 + "\n| " + " | ".join(["Dokumentationskrav"] * 8) + " |\n"
    faq = FaqPageFactory(
        parent=section("spoergsmaal-og-svar"), title="Mange kolonner", body=markdown_to_blocks(wide)
    )
    phone.goto(f"{live_server.url}{faq.url}")

    table = phone.get_by_role("region", name="Tabel")
    expect(table).to_have_attribute("tabindex", "0")
    for _stop in range(30):  # the header's links and the menu come first
        phone.keyboard.press("Tab")
        if table.evaluate("region => region === document.activeElement"):
            break
    expect(table).to_be_focused()
    phone.keyboard.press("ArrowRight")
    phone.wait_for_function("document.querySelector('.table-scroll').scrollLeft > 0")


def test_with_text_at_twice_its_size_no_page_scrolls_sideways(phone, live_server, method):
    for path in ["/", "/metoder/", method.url, "/soeg/?q=frivillige"]:
        phone.goto(live_server.url + path)
        phone.add_style_tag(content="html { font-size: 200% }")  # a phone's largest text size
        assert not scrolls_sideways(phone), path


@pytest.mark.parametrize(
    ("width", "text_size"), [(320, "100%"), (360, "100%"), (390, "130%"), (390, "200%")]
)
def test_the_site_name_stays_whole_on_a_narrow_phone_and_with_larger_text(
    page, live_server, site, width, text_size
):
    """It broke as "Vidensban / ken" beside the menu button at 320 px and at 130 % text."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + "/metoder/")
    page.add_style_tag(content=f"html {{ font-size: {text_size} }}")

    name = page.locator(".site-logo__name")
    expect(name).to_have_text("Vidensbanken")
    lines = "name => { const text = document.createRange(); text.selectNodeContents(name);"
    assert name.evaluate(lines + " return text.getClientRects().length; }") == 1
    assert inside(name.bounding_box(), {"x": 0, "y": 0, "width": width, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_on_a_phone_the_menu_folds_behind_a_button_the_keyboard_opens_and_escape_closes(
    phone, live_server
):
    phone.goto(live_server.url + "/metoder/")
    menu_button = phone.get_by_role("button", name="Menu")
    publications = phone.get_by_role("navigation", name="Hovedmenu").get_by_role(
        "link", name="Publikationer"
    )

    # Folded, the menu leaves the screen to the page: its heading is in the top third.
    expect(publications).to_be_hidden()
    assert phone.get_by_role("heading", level=1).bounding_box()["y"] < 800 / 3
    assert_accessible(phone)

    expect(menu_button).to_have_accessible_name("Menu")  # not "☰ Menu": the sign is not read
    menu_button.focus()
    phone.keyboard.press("Enter")
    expect(menu_button).to_have_attribute("aria-expanded", "true")
    expect(menu_button).to_have_accessible_name("Menu")
    expect(publications).to_be_visible()
    assert_accessible(phone)

    phone.keyboard.press("Tab")
    phone.keyboard.press("Tab")  # past the search box and its button to the first section
    phone.keyboard.press("Tab")
    expect(
        phone.get_by_role("navigation", name="Hovedmenu").get_by_role("link").first
    ).to_be_focused()
    phone.keyboard.press("Escape")
    expect(publications).to_be_hidden()
    expect(menu_button).to_be_focused()
    expect(menu_button).to_have_attribute("aria-expanded", "false")


def test_escape_in_the_menus_search_box_closes_the_suggestions_then_empties_it_then_the_menu(
    phone, live_server
):
    for title in ("Frivilligmentor-ordning", "Frivillige i weekenden", "Frivilliges forsikring"):
        MethodPageFactory(parent=section("metoder"), title=title)
    phone.goto(live_server.url + "/metoder/")
    menu_button = phone.get_by_role("button", name="Menu")
    menu_button.click()
    box = phone.get_by_role("combobox", name="Søg i Vidensbanken").first
    listbox = phone.get_by_role("listbox", name="Forslag")
    box.click()
    phone.keyboard.type("frivil")
    expect(listbox.get_by_role("option")).to_have_count(3)
    phone.keyboard.press("ArrowDown")
    phone.keyboard.press("ArrowDown")
    phone.keyboard.type("lige")  # the list is made again: no option is the chosen one now
    expect(listbox.get_by_role("option").first).to_be_visible()
    expect(box).not_to_have_attribute("aria-activedescendant", re.compile(".*"))

    phone.keyboard.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_be_focused()
    expect(menu_button).to_have_attribute("aria-expanded", "true")

    phone.keyboard.press("Escape")
    expect(box).to_have_value("")
    expect(menu_button).to_have_attribute("aria-expanded", "true")

    phone.keyboard.press("Escape")
    expect(menu_button).to_have_attribute("aria-expanded", "false")
    expect(menu_button).to_be_focused()


def test_without_javascript_the_phone_menu_stays_open(browser, live_server, site):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": PHONE, "height": 800}
    )
    page = context.new_page()
    page.goto(live_server.url + "/metoder/")

    menu = page.get_by_role("navigation", name="Hovedmenu")
    expect(menu.get_by_role("link", name="Publikationer")).to_be_visible()
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    context.close()


def test_on_a_desktop_the_menu_is_open_without_a_button(page, live_server, site):
    page.goto(live_server.url + "/metoder/")

    menu = page.get_by_role("navigation", name="Hovedmenu")
    expect(menu.get_by_role("link", name="Publikationer")).to_be_visible()
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()


def test_a_tap_anywhere_on_a_section_card_of_the_home_page_opens_the_section(phone, live_server):
    phone.goto(f"{live_server.url}/")
    card = phone.locator(".card", has=phone.get_by_role("link", name="Metoder"))
    box = card.bounding_box()

    phone.mouse.click(box["x"] + box["width"] - 8, box["y"] + box["height"] - 8)

    expect(phone).to_have_url(re.compile(r"/metoder/$"))
