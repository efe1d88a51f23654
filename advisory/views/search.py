"""Searching the secretariat's lists as people type: every word, in any order, each in any of
the searched fields, spelled as Danes write it ("solstuen cafe" finds Café Solstuen, "aarhus"
finds Århus: see advisory.spelling)."""

from functools import reduce
from operator import or_

from django.db.models import Q

from advisory.spelling import spelled_as


def word_in_fields(word: str, fields: list[str]) -> Q:
    """``word`` in any of ``fields``, compared as advisory.spelling compares it."""
    return reduce(or_, (spelled_as(field, word) for field in fields))


class EveryWordSearchMixin:
    """For an IndexView with ``search_fields`` and no search backend: Wagtail looks for the
    whole query in one field, so "østergaard søren" found no Søren Østergaard."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        words = self.search_query.split()
        return queryset.filter(*(word_in_fields(word, self.search_fields) for word in words))
