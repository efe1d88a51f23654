import io

import docx
import openpyxl
import pytest

from kb.text_extraction import extract_text
from tests.factories import blank_pdf
from tests.office_files import (
    odt,
    odt_paragraphs,
    password_protected,
    password_protected_odt,
    pptx,
)


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


def test_odt_headings_paragraphs_and_tables_are_read_with_their_spacing():
    document = odt(
        "<text:h>Husmøde på værestedet</text:h>"
        "<text:p>Dagsorden<text:tab/>kl. 10<text:line-break/>Kaffe <text:span>og</text:span>"
        "<text:s text:c='2'/>kage</text:p>"
        "<table:table><table:table-row><table:table-cell><text:p>Børneattest</text:p>"
        "</table:table-cell></table:table-row></table:table>"
    )

    result = extract_text("referat.odt", io.BytesIO(document))

    assert result.error == ""
    assert result.text == "Husmøde på værestedet\nDagsorden kl. 10 Kaffe og kage\nBørneattest"


def test_xlsx_cells_of_every_sheet_are_read():
    workbook = openpyxl.Workbook()
    workbook.active.append(["Frivillige", 12])
    workbook.create_sheet("Budget").append(["Kaffe", None, "hjemmebag"])
    stream = io.BytesIO()
    workbook.save(stream)
    stream.seek(0)

    result = extract_text("oversigt.xlsx", stream)

    assert result.text == "Frivillige 12\nKaffe hjemmebag"


def test_pptx_slides_are_read_in_the_order_they_are_shown():
    slides = pptx(["Velkomst", "Nye brugere"], ["Opfølgning"], file_order=[2, 1])

    result = extract_text("oplæg.pptx", io.BytesIO(slides))

    assert result.text == "Velkomst\nNye brugere\nOpfølgning"


def word_document(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def spreadsheet(*rows: list) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


@pytest.mark.parametrize(
    "name, document",
    [("løn.docx", word_document("Lønninger for 2026")), ("løn.xlsx", spreadsheet(["Løn", 2026]))],
)
def test_an_office_file_saved_with_a_password_is_reported_as_encrypted_not_damaged(name, document):
    result = extract_text(name, io.BytesIO(password_protected(document, "løn")))

    assert result.text == ""
    assert result.error == "Filen er krypteret eller beskyttet med adgangskode."


def test_old_word_files_are_not_read_and_the_editor_is_told_to_save_them_as_docx_or_pdf():
    result = extract_text("gammel.doc", io.BytesIO(b"\xd0\xcf\x11\xe0 et gammelt Word-dokument"))

    assert result.text == ""
    assert "gamle Word-format" in result.error
    assert "gem den som DOCX eller PDF" in result.error


@pytest.mark.parametrize(
    "name, stream, reason",
    [
        ("beskadiget.pdf", io.BytesIO(b"%PDF-1.7 dette er ikke en rigtig pdf"), "kunne ikke læses"),
        ("hemmelig.pdf", io.BytesIO(blank_pdf(password="hemmelig")), "krypteret"),
        ("hemmelig.odt", io.BytesIO(password_protected_odt()), "krypteret"),
        ("scannet.pdf", io.BytesIO(blank_pdf()), "ingen tekst"),
        ("billede.png", io.BytesIO(b"\x89PNG"), "kun læses fra PDF"),
        ("ikke-zip.odt", io.BytesIO(b"bare tekst"), "kunne ikke læses"),
        ("tom.odt", io.BytesIO(odt_paragraphs()), "ingen tekst"),
        ("ikke-zip.pptx", io.BytesIO(b"bare tekst"), "kunne ikke læses"),
        ("ikke-zip.xlsx", io.BytesIO(b"bare tekst"), "kunne ikke læses"),
    ],
)
def test_unreadable_files_give_empty_text_and_a_danish_reason(name, stream, reason):
    result = extract_text(name, stream)

    assert result.text == ""
    assert reason in result.error


def test_a_pdfs_running_footer_is_left_out_and_every_pages_text_is_kept(corpus_dir):
    pdf = corpus_dir / "pdf" / "haandbog-god-bestyrelsespraksis.pdf"
    with pdf.open("rb") as stream:
        text = extract_text(pdf.name, stream).text

    # "Håndbog i god bestyrelsespraksis · Landsforeningen af Væresteder · side 2" (… side 4)
    assert "· side" not in text
    assert text.count("bestyrelsespraksis") == 1  # on the title page
    for on_each_page in ("Om håndbogen", "6. arbejdsdelingen", "Bruger vi alle medlemmers"):
        assert on_each_page in text
