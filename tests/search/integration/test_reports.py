"""Editors see what people search for and what they miss, and can export it."""

from datetime import timedelta

import pytest

from django.utils import timezone

from kb.models import SearchQueryLog

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


def test_zero_result_report_lists_only_misses_and_exports_csv(admin_client, logged):
    since = (timezone.localdate() - timedelta(days=100)).isoformat()
    response = admin_client.get(
        "/admin/soegerapporter/uden-resultater/", {"fra": since, "format": "csv"}
    )
    rows = response.content.decode().splitlines()

    assert response["Content-Type"].startswith("text/csv")
    assert rows[0] == "søgning,antal,senest"
    assert sorted(row.split(",")[0] for row in rows[1:]) == ["gammel", "qwxzy", "volontør"]


def test_synonyms_are_kept_as_snippets_in_the_admin(admin_client):
    html = admin_client.get("/admin/snippets/kb/synonym/").content.decode()

    assert "volontør" in html
