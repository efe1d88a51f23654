"""The case list's filter "Oprettet i perioden": dates typed the Danish way, and a period that
cannot be used is said to be wrong instead of being quietly left out."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from tests.advisory.factories import CaseFactory

pytestmark = pytest.mark.django_db
CPH = ZoneInfo("Europe/Copenhagen")


@pytest.fixture
def cases():
    CaseFactory(subject="Sag fra marts", opened_at=datetime(2026, 3, 10, 9, tzinfo=CPH))
    CaseFactory(subject="Sag fra maj", opened_at=datetime(2026, 5, 10, 9, tzinfo=CPH))


@pytest.mark.parametrize(
    ("first", "last"),
    [("01.03.2026", "31.03.2026"), ("1/3-2026", "31/3-2026"), ("1/3/26", "2026-03-31")],
)
def test_cases_opened_in_a_period_typed_the_danish_way(client, staff, cases, first, last):
    period = {"opened_at_from": first, "opened_at_to": last}
    response = client.get(reverse("sager:index"), period)

    assert [case.subject for case in response.context["object_list"]] == ["Sag fra marts"]
    assert "Et filter kan ikke bruges" not in response.content.decode()


@pytest.mark.parametrize(
    ("period", "message"),
    [
        (
            {"opened_at_from": "31.02.2026", "opened_at_to": "31.03.2026"},
            "Skriv en gyldig dato som dd.mm.åååå, fx 05.03.2026.",
        ),
        ({"opened_at_from": "igår"}, "Skriv en gyldig dato som dd.mm.åååå, fx 05.03.2026."),
        (
            {"opened_at_from": "31.03.2026", "opened_at_to": "01.03.2026"},
            "Slutdatoen må ikke ligge før startdatoen.",
        ),
    ],
)
@pytest.mark.parametrize("url_name", ["sager:index", "sager:index_results"])
def test_a_period_that_cannot_be_used_is_explained_and_lists_no_cases(
    client, staff, cases, url_name, period, message
):
    response = client.get(reverse(url_name), period)
    html = response.content.decode()

    assert list(response.context["object_list"]) == []
    assert "Et filter kan ikke bruges, så listen viser ingen sager, før det er rettet." in html
    assert f"<strong>Oprettet i perioden:</strong> {message}" in html
    assert 'aria-controls="drilldown-id_opened_at"' in html  # the button that opens the filter
    assert "Der er ingen sager at vise" not in html  # nor an offer to log the first one


def test_what_was_typed_stays_in_the_filter(client, staff, cases):
    period = {"opened_at_from": "31.02.2026", "opened_at_to": "igår"}
    html = client.get(reverse("sager:index"), period).content.decode()

    assert 'value="31.02.2026"' in html
    assert 'value="igår"' in html
    # Wagtail's picker turned an impossible date into another one when leaving the field.
    assert '"validateOnBlur": false' in html


def test_the_error_reaches_the_filter_field_when_the_list_is_refreshed_as_typed(
    client, staff, cases
):
    # The filter menu is not drawn again while someone types in it.
    period = {"opened_at_from": "31.02.2026"}
    html = client.get(reverse("sager:index_results"), period).content.decode()

    teleport = html.split(
        'data-w-teleport-target-value="#drilldown-id_opened_at [data-field-errors]"'
    )
    assert len(teleport) == 2
    assert "Skriv en gyldig dato som dd.mm.åååå" in teleport[1].split("</template>")[0]


def test_each_date_of_the_period_is_labelled(client, staff):
    # Wagtail's filter named its two dates by their placeholders only, which vanish when typed in.
    html = client.get(reverse("sager:index")).content.decode()
    period = BeautifulSoup(html, "html.parser").find(id="drilldown-id_opened_at")

    labels = {
        label["for"]: label.get_text(strip=True)
        for label in period.find_all("label", attrs={"for": True})
    }
    named = {field["name"]: labels.get(field["id"]) for field in period.find_all("input")}
    assert named == {"opened_at_from": "Fra", "opened_at_to": "Til og med"}
