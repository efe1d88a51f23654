from kb.markdown_blocks import markdown_to_blocks

MARKDOWN = """# Husmødet

## Før mødet

Hæng **dagsordenen** op.

- punkt et
- punkt to

### Ordstyrer

> Alle skal høres.

| Opgave | Andel |
|---|---|
| Køkken | 45 % |
"""


def test_markdown_becomes_headings_rich_text_quote_and_table_blocks():
    blocks = markdown_to_blocks(MARKDOWN, title="Husmødet")

    assert [block["type"] for block in blocks] == [
        "heading",
        "paragraph",
        "heading",
        "quote",
        "table",
    ]
    assert blocks[0]["value"] == {"text": "Før mødet", "level": "h2"}
    assert "<strong>dagsordenen</strong>" in blocks[1]["value"]
    assert "<li>punkt to</li>" in blocks[1]["value"]
    assert blocks[2]["value"]["level"] == "h3"
    assert blocks[3]["value"]["text"] == "Alle skal høres."
    assert blocks[4]["value"]["data"] == [["Opgave", "Andel"], ["Køkken", "45 %"]]


def test_a_first_heading_other_than_the_title_is_kept():
    blocks = markdown_to_blocks("# Noget andet\n\nTekst.", title="Husmødet")

    assert blocks[0]["value"]["text"] == "Noget andet"


def test_a_short_form_of_the_title_and_its_subtitle_in_italics_are_not_repeated():
    blocks = markdown_to_blocks(
        "# Brugerne ved roret\n\n*Erfaringer med brugerinddragelse*\n\n## Indledning\n\nTekst.",
        title="Brugerne ved roret – erfaringer med brugerinddragelse",
    )

    assert [block["type"] for block in blocks] == ["heading", "paragraph"]
    assert blocks[0]["value"]["text"] == "Indledning"


def test_italics_that_are_not_the_rest_of_the_title_are_kept():
    blocks = markdown_to_blocks("# Husmødet\n\n*Et citat fra en bruger*", title="Husmødet")

    assert blocks == [{"type": "paragraph", "value": "<p><em>Et citat fra en bruger</em></p>"}]


def test_a_list_right_after_a_text_line_is_still_a_list():
    blocks = markdown_to_blocks("**Kendetegn:**\n- Små beløb\n- Et år ad gangen")

    assert "<li>Små beløb</li>" in blocks[0]["value"]
    assert "<p><strong>Kendetegn:</strong></p>" in blocks[0]["value"]


def test_a_table_with_an_empty_first_heading_has_row_headings():
    comparison = "|  | § 18 | § 104 |\n|---|---|---|\n| Formål | Frivilligt | Tilbud |"
    plain = "| Dag | Aktivitet |\n|---|---|\n| Mandag | Husmøde |"

    [compared] = markdown_to_blocks(comparison)
    [listed] = markdown_to_blocks(plain)

    assert compared["value"]["first_col_is_header"] is True
    assert listed["value"]["first_col_is_header"] is False
