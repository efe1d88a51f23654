"""The range filters of Wagtail's own lists (site history, pages, reports, users, documents):
each end has a visible Danish label, and a filter in force reads as Danish above the results."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def labels_of_inputs(page: str, filter_id: str) -> dict[str, str]:
    """Each input of one filter in the filter menu, by name, with the text of its label."""
    menu = BeautifulSoup(page, "html.parser").find(id=f"drilldown-{filter_id}")
    labels = {
        label["for"]: label.get_text(strip=True)
        for label in menu.find_all("label", attrs={"for": True})
    }
    return {field["name"]: labels.get(field["id"]) for field in menu.find_all("input")}


def active_filter(page: str) -> str:
    pill = BeautifulSoup(page, "html.parser").select_one(".w-active-filters .w-pill__content")
    return pill.get_text(" ", strip=True)


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/admin/reports/site-history/", "timestamp"),
        ("/admin/pages/{root}/", "latest_revision_created_at"),
        ("/admin/reports/locked/", "locked_at"),
        ("/admin/users/", "last_login"),
    ],
)
def test_wagtails_date_filters_label_each_date(admin_client, site, url, field):
    # Wagtail named the two dates by placeholders only, which vanish once a date is typed.
    page = admin_client.get(url.format(root=site.pk)).content.decode()

    assert labels_of_inputs(page, f"id_{field}") == {
        f"{field}_from": "Fra",
        f"{field}_to": "Til og med",
    }


def test_the_usage_filter_labels_its_two_counts(admin_client):
    page = admin_client.get("/admin/documents/").content.decode()

    assert labels_of_inputs(page, "id_usage_count") == {
        "usage_count_min": "Mindst",
        "usage_count_max": "Højst",
    }


@pytest.mark.parametrize(
    ("period", "shown"),
    [
        ({"timestamp_from": "01.01.2026"}, "Dato: fra 1. januar 2026"),
        ({"timestamp_to": "31.01.2026"}, "Dato: til og med 31. januar 2026"),
        (
            {"timestamp_from": "01.01.2026", "timestamp_to": "31.01.2026"},
            "Dato: 1. januar 2026 – 31. januar 2026",
        ),
    ],
)
def test_a_date_filter_in_force_reads_as_danish(admin_client, period, shown):
    page = admin_client.get("/admin/reports/site-history/", period).content.decode()

    assert active_filter(page) == shown  # Wagtail's: "Dato: 1. januar 2026 - vilkårlig"


def test_a_usage_filter_in_force_reads_as_danish(admin_client):
    page = admin_client.get("/admin/documents/", {"usage_count_max": "3"}).content.decode()

    assert active_filter(page) == "Antal gange brugt: højst 3"
