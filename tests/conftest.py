"""Fixtures shared by the whole suite. Tests run on a real PostgreSQL (see config/test_settings)."""

import os
import shutil
from pathlib import Path

import pytest

from django.conf import settings

from kb.site_setup import ensure_site

IN_CI = os.environ.get("CI", "").lower() == "true"


def skip_or_fail(reason: str):
    """Skip on a developer laptop; under CI=true a missing part is a failure."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: dette må ikke springes over)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Keep the serialised database contents on the connection class, not one instance.

    Django's connection handler is context-local, and Playwright's sync API runs browser tests
    in another context, where a fresh connection object would lack the contents that a
    serialised rollback restores from."""
    from django.db import connections

    connection = connections["default"]
    contents = getattr(connection, "_test_serialized_contents", None)
    if contents is not None:
        type(connection)._test_serialized_contents = contents


@pytest.fixture
def site(db):
    """The home page with its four sections."""
    return ensure_site()


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    corpus = Path(settings.CORPUS_DIR)
    if not (corpus / "documents").is_dir():
        skip_or_fail(f"Korpusset findes ikke i {corpus} (sæt CORPUS_DIR)")
    return corpus


@pytest.fixture(autouse=True)
def forget_remembered_tables():
    """Each test starts from the tables as they are: rolling back a test's rows sends no
    signal that would make the search forget them."""
    from kb.remembered import forget_all

    forget_all()
    yield
    forget_all()


@pytest.fixture(autouse=True, scope="session")
def clean_test_media():
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


def pytest_collection_modifyitems(items):
    """Every test that commits (transactional tests; browser tests, which share the database
    with the live server's thread) gets a serialised rollback. What migrations created (root
    page, taxonomy, groups) is then back for each test, and no flush re-runs post_migrate
    handlers, whose rows would clash with the restored ones."""
    browser_dir = Path(__file__).parent / "browser"
    for item in items:
        marker = item.get_closest_marker("django_db")
        commits = (marker is not None and marker.kwargs.get("transaction")) or any(
            name in item.fixturenames for name in ("transactional_db", "live_server")
        )
        if commits or browser_dir in Path(item.path).parents:
            item.add_marker(
                pytest.mark.django_db(transaction=True, serialized_rollback=True), append=False
            )


def pytest_sessionfinish(session, exitstatus):
    """Under CI=true a skipped test means a part of the product went unchecked: fail the run."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if IN_CI and skipped and session.exitstatus == 0:
        reporter.write_line(f"CI=true: {len(skipped)} test(s) skipped — failing the run.", red=True)
        session.exitstatus = 1
