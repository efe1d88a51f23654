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


def test_a_list_right_after_a_text_line_is_still_a_list():
    blocks = markdown_to_blocks("**Kendetegn:**\n- Små beløb\n- Et år ad gangen")

    assert "<li>Små beløb</li>" in blocks[0]["value"]
    assert "<p><strong>Kendetegn:</strong></p>" in blocks[0]["value"]
