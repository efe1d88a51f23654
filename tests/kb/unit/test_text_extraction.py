import io

import docx
import pytest

from kb.text_extraction import extract_text
from tests.factories import blank_pdf


def test_corpus_pdf_text_keeps_danish_letters(corpus_dir):
    pdf = corpus_dir / "pdf" / "frivillighed-paa-vaeresteder-kortlaegning.pdf"
    with pdf.open("rb") as stream:
        result = extract_text(pdf.name, stream)

    assert result.error == ""
    assert "værested" in result.text.lower()
    assert all(letter in result.text for letter in "æøå")


def test_docx_paragraphs_and_tables_are_read():
    document = docx.Document()
    document.add_paragraph("Frivillige på værestedet får en fast kontaktperson.")
    document.add_table(rows=1, cols=1).rows[0].cells[0].text = "Børneattest"
    stream = io.BytesIO()
    document.save(stream)
    stream.seek(0)

    result = extract_text("noter.docx", stream)

    assert "fast kontaktperson" in result.text
    assert "Børneattest" in result.text


@pytest.mark.parametrize(
    "name, stream, reason",
    [
        ("beskadiget.pdf", io.BytesIO(b"%PDF-1.7 dette er ikke en rigtig pdf"), "kunne ikke læses"),
        ("hemmelig.pdf", io.BytesIO(blank_pdf(password="hemmelig")), "krypteret"),
        ("scannet.pdf", io.BytesIO(blank_pdf()), "ingen tekst"),
        ("billede.png", io.BytesIO(b"\x89PNG"), "kun læses fra PDF"),
    ],
)
def test_unreadable_files_give_empty_text_and_a_danish_reason(name, stream, reason):
    result = extract_text(name, stream)

    assert result.text == ""
    assert reason in result.error
