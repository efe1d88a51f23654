"""When the engine stops answering, search falls back to the database instead of failing."""

import logging
import time

import pytest

from tests.factories import MethodPageFactory, section
from tests.search.conftest import run_script
from tests.search.helpers import search

# Runs last, after transactional tests have emptied the database: restore it
# (see tests/conftest.py).
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.stops_search_engine
@pytest.mark.parametrize("search_backend", ["elasticsearch"], indirect=True)
def test_search_and_autocomplete_answer_from_the_database_when_the_engine_stops(
    client, search_backend, caplog
):
    MethodPageFactory(parent=section("metoder"), title="Fodpleje for alle")
    search_backend.refresh()
    assert search(client, "fodpleje").backend == search_backend.name

    run_script("stop")
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="kb.search.backends"):
        outcome = search(client, "fodpleje")
    elapsed = time.monotonic() - started
    suggested = client.get("/soeg/autocomplete/", {"q": "fodp"}).json()["results"]

    assert outcome.backend == "database"
    assert [hit.title for hit in outcome.results] == ["Fodpleje for alle"]
    assert elapsed < 1.0
    assert "Søgemaskinen svarer ikke" in caplog.text
    assert [item["title"] for item in suggested] == ["Fodpleje for alle"]


@pytest.mark.parametrize("search_backend", ["elasticsearch"], indirect=True)
def test_a_search_the_engine_refuses_is_answered_from_the_database(client, search_backend):
    MethodPageFactory(parent=section("metoder"), title="Fodpleje for alle")
    search_backend.refresh()
    index = search_backend.page_index()
    # The engine refuses to list hits beyond its result window: here, beyond the first.
    index.es.indices.put_settings(index=index.name, body={"index": {"max_result_window": 1}})
    try:
        outcome = search(client, "fodpleje")
    finally:
        index.es.indices.put_settings(
            index=index.name, body={"index": {"max_result_window": 10000}}
        )

    assert outcome.backend == "database"
    assert [hit.title for hit in outcome.results] == ["Fodpleje for alle"]


@pytest.mark.parametrize("search_backend", ["elasticsearch"], indirect=True)
def test_a_slow_engine_hands_searches_to_the_database_but_publishing_waits_for_it(
    client, search_backend, settings
):
    settings.SEARCH_ENGINE_TIMEOUT = 0.0001  # no engine answers a search this fast
    page = MethodPageFactory(parent=section("metoder"), title="Fodpleje for alle")
    search_backend.refresh()

    outcome = search(client, "fodpleje")

    assert outcome.backend == "database"
    assert [hit.title for hit in outcome.results] == ["Fodpleje for alle"]
    index = search_backend.page_index()
    indexed = index.es.count(index=index.name, body={"query": {"term": {"pk": str(page.pk)}}})
    assert indexed["count"] == 1
