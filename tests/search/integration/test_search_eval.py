"""manage.py search_eval: the relevance figures an editor or developer reads off."""

from io import StringIO

import pytest

from django.core.management import call_command

from tests.factories import MethodPageFactory, section

pytestmark = pytest.mark.django_db


def test_a_query_that_should_find_nothing_is_counted_apart_from_the_means(search_backend, tmp_path):
    MethodPageFactory(parent=section("metoder"), title="Husmødet", slug="husmoedet")
    search_backend.refresh()
    queries = tmp_path / "queries.tsv"
    queries.write_text(
        "query\trelevant\nhusmøde\thusmoedet:2\nkryptovaluta\t\nhusmødet\t\n", encoding="utf-8"
    )
    out = StringIO()

    call_command("search_eval", str(queries), stdout=out)

    report = out.getvalue()
    assert "queries=1  MRR@10=1.000  nDCG@10=1.000  success@3=1.000" in report
    assert "without answers=2  found nothing=1" in report
    assert "found something: 'husmødet' → ['husmoedet']" in report
