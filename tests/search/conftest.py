"""Search tests run once per backend: PostgreSQL, and a real search engine node started from
scripts/elasticsearch.sh on its own port."""

import json
import os
import shutil
import socket
import subprocess
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from modelsearch.backends import get_search_backend
from modelsearch.index import get_indexed_models

from config.search import DATABASE_BACKEND, search_backends
from kb.models import ArticlePage
from kb.search import backends
from tests.conftest import skip_or_fail

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "elasticsearch.sh"


def free_port() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return str(probe.getsockname()[1])


# Each test run gets its own node (unless TEST_ES_PORT names a shared one): runs on the same
# machine must not stop each other's engine in the outage test.
ENGINE_PORT = os.environ.get("TEST_ES_PORT") or free_port()
ENGINE = os.environ.get("SEARCH_ENGINE", "opensearch")
STOPS_ENGINE = "stops_search_engine"
engine_version: list[str] = []


def run_script(command: str) -> str:
    env = {**os.environ, "ES_PORT": ENGINE_PORT, "SEARCH_ENGINE": ENGINE}
    result = subprocess.run(
        [str(SCRIPT), command], env=env, capture_output=True, text=True, timeout=300
    )
    if result.returncode:
        pytest.fail(f"{SCRIPT.name} {command} fejlede:\n{result.stderr}", pytrace=False)
    return result.stdout.strip()


def pytest_collection_modifyitems(items):
    """The test that stops the engine runs last, so the others have a node to talk to."""
    items.sort(key=lambda item: item.get_closest_marker(STOPS_ENGINE) is not None)


def pytest_terminal_summary(terminalreporter):
    if engine_version:
        terminalreporter.write_line(f"Søgemaskine i testene: {engine_version[0]}")


@pytest.fixture(scope="session")
def search_engine_url():
    """A real single-node engine for the session, stopped afterwards if this run started it."""
    if not (shutil.which("java") and shutil.which("mvn")):
        skip_or_fail("java og mvn mangler: søgemaskine-testene springes over")
    was_running = (
        subprocess.run(
            [str(SCRIPT), "status"], env={**os.environ, "ES_PORT": ENGINE_PORT}, capture_output=True
        ).returncode
        == 0
    )
    run_script("start")
    url = f"http://127.0.0.1:{ENGINE_PORT}"
    engine_version.append(engine_description(url))
    yield url
    delete_test_indexes(url)
    if not was_running:
        run_script("stop")
        shutil.rmtree(ROOT / "var" / "elasticsearch" / f"data-{ENGINE}-{ENGINE_PORT}", True)


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own node
        return json.load(response)


def engine_description(url: str) -> str:
    nodes = get_json(f"{url}/_nodes/_local?filter_path=nodes.*.version,nodes.*.build_type")
    node = next(iter(nodes["nodes"].values()))
    return f"{ENGINE} {node['version']} ({node.get('build_type', '?')}) på {url}"


def delete_test_indexes(url: str) -> None:
    """Drop this run's indexes; the node's data directory is shared between runs."""
    try:
        names = get_json(f"{url}/_cat/indices/test_{os.getpid()}_*?format=json&h=index")
    except OSError:
        return  # the outage test stopped the node
    for name in names:
        request = urllib.request.Request(f"{url}/{name['index']}", method="DELETE")  # noqa: S310
        urllib.request.urlopen(request, timeout=5).close()  # noqa: S310 - our own node


@dataclass
class BackendUnderTest:
    """What a test needs to know about the backend it runs on."""

    name: str

    def refresh(self) -> None:
        """Make what was just indexed searchable (an engine does this by itself within a
        second; tests should not wait)."""
        if self.name != "database":
            self.page_index().refresh()

    def page_index(self):
        """The engine's index of pages, through the client that writes to it."""
        return get_search_backend(backends.ENGINE).get_index_for_model(ArticlePage)


@pytest.fixture(params=["database", "elasticsearch"])
def search_backend(request, settings, site):
    """Run the test on each backend. Pages created in the test are indexed as they are saved."""
    backends.state.down_until = 0.0
    if request.param == "database":
        settings.WAGTAILSEARCH_BACKENDS = {"default": DATABASE_BACKEND}
        return BackendUnderTest("database")
    url = request.getfixturevalue("search_engine_url")
    # Generous: a node that has just started, on a busy machine, can take seconds to create
    # an index. The outage test stops the node, which fails at once whatever the timeout.
    settings.WAGTAILSEARCH_BACKENDS = search_backends(
        url, engine=ENGINE, index_prefix=f"test_{os.getpid()}_", timeout=30
    )
    settings.SEARCH_ENGINE_TIMEOUT = 30
    empty_page_index()
    return BackendUnderTest(ENGINE)


def empty_page_index() -> None:
    """Start each test with an empty page index; faster than deleting the index."""
    backend = backends.get_backend(backends.ENGINE)
    index = backend.get_index_for_model(ArticlePage)
    if not index.exists():
        index.put()
        for model in get_indexed_models():
            if backend.get_index_for_model(model).name == index.name:
                index.add_model(model)
    backend.es.delete_by_query(
        index=index.name, body={"query": {"match_all": {}}}, refresh=True, conflicts="proceed"
    )
