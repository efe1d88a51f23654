"""Turning corpus Markdown into StreamField blocks an editor can keep working with."""

import re

import markdown

HEADING = re.compile(r"^(#{1,4})\s+(.*)$")
LIST_ITEM = re.compile(r"^\s*([-*+]|\d+\.)\s")


def markdown_to_blocks(text: str, title: str = "") -> list[dict]:
    """Split Markdown into heading, table, quote and rich-text blocks.

    A first-level heading the page title begins with is dropped, and an italic line under it
    that is the rest of the title: the page shows its title already ("Brugerne ved roret",
    then "*Erfaringer med …*", under "Brugerne ved roret – erfaringer med …").
    """
    blocks: list[dict] = []
    prose: list[str] = []
    after_title = False

    def flush_prose():
        if prose:
            html = markdown.markdown("\n\n".join(prose), extensions=["sane_lists"])
            blocks.append({"type": "paragraph", "value": html})
            prose.clear()

    for chunk in split_chunks(text):
        heading = HEADING.match(chunk)
        repeats_title = after_title and is_subtitle(chunk, title)
        after_title = False
        if repeats_title:
            continue
        if heading and "\n" not in chunk:
            flush_prose()
            level, words = len(heading.group(1)), heading.group(2).strip()
            if level == 1 and title.startswith(words):
                after_title = True
                continue
            tag = "h2" if level <= 2 else "h3"
            blocks.append({"type": "heading", "value": {"text": words, "level": tag}})
        elif chunk.startswith("|"):
            flush_prose()
            blocks.append({"type": "table", "value": table_value(chunk)})
        elif chunk.startswith(">"):
            flush_prose()
            quote = " ".join(line.lstrip("> ").strip() for line in chunk.splitlines())
            blocks.append({"type": "quote", "value": {"text": quote, "attribution": ""}})
        else:
            prose.append(chunk)
    flush_prose()
    return blocks


def is_subtitle(chunk: str, title: str) -> bool:
    """Whether ``chunk`` is one line in italics that ends the title (its part after " – ")."""
    line = chunk.strip()
    if "\n" in line or not (line.startswith("*") and line.endswith("*")):
        return False
    words = line.strip("*").strip()
    return bool(words) and title.lower().endswith(words.lower())


def split_chunks(text: str) -> list[str]:
    """Blank-line separated chunks; a heading line always stands alone, and a list that
    follows a text line without a blank line starts a chunk of its own (as authors expect)."""
    chunks, current = [], []
    for line in text.strip().splitlines():
        if LIST_ITEM.match(line) and current and not LIST_ITEM.match(current[-1]):
            chunks.append("\n".join(current))
            current = []
        if not line.strip() or HEADING.match(line):
            if current:
                chunks.append("\n".join(current))
                current = []
            if line.strip():
                chunks.append(line.strip())
            continue
        current.append(line)
    if current:
        chunks.append("\n".join(current))
    return chunks


def table_value(chunk: str) -> dict:
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in chunk.splitlines()
        if not re.fullmatch(r"\|?[\s:|-]+\|?", line.strip())
    ]
    # An empty first heading stands over row headings: "§ 18 | § 104" across, what is compared
    # down the first column.
    row_headings = bool(rows) and not rows[0][0]
    return {"data": rows, "first_row_is_table_header": True, "first_col_is_header": row_headings}
