from django.utils import translation

from kb.search.facets import FacetValue


def test_facet_counts_are_written_the_danish_way():
    with translation.override("da"):
        shown = [FacetValue("x", "X", count, False).count_shown for count in (7, 999, 1234, 20000)]

    assert shown == ["7", "999", "1.234", "20.000"]
