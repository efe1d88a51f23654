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


@pytest.fixture(autouse=True, scope="session")
def clean_test_media():
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


def pytest_sessionfinish(session, exitstatus):
    """Under CI=true a skipped test means a part of the product went unchecked: fail the run."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if IN_CI and skipped and session.exitstatus == 0:
        reporter.write_line(f"CI=true: {len(skipped)} test(s) skipped — failing the run.", red=True)
        session.exitstatus = 1
