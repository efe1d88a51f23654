"""Small tables the search keeps in memory: a change shows at once in this process, and
within RECHECK_SECONDS when another process made it (no signal reaches this one)."""

import pytest

from wagtail.models import PageViewRestriction

from kb import remembered
from kb.models import Synonym
from kb.search.query import editor_synonyms
from kb.search.visibility import visible_articles
from tests.factories import MethodPageFactory, section

pytestmark = pytest.mark.django_db


def synonyms_of_ildsjaele() -> list[str] | None:
    """What the remembered synonyms give for "Ildsjæle" (kept by the stem of its word)."""
    return editor_synonyms().get("ildsjæl")


def test_a_change_made_here_shows_at_once():
    assert synonyms_of_ildsjaele() is None

    Synonym.objects.create(term="Ildsjæle", synonyms="frivillige")

    assert synonyms_of_ildsjaele() == ["frivillige"]


def test_a_change_made_elsewhere_shows_within_the_recheck_time(monkeypatch):
    now = 1000.0
    monkeypatch.setattr(remembered.time, "monotonic", lambda: now)
    assert synonyms_of_ildsjaele() is None

    # bulk_create sends no signal, as a change in another server process would not.
    Synonym.objects.bulk_create([Synonym(term="Ildsjæle", synonyms="frivillige")])
    assert synonyms_of_ildsjaele() is None

    now += remembered.RECHECK_SECONDS
    assert synonyms_of_ildsjaele() == ["frivillige"]


def test_a_restricted_section_that_moves_stays_hidden(site):
    restricted = section("metoder")
    article = MethodPageFactory(parent=restricted, title="Fodboldtræning for alle")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    assert article.pk not in set(visible_articles().values_list("pk", flat=True))

    # A move rewrites the section's path and its pages' paths in one update, with no save.
    restricted.move(section("vejledninger"), pos="right")

    assert article.pk not in set(visible_articles().values_list("pk", flat=True))
