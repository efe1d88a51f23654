"""Editors see what people search for and what they miss, and can export it."""

import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup

from django.core.management import call_command
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from kb.models import SearchQueryLog, Synonym
from tests.advisory.factories import editor, secretary
from tests.factories import GuidePageFactory, section

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged():
    for query, count in [("frivillige", 5), ("frivillige", 5), ("volontør", 0), ("qwxzy", 0)]:
        SearchQueryLog.objects.create(query=query, result_count=count, backend="database")
    old = SearchQueryLog.objects.create(query="gammel", result_count=0, backend="database")
    SearchQueryLog.objects.filter(pk=old.pk).update(searched_at=timezone.now() - timedelta(days=90))


def test_popular_queries_report_counts_searches_in_the_period(admin_client, logged):
    html = admin_client.get("/admin/soegerapporter/populaere/").content.decode()

    assert html.index("frivillige") < html.index("volontør")
    assert "gammel" not in html
    # Last searched, the Danish way and short enough for a phone ("27.11.2026 13:43").
    assert f"<td>{timezone.localtime():%d.%m.%Y %H:}" in html


def test_zero_result_report_lists_only_misses_and_exports_csv(admin_client, logged, site):
    GuidePageFactory(parent=section("vejledninger"), title="Nye frivillige")  # volontør finds it
    since = (timezone.localdate() - timedelta(days=100)).isoformat()
    response = admin_client.get(
        "/admin/soegerapporter/uden-resultater/", {"fra": since, "format": "csv"}
    )
    rows = response.content.decode().splitlines()

    assert response["Content-Type"].startswith("text/csv")
    assert rows[0] == "\ufeffSøgning;Antal;Senest;Finder nu"
    found_now = {row.split(";")[0]: row.split(";")[-1] for row in rows[1:]}
    assert found_now == {"gammel": "Nej", "qwxzy": "Nej", "volontør": "Ja"}


def test_the_csv_is_sent_with_the_period_fields_so_it_is_for_the_dates_typed(admin_client):
    html = admin_client.get("/admin/soegerapporter/populaere/").content.decode()
    period_form = BeautifulSoup(html, "html.parser").find("input", attrs={"name": "fra"})
    period_form = period_form.find_parent("form")

    button = period_form.find("button", attrs={"name": "format"})
    assert (button.get_text(strip=True), button["value"]) == ("Hent som CSV", "csv")


def test_csv_export_shows_local_time_and_keeps_formula_like_queries_as_text(admin_client):
    searched = SearchQueryLog.objects.create(query="=HYPERLINK(1)", result_count=0, backend="db")
    response = admin_client.get("/admin/soegerapporter/populaere/", {"format": "csv"})
    row = response.content.decode().splitlines()[1]

    local = timezone.localtime(searched.searched_at)
    assert row == f"'=HYPERLINK(1);1;{local:%d.%m.%Y %H:%M}"  # as Danish Excel reads a time


def test_report_shows_the_period_in_effect_in_danish_date_style(admin_client):
    html = admin_client.get("/admin/soegerapporter/populaere/").content.decode()

    today = timezone.localdate()
    assert f'value="{today - timedelta(days=30):%d.%m.%Y}"' in html
    assert f'value="{today:%d.%m.%Y}"' in html


@pytest.mark.parametrize(
    ("period", "message"),
    [
        ({"fra": "31.02.2026"}, "Skriv en gyldig dato som dd.mm.åååå, fx 05.03.2026."),
        ({"fra": "igår"}, "Skriv en gyldig dato som dd.mm.åååå, fx 05.03.2026."),
        ({"fra": "10.03.2026", "til": "01.03.2026"}, "Slutdatoen må ikke ligge før startdatoen."),
        ({"fra": "01.03.2026", "til": "31.12.9999"}, "Skriv et årstal mellem 1900 og 2100."),
    ],
)
def test_an_impossible_period_is_explained_instead_of_replaced(
    admin_client, logged, period, message
):
    html = admin_client.get("/admin/soegerapporter/populaere/", period).content.decode()

    assert message in html
    for typed in period.values():
        assert f'value="{typed}"' in html
    assert "frivillige" not in html
    assert "Ingen søgninger i perioden." not in html
    assert "Rapporten vises, når perioden er rettet." in html


def test_long_queries_wrap_and_open_the_search(admin_client):
    SearchQueryLog.objects.create(query="x" * 200, result_count=0, backend="database")
    html = admin_client.get("/admin/soegerapporter/populaere/").content.decode()

    assert ".search-report__query { overflow-wrap: anywhere; min-width: 7rem; }" in html
    assert f'<td class="search-report__query"><a href="/soeg/?q={"x" * 200}">' in html
    assert '<caption class="w-sr-only">' in html


def test_synonyms_are_kept_as_snippets_in_the_admin(admin_client):
    html = admin_client.get("/admin/snippets/kb/synonym/").content.decode()

    assert "volontør" in html


def test_opening_a_query_from_a_report_does_not_count_it_again(client, admin_client, site):
    client.get("/soeg/", {"q": "kørselsgodtgørelse"})
    report = admin_client.get("/admin/soegerapporter/uden-resultater/").content.decode()
    link = re.search(r'href="(/soeg/\?q=[^"]*)"', report).group(1).replace("&amp;", "&")

    assert admin_client.get(link).status_code == 200
    assert SearchQueryLog.objects.filter(query="kørselsgodtgørelse").count() == 1
    assert "Søgninger fra brugere, der kan logge ind her, tælles ikke med" in report


def test_the_search_tools_offer_synonyms_picks_and_our_report_not_wagtails_empty_one(client):
    client.force_login(editor())
    page = client.get("/admin/").content.decode()

    assert '"name": "search-tools"' in page
    for link in ("/admin/snippets/kb/synonym/", "/admin/searchpicks/", "/admin/soegerapporter/"):
        assert f'"{link}' in page, link
    assert "/admin/searchpicks/reports/search-terms/" not in page
    reports = page[page.index('"name": "reports"') :]
    assert '"name": "searches"' in reports and '"/admin/soegerapporter/populaere/"' in reports

    client.force_login(secretary())
    assert '"name": "search-tools"' not in client.get("/admin/").content.decode()


def test_a_report_cut_at_fifty_queries_says_how_many_there_were_and_exports_all(admin_client):
    SearchQueryLog.objects.bulk_create(
        SearchQueryLog(query=f"søgning {n}", result_count=1, backend="database") for n in range(51)
    )
    html = admin_client.get("/admin/soegerapporter/populaere/").content.decode()

    assert "De 50 hyppigste af 51 forskellige søgninger i perioden. CSV-filen har dem alle." in html
    exported = admin_client.get("/admin/soegerapporter/populaere/", {"format": "csv"})
    lines = b"".join(exported.streaming_content if exported.streaming else [exported.content])
    assert len(lines.decode("utf-8-sig").strip().splitlines()) == 1 + 51


def test_searches_older_than_the_retention_time_are_forgotten(settings):
    settings.SEARCH_LOG_RETENTION_DAYS = 365
    kept = SearchQueryLog.objects.create(query="frivillige", result_count=3, backend="database")
    old = SearchQueryLog.objects.create(query="karen jensen", result_count=0, backend="database")
    SearchQueryLog.objects.filter(pk=old.pk).update(
        searched_at=timezone.now() - timedelta(days=366)
    )

    call_command("prune_search_log", verbosity=0)

    assert list(SearchQueryLog.objects.values_list("pk", flat=True)) == [kept.pk]


def test_the_zero_result_report_says_which_searches_find_something_now(admin_client, logged, site):
    SearchQueryLog.objects.create(query="ildsjæl", result_count=0, backend="database")
    GuidePageFactory(parent=section("vejledninger"), title="Nye frivillige")
    Synonym.objects.create(term="ildsjæl", synonyms="frivillig")  # the editor's answer to it

    html = admin_client.get("/admin/soegerapporter/uden-resultater/").content.decode()

    found_now = {
        query: answer
        for query, answer in re.findall(
            r'<td class="search-report__query"><a [^>]*>([^<]*)</a>.*?<td>(Ja|Nej)</td>',
            html,
            re.S,
        )
    }
    assert found_now == {"ildsjæl": "Ja", "volontør": "Ja", "qwxzy": "Nej"}


def test_a_search_that_found_nothing_offers_a_synonym_or_a_pick_with_the_search_filled_in(
    client, logged
):
    client.force_login(editor())
    report = BeautifulSoup(
        client.get("/admin/soegerapporter/uden-resultater/").content, "html.parser"
    )
    links = {link.get_text(): link["href"] for link in report.select(".search-report__actions a")}
    synonym_link = links["Tilføj synonym for »volontør«"]
    pick_link = links["Fremhæv en side for »volontør«"]

    synonym_form = BeautifulSoup(client.get(synonym_link).content, "html.parser")
    pick_form = BeautifulSoup(client.get(pick_link).content, "html.parser")
    assert synonym_form.find("input", attrs={"name": "term"})["value"] == "volontør"
    assert pick_form.find("input", attrs={"name": "query_string"})["value"] == "volontør"

    quoted = BeautifulSoup(
        client.get("/admin/snippets/kb/synonym/add/", {"term": '"paragraf18"'}).content,
        "html.parser",
    )
    assert quoted.find("input", attrs={"name": "term"})["value"] == "paragraf18"

    popular = client.get("/admin/soegerapporter/populaere/").content.decode()
    assert "Tilføj synonym" not in popular and "Fremhæv en side" not in popular


def test_a_synonym_or_pick_saved_from_the_report_goes_back_to_it_which_finds_the_search_now(
    client, logged, site
):
    guide = GuidePageFactory(parent=section("vejledninger"), title="Nye frivillige")
    client.force_login(editor())
    report_address = "/admin/soegerapporter/uden-resultater/?period=30"
    report = BeautifulSoup(client.get(report_address).content, "html.parser")
    links = {link.get_text(): link["href"] for link in report.select(".search-report__actions a")}

    synonym_form = BeautifulSoup(
        client.get(links["Tilføj synonym for »qwxzy«"]).content, "html.parser"
    )
    saved = client.post(
        synonym_form.find("form", id="w-editor-form")["action"],
        {"term": "qwxzy", "synonyms": "frivillig"},
        follow=True,
    )
    assert saved.redirect_chain[-1][0] == report_address
    assert "»qwxzy«" in saved.content.decode()  # Wagtail's message that it was added

    pick_form = BeautifulSoup(
        client.get(links["Fremhæv en side for »volontør«"]).content, "html.parser"
    )
    picked = client.post(
        pick_form.find("form", id="w-editor-form")["action"],
        nested_form_data(
            {
                "query_string": "volontør",
                "editors_picks": inline_formset([{"page": guide.pk, "description": ""}]),
            }
        ),
        follow=True,
    )
    assert picked.redirect_chain[-1][0] == report_address
    found_now = BeautifulSoup(picked.content, "html.parser").select(
        "table.listing tbody tr td:last-child"
    )
    assert [cell.get_text() for cell in found_now] == ["Ja", "Ja"]
