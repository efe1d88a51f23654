import csv
import io
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from advisory import workflow
from advisory.models import Municipality
from advisory.models.cases import Channel, Status
from advisory.reports import build_report
from tests.advisory.factories import CaseFactory, secretary
from tests.factories import TopicFactory

pytestmark = pytest.mark.django_db
CPH = ZoneInfo("Europe/Copenhagen")


def closed_case(opened, answered, closed, **kwargs):
    case = CaseFactory(opened_at=opened, **kwargs)
    case = workflow.change_status(case, Status.IN_PROGRESS, at=opened)
    case = workflow.change_status(case, Status.ANSWERED, at=answered)
    return workflow.change_status(case, Status.CLOSED, at=closed)


def test_report_counts_opened_and_closed_per_month_and_response_times():
    closed_case(
        datetime(2026, 3, 2, 9, tzinfo=CPH),
        datetime(2026, 3, 3, 9, tzinfo=CPH),
        datetime(2026, 4, 1, 9, tzinfo=CPH),
    )
    closed_case(
        datetime(2026, 3, 10, 9, tzinfo=CPH),
        datetime(2026, 3, 13, 9, tzinfo=CPH),
        datetime(2026, 3, 20, 9, tzinfo=CPH),
    )
    CaseFactory(opened_at=datetime(2026, 4, 20, 9, tzinfo=CPH))  # not answered yet
    sections = {
        s.key: s for s in build_report(datetime(2026, 3, 1).date(), datetime(2026, 4, 30).date())
    }
    assert sections["maaned"].rows == [["Marts 2026", 2, 1], ["April 2026", 1, 1]]
    assert sections["kanal"].rows == [["Telefon", 3]]
    assert sections["region"].rows == [["Region Syddanmark", 3]]
    times = {row[0]: row[1:] for row in sections["svartider"].rows}
    assert times["Til første svar"] == [2.0, 2.8, 1]  # and one case not answered yet
    assert times["Til lukning"][2] == 1
    assert sections["ophobning"].rows == [["Marts 2026", 0], ["April 2026", 1]]


def test_backlog_counts_cases_still_unanswered_at_each_month_end():
    CaseFactory(opened_at=datetime(2026, 3, 30, 9, tzinfo=CPH))
    closed_case(
        datetime(2026, 3, 31, 9, tzinfo=CPH),
        datetime(2026, 4, 2, 9, tzinfo=CPH),
        datetime(2026, 4, 3, 9, tzinfo=CPH),
    )
    backlog = build_report(datetime(2026, 3, 1).date(), datetime(2026, 4, 30).date())[-1]
    assert backlog.rows == [["Marts 2026", 2], ["April 2026", 1]]


def test_a_period_that_ends_within_a_month_counts_its_backlog_on_its_last_day():
    case = CaseFactory(opened_at=datetime(2025, 11, 3, 9, tzinfo=CPH))
    workflow.change_status(case, Status.IN_PROGRESS, at=datetime(2025, 11, 3, 10, tzinfo=CPH))
    workflow.change_status(case, Status.ANSWERED, at=datetime(2025, 11, 10, 9, tzinfo=CPH))

    backlog = build_report(date(2025, 11, 1), date(2025, 11, 4))[-1]

    assert backlog.rows == [["November 2025 (til og med 4. november)", 1]]


def test_response_times_no_case_has_reached_are_a_dash_not_zero_days(client):
    CaseFactory(opened_at=datetime(2026, 3, 2, 9, tzinfo=CPH))
    client.force_login(secretary())

    html = client.get(reverse("sager:report"), {"fra": "01.03.2026", "til": "31.03.2026"})

    cells = re.findall(r'<th scope="row">Til første svar</th>(.*?)</tr>', html.content.decode())
    assert re.findall(r'<td class="num">(.*?)</td>', cells[0]) == ["–", "–", "1"]


def test_backlog_of_the_month_not_yet_ended_says_it_is_counted_until_now():
    today = timezone.localdate()
    CaseFactory(opened_at=timezone.now() - timedelta(minutes=5))
    this_month = date_format(today, "F Y").capitalize()

    backlog = build_report(today.replace(day=1), today)[-1]

    assert backlog.rows == [[f"{this_month} (til nu)", 1]]


def test_report_page_and_csv_for_a_chosen_period(client):
    client.force_login(secretary())
    closed_case(
        datetime(2026, 3, 2, 9, tzinfo=CPH),
        datetime(2026, 3, 3, 9, tzinfo=CPH),
        datetime(2026, 3, 4, 9, tzinfo=CPH),
    )
    period = {"fra": "2026-03-01", "til": "2026-03-31"}
    html = client.get(reverse("sager:report"), period).content.decode()
    assert "Marts 2026" in html
    response = client.get(reverse("sager:report"), {**period, "format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Oprettede og lukkede sager pr. måned"]
    assert rows[2] == ["Marts 2026", "1", "1"]


def test_report_period_is_shown_and_read_in_danish_date_style(client):
    client.force_login(secretary())
    html = client.get(reverse("sager:report"), {"fra": "01.12.2025", "til": "31.12.2025"})
    html = html.content.decode()
    assert 'value="01.12.2025"' in html
    assert "Sager oprettet fra 1. december 2025 til og med 31. december 2025." in html


@pytest.mark.parametrize(
    ("period", "message"),
    [
        ({"fra": "31.02.2026", "til": "31.03.2026"}, "Skriv en gyldig dato som dd.mm.åååå"),
        ({"fra": "01.03.2026", "til": "igår"}, "Skriv en gyldig dato som dd.mm.åååå"),
        ({"fra": "31.03.2026", "til": "01.03.2026"}, "Slutdatoen må ikke ligge før startdatoen."),
        ({"fra": "01.03.2026", "til": "31.12.9999"}, "Skriv et årstal mellem 1900 og 2100."),
        ({"fra": "01.01.0001", "til": "31.03.2026"}, "Skriv et årstal mellem 1900 og 2100."),
    ],
)
def test_an_impossible_period_is_explained_with_no_figures_for_another_period(
    client, period, message
):
    client.force_login(secretary())
    CaseFactory(opened_at=datetime(2026, 3, 2, 9, tzinfo=CPH))
    html = client.get(reverse("sager:report"), period).content.decode()

    assert message in html
    for typed in period.values():
        assert f'value="{typed}"' in html
    assert "Rapporten vises, når perioden er rettet." in html
    assert "Sager oprettet fra" not in html
    assert "Oprettede og lukkede sager pr. måned" not in html
    assert "Hent som CSV" not in html


def test_the_csv_of_an_impossible_period_is_not_that_of_another(client):
    client.force_login(secretary())
    response = client.get(reverse("sager:report"), {"fra": "31.02.2026", "format": "csv"})

    assert response["Content-Type"].startswith("text/html")
    assert "Skriv en gyldig dato som dd.mm.åååå" in response.content.decode()


def test_a_period_into_the_future_lists_no_month_after_this_one():
    today = timezone.localdate()
    this_month = date_format(today, "F Y").capitalize()

    sections = build_report(today.replace(day=1), today + timedelta(days=100))

    monthly, backlog = sections[0], sections[-1]
    assert [row[0] for row in monthly.rows] == [this_month]
    assert [row[0] for row in backlog.rows] == [f"{this_month} (til nu)"]


def test_a_period_from_long_before_the_first_case_begins_with_its_month():
    CaseFactory(opened_at=datetime(2026, 3, 10, 9, tzinfo=CPH))

    monthly = build_report(date(2000, 1, 1), date(2026, 4, 30))[0]

    assert [row[0] for row in monthly.rows] == ["Marts 2026", "April 2026"]


def test_cases_without_a_topic_are_counted_as_the_question_form_names_them():
    CaseFactory(topic=None, opened_at=datetime(2026, 3, 10, 9, tzinfo=CPH))

    sections = {s.key: s for s in build_report(date(2026, 3, 1), date(2026, 3, 31))}

    assert sections["emne"].rows == [["Intet emne (ved ikke / andet)", 1]]


def test_a_case_without_a_member_counts_under_the_region_of_the_kommune_given(db):
    from advisory.models import Municipality

    CaseFactory(
        organisation=None,
        other_organisation="Nyt sted",
        municipality=Municipality.objects.get(name="Aalborg"),
        opened_at=datetime(2026, 3, 2, 9, tzinfo=CPH),
    )
    CaseFactory(opened_at=datetime(2026, 3, 3, 9, tzinfo=CPH))  # a member in Odense

    sections = {s.key: s for s in build_report(date(2026, 3, 1), date(2026, 3, 31))}

    assert sorted(sections["region"].rows) == [["Region Nordjylland", 1], ["Region Syddanmark", 1]]


def test_cases_are_counted_per_kommune_and_per_adviser(db):
    from advisory.models import Municipality

    rikke = secretary(first_name="Rikke", last_name="Holm")
    march = datetime(2026, 3, 2, 9, tzinfo=CPH)
    workflow.assign(CaseFactory(opened_at=march), rikke, rikke)  # a member in Odense
    workflow.assign(CaseFactory(opened_at=march), rikke, rikke)
    CaseFactory(
        organisation=None,
        municipality=Municipality.objects.get(name="Aalborg"),
        opened_at=march,
    )

    sections = {s.key: s for s in build_report(date(2026, 3, 1), date(2026, 3, 31))}

    assert sections["kommune"].rows == [["Odense", 2], ["Aalborg", 1]]
    assert sections["sagsbehandler"].rows == [["Rikke Holm", 2], ["Ikke tildelt", 1]]


def test_each_counted_row_links_to_the_case_list_showing_its_cases(client):
    rikke = secretary(first_name="Rikke", last_name="Holm")
    client.force_login(rikke)
    march = datetime(2026, 3, 2, 9, tzinfo=CPH)
    topic = TopicFactory(name="Frivillige")
    workflow.assign(CaseFactory(opened_at=march, topic=topic), rikke, rikke)  # a member in Odense
    CaseFactory(opened_at=march, channel=Channel.EMAIL)
    CaseFactory(
        opened_at=march, organisation=None, municipality=Municipality.objects.get(name="Aalborg")
    )
    CaseFactory(opened_at=datetime(2026, 5, 4, 9, tzinfo=CPH), topic=topic)  # after the period

    html = client.get(reverse("sager:report"), {"fra": "01.03.2026", "til": "31.03.2026"})

    page = BeautifulSoup(html.content, "html.parser")
    for key in ("emne", "kanal", "region", "kommune", "sagsbehandler"):
        rows = page.select(f"#report-{key} ~ table tbody tr")
        assert rows, key
        for row in rows:
            link = row.select_one("th a")
            listed = client.get(link["href"]).context["object_list"]
            counted = int(row.select_one("td").get_text())
            assert len(listed) == counted, (key, link.get_text())


def test_the_case_list_names_the_filters_a_report_row_links_to(client):
    client.force_login(secretary())

    html = client.get(
        reverse("sager:index"),
        {"topic": "null", "municipality": Municipality.objects.get(name="Vejle").pk},
    ).content.decode()

    chips = " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())
    assert "Emne: Intet emne" in chips
    assert "Kommune: Vejle" in chips
