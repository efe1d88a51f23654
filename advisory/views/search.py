"""Searching the secretariat's lists as people type: every word, in any order, each in any of
the searched fields, accents aside ("solstuen cafe" finds Café Solstuen)."""

from functools import reduce
from operator import or_

from django.db.models import Q


def word_in_fields(word: str, fields: list[str]) -> Q:
    """``word`` in any of ``fields``, case and accents aside (PostgreSQL's unaccent)."""
    return reduce(or_, (Q(**{f"{field}__unaccent__icontains": word}) for field in fields))


class EveryWordSearchMixin:
    """For an IndexView with ``search_fields`` and no search backend: Wagtail looks for the
    whole query in one field, so "østergaard søren" found no Søren Østergaard."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        words = self.search_query.split()
        return queryset.filter(*(word_in_fields(word, self.search_fields) for word in words))
