import pytest

from django.core.exceptions import ValidationError

from kb.blocks import ArticleBodyBlock


def test_a_table_published_without_a_choice_of_headings_is_refused_with_what_to_choose():
    table = ArticleBodyBlock().child_blocks["table"]

    with pytest.raises(ValidationError) as refused:
        table.clean({"data": [["Dag", "Åbent"]], "table_header_choice": ""})

    assert refused.value.messages == [
        "Vælg under »Tabeloverskrifter«, om tabellens første række eller kolonne er overskrifter."
    ]
