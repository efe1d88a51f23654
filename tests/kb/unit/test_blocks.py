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


def test_a_table_is_shown_without_the_empty_rows_and_columns_left_at_its_end():
    table = ArticleBodyBlock().child_blocks["table"]
    value = {
        "data": [["Dag", "Åbent", None], ["Mandag", "", ""], ["", None, ""]],
        "table_header_choice": "row",
        "first_row_is_table_header": True,
    }

    html = str(table.render(value))

    assert html.count("<tr>") == 2
    assert html.count("<th scope") == 2
    assert html.count("<td") == 2  # "Mandag" and the empty cell beside it
