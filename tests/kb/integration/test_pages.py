import re

import pytest
from bs4 import BeautifulSoup

from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError

from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, PageViewRestriction

from kb.models import KbImage, RelatedArticle
from tests.factories import (
    GuidePageFactory,
    MethodPageFactory,
    PublicationPageFactory,
    TopicFactory,
    audience,
    section,
)

pytestmark = pytest.mark.django_db


def test_home_page_is_danish_with_search_topics_newest_and_contact_details(client, site):
    topic = TopicFactory(slug="frivillige", name="Frivillige")
    MethodPageFactory(parent=section("metoder"), title="Frivilligmentor", topics=[topic])

    html = client.get("/").content.decode()

    assert '<html lang="da">' in html
    assert 'href="#indhold"' in html
    assert 'action="/soeg/"' in html
    assert 'href="/soeg/?emne=frivillige"' in html
    assert "Frivilligmentor" in html
    assert "7592 4000" in html and "lvsinfo@lavs.dk" in html


def test_the_main_menu_marks_the_section_as_current_page_and_as_current_section(client, site):
    """A screen reader said "current page" on the section's link while reading a method."""
    method = MethodPageFactory(parent=section("metoder"), title="Husmødet")

    def menu_link(url: str):
        menu = BeautifulSoup(client.get(url).content, "html.parser").find(id="hovedmenu")
        return menu.find("a", string="Metoder")

    assert menu_link("/metoder/")["aria-current"] == "page"
    assert menu_link(method.url)["aria-current"] == "true"
    assert menu_link("/").get("aria-current") is None


def test_article_page_shows_metadata_body_and_related_material(client, site):
    topic = TopicFactory(slug="brugerinddragelse", name="Brugerinddragelse")
    method = MethodPageFactory(
        parent=section("metoder"),
        title="Husmødet som metode",
        year=2009,
        authors="Anne Holm, Per Berg",
        topics=[topic],
    )
    GuidePageFactory(parent=section("vejledninger"), title="Etabler et brugerråd", topics=[topic])
    GuidePageFactory(parent=section("vejledninger"), title="Noget helt andet")

    html = client.get(method.url).content.decode()

    assert "Husmødet som metode" in html
    assert "<dd>2009</dd>" in html
    assert "<dt>Forfattere</dt><dd>Anne Holm, Per Berg</dd>" in html
    assert "Brødtekst om værestedet." in html
    assert "Etabler et brugerråd" in html
    assert "Noget helt andet" not in html


def test_a_page_chosen_as_related_to_itself_is_not_listed_under_itself(client, site):
    guide = GuidePageFactory(parent=section("vejledninger"), title="Etabler et brugerråd")
    method = MethodPageFactory(parent=section("metoder"), title="Husmødet som metode")
    method.related_articles = [RelatedArticle(article=method), RelatedArticle(article=guide)]
    method.save_revision().publish()

    page = BeautifulSoup(client.get(method.url).content, "html.parser")

    related = [a.get_text(strip=True) for a in page.select(".related .teaser__title a")]
    assert related == ["Etabler et brugerråd"]


def test_the_audience_is_named_as_the_search_filter_names_it(client, site):
    method = MethodPageFactory(parent=section("metoder"), audiences=[audience("personale")])

    html = client.get(method.url).content.decode()

    assert "<dt>Målgruppe</dt><dd>Personale</dd>" in html


def test_one_author_is_listed_under_forfatter(client, site):
    method = MethodPageFactory(parent=section("metoder"), authors="Thomas Grønbæk")

    html = client.get(method.url).content.decode()

    assert "<dt>Forfatter</dt><dd>Thomas Grønbæk</dd>" in html


def test_a_box_without_a_title_is_headed_by_its_kind_in_danish(client, site):
    box = {"kind": "warning", "title": "", "text": "<p>Tjek forsikringen først.</p>"}
    method = MethodPageFactory(parent=section("metoder"), body=[{"type": "callout", "value": box}])

    html = client.get(method.url).content.decode()

    assert '<aside class="callout callout--warning" aria-label="Pas på">' in html
    assert '<p class="callout__title">Pas på</p>' in html


def test_publication_page_offers_the_document_with_type_and_size(client, site):
    publication = PublicationPageFactory(parent=section("publikationer"))

    html = client.get(publication.url).content.decode()

    assert publication.document.url in html
    assert "Hent publikationen" in html  # not the file's title, which may be a file name
    assert "(TXT, 19\xa0bytes)" in html  # filesizeformat keeps number and unit together


def test_an_editor_can_preview_a_draft_with_unsaved_related_material(site):
    topic = TopicFactory(slug="frivillige", name="Frivillige")
    chosen = GuidePageFactory(parent=section("vejledninger"), title="Etabler et brugerråd")
    sharing = GuidePageFactory(parent=section("vejledninger"), title="Frivilligmentor")
    sharing.topics.set([topic])
    sharing.save()
    method = MethodPageFactory(parent=section("metoder"), title="Husmødet")
    # As the edit form leaves the page when previewing: relations in memory, not saved.
    method.related_articles = [RelatedArticle(article=chosen)]
    method.topics = [topic]

    response = method.make_preview_request()

    assert response.status_code == 200
    html = response.render().content.decode()
    assert "Etabler et brugerråd" in html
    assert "Frivilligmentor" in html


def test_topic_counts_leave_out_material_behind_a_login(client, site):
    topic = TopicFactory(slug="frivillige", name="Frivillige")
    MethodPageFactory(parent=section("metoder"), topics=[topic])
    GuidePageFactory(parent=section("vejledninger"), topics=[topic])
    PageViewRestriction.objects.create(
        page=section("vejledninger"), restriction_type=PageViewRestriction.LOGIN
    )

    home = client.get("/").content.decode()
    no_results = client.get("/soeg/", {"q": "zxqvw"}).content.decode()

    assert 'Frivillige <span class="chip__count">(1)</span>' in home
    assert 'Frivillige <span class="chip__count">(1)</span>' in no_results


def test_topic_counts_follow_publishing_and_unpublishing_at_once(client, site):
    topic = TopicFactory(slug="frivillige", name="Frivillige")
    MethodPageFactory(parent=section("metoder"), topics=[topic])
    assert 'Frivillige <span class="chip__count">(1)</span>' in client.get("/").content.decode()

    guide = GuidePageFactory(parent=section("vejledninger"), topics=[topic])
    assert 'Frivillige <span class="chip__count">(2)</span>' in client.get("/").content.decode()

    Page.objects.get(pk=guide.pk).unpublish()  # a plain Page, as bulk actions and expiry do
    home = client.get("/").content.decode()
    no_results = client.get("/soeg/", {"q": "zxqvw"}).content.decode()
    assert 'Frivillige <span class="chip__count">(1)</span>' in home
    assert 'Frivillige <span class="chip__count">(1)</span>' in no_results


def test_pages_give_the_browser_tab_an_icon(client, site):
    html = client.get("/").content.decode()

    icon = re.search(r'<link rel="icon" href="/static/([^"]+)" type="image/svg\+xml">', html)
    assert icon and finders.find(icon[1])


@pytest.mark.parametrize("year", ["1850", "3000", "99999", "-2020"])
def test_an_impossible_year_is_refused_with_one_danish_message(site, year):
    method = MethodPageFactory(parent=section("metoder"))
    # As the editor's form reads what was typed: it leaves the verdict to the page.
    method.year = type(method)._meta.get_field("year").formfield().clean(year)

    with pytest.raises(ValidationError) as refused:
        method.full_clean()

    [message] = refused.value.message_dict["year"]  # not also the database's 32767
    assert message.startswith("Skriv et årstal mellem 1900 og")


def test_a_new_pages_web_address_spells_ae_oe_and_aa_as_the_site_does(client, site):
    # Wagtail's editor proposes the title as it is written, æ, ø and å included.
    page = MethodPageFactory(
        parent=section("metoder"), title="Kaffebordet som mødested", slug="kaffebordet-som-mødested"
    )

    assert page.url == "/metoder/kaffebordet-som-moedested/"
    assert client.get(page.url).status_code == 200


def test_an_image_is_read_out_by_its_description_and_as_decoration_without_one(client, site):
    described = KbImage.objects.create(
        title="IMG_2231", file=get_test_image_file(), description="To brugere ved kaffebordet"
    )
    undescribed = KbImage.objects.create(title="IMG_2232", file=get_test_image_file())
    body = [
        {"type": "image", "value": {"image": image.pk, "caption": ""}}
        for image in (described, undescribed)
    ]
    method = MethodPageFactory(parent=section("metoder"), body=body)

    page = BeautifulSoup(client.get(method.url).content, "html.parser")

    assert [img["alt"] for img in page.select(".figure img")] == ["To brugere ved kaffebordet", ""]


def test_an_image_has_one_field_for_its_alternative_text(admin_client):
    image = KbImage.objects.create(title="Haven", file=get_test_image_file())

    form = BeautifulSoup(admin_client.get(f"/admin/images/{image.pk}/").content, "html.parser")

    labels = [label.get_text(" ", strip=True) for label in form.select("form label")]
    assert [label for label in labels if "alternativ tekst" in label.lower()] == [
        "Beskrivelse (alternativ tekst)"
    ]


@pytest.mark.parametrize(
    ("caption", "region_name"),
    [("Forskelle på §18 og §104", "Forskelle på §18 og §104"), ("", "Tabel")],
)
def test_a_table_is_named_by_its_caption_for_screen_readers(client, site, caption, region_name):
    """Every table was the region "Tabel": a page with two could not tell them apart."""
    table = {
        "data": [["Paragraf", "Krav"], ["§18", "Let dokumentation"]],
        "first_row_is_table_header": True,
        "table_caption": caption,
    }
    guide = GuidePageFactory(
        parent=section("vejledninger"), title="Kommunal støtte", body=[("table", table)]
    )

    page = BeautifulSoup(client.get(guide.url).content, "html.parser")

    assert page.find(class_="table-scroll")["aria-label"] == region_name
    assert "Let dokumentation" in page.find(class_="table-scroll").get_text()


def test_a_comparison_table_heads_its_rows_and_columns_but_not_its_empty_corner(client, site):
    comparison = {
        "data": [["", "§18", "§104"], ["Frihed", "Stor", "Mindre"], ["Personale", "", "Ansatte"]],
        "first_row_is_table_header": True,
        "first_col_is_header": True,
    }
    guide = GuidePageFactory(
        parent=section("vejledninger"), title="Kommunal støtte", body=[("table", comparison)]
    )

    table = BeautifulSoup(client.get(guide.url).content, "html.parser").find("table")

    headings = [(th["scope"], th.get_text(strip=True)) for th in table.find_all("th")]
    assert headings == [
        ("col", "§18"),
        ("col", "§104"),
        ("row", "Frihed"),
        ("row", "Personale"),
    ]
    cells = [
        [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])] for row in table("tr")
    ]
    assert cells == comparison["data"]
