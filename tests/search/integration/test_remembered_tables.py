"""Small tables the search keeps in memory: a change shows at once in this process, and
within RECHECK_SECONDS when another process made it (no signal reaches this one)."""

import pytest

from kb import remembered
from kb.models import Synonym
from kb.search.query import editor_synonyms

pytestmark = pytest.mark.django_db


def test_a_change_made_here_shows_at_once():
    assert "ildsjæle" not in editor_synonyms()

    Synonym.objects.create(term="Ildsjæle", synonyms="frivillige")

    assert editor_synonyms()["ildsjæle"] == ["frivillige"]


def test_a_change_made_elsewhere_shows_within_the_recheck_time(monkeypatch):
    now = 1000.0
    monkeypatch.setattr(remembered.time, "monotonic", lambda: now)
    assert "ildsjæle" not in editor_synonyms()

    # bulk_create sends no signal, as a change in another server process would not.
    Synonym.objects.bulk_create([Synonym(term="Ildsjæle", synonyms="frivillige")])
    assert "ildsjæle" not in editor_synonyms()

    now += remembered.RECHECK_SECONDS
    assert editor_synonyms()["ildsjæle"] == ["frivillige"]
