"""Reading the text out of uploaded documents (PDF, Word, OpenDocument text, Excel,
PowerPoint, plain text) for search."""

import logging
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import PurePath
from typing import BinaryIO
from xml.etree import ElementTree

from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Extraction:
    text: str
    error: str = ""


def extract_text(name: str, stream: BinaryIO) -> Extraction:
    """Return the text of a document, or an empty text with a Danish reason why none was read."""
    suffix = PurePath(name).suffix.lower()
    if suffix == ".doc":
        return Extraction(
            "",
            _(
                "Tekst kan ikke læses fra det gamle Word-format (DOC). Åbn filen i Word, "
                "gem den som DOCX eller PDF, og upload den igen."
            ),
        )
    reader = READERS.get(suffix)
    if reader is None:
        return Extraction("", _("Tekst kan kun læses fra PDF, DOCX, ODT, XLSX, PPTX og TXT."))
    try:
        if suffix in OFFICE_OPEN_XML:
            refuse_encrypted_office_file(stream)
        text = reader(stream)
    except EncryptedDocument:
        return Extraction("", _("Filen er krypteret eller beskyttet med adgangskode."))
    except Exception as error:  # noqa: BLE001 - any parser failure means "unreadable file"
        logger.warning("Could not read text from %s: %s", name, error)
        return Extraction("", _("Filen kunne ikke læses (den er måske beskadiget)."))
    text = normalise_whitespace(text)
    if not text:
        return Extraction(
            "", _("Filen indeholder ingen tekst, der kan læses (måske et scannet billede).")
        )
    return Extraction(text)


class EncryptedDocument(Exception):
    pass


OFFICE_OPEN_XML = {".docx", ".xlsx", ".pptx"}
# Office saves a DOCX, XLSX or PPTX with a password not as a zip but as an encrypted package
# inside a compound file, the container of the old DOC format.
COMPOUND_FILE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def refuse_encrypted_office_file(stream: BinaryIO) -> None:
    start = stream.tell()
    encrypted = (
        stream.read(len(COMPOUND_FILE_SIGNATURE)) == COMPOUND_FILE_SIGNATURE
        and ENCRYPTED_PACKAGE in stream.read()
    )
    stream.seek(start)
    if encrypted:
        raise EncryptedDocument


def read_pdf(stream: BinaryIO) -> str:
    from pypdf import PdfReader

    reader = PdfReader(stream)
    if reader.is_encrypted:
        raise EncryptedDocument
    return "\n".join(without_running_lines([page.extract_text() or "" for page in reader.pages]))


NUMBER_RE = re.compile(r"\d+")


def without_running_lines(pages: list[str]) -> list[str]:
    """``pages`` without the lines that recur on most of them, page numbers aside: a running
    header or footer ("Håndbog … · side 3") made a search count the title's words once per
    page, and a snippet show the footer as if it were text."""
    if len(pages) < 3:
        return pages

    def pattern(line: str) -> str:
        return NUMBER_RE.sub("#", " ".join(line.split()))

    on_pages = Counter(
        line for page in pages for line in {pattern(line) for line in page.splitlines()}
    )
    running = {line for line, count in on_pages.items() if line and count > len(pages) / 2}
    return [
        "\n".join(line for line in page.splitlines() if pattern(line) not in running)
        for page in pages
    ]


def read_docx(stream: BinaryIO) -> str:
    import docx

    document = docx.Document(stream)
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(paragraphs + cells)


def read_xlsx(stream: BinaryIO) -> str:
    import openpyxl

    # data_only: a formula's last computed value, as the spreadsheet shows it, not its formula.
    workbook = openpyxl.load_workbook(stream, read_only=True, data_only=True)
    try:
        return "\n".join(
            " ".join(str(value) for value in row if value is not None)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
        )
    finally:
        workbook.close()


ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
ODF_PARAGRAPHS = {f"{ODF_TEXT}p", f"{ODF_TEXT}h"}
# Tabs, line breaks and runs of spaces are elements in OpenDocument, not characters.
ODF_SPACES = {f"{ODF_TEXT}s", f"{ODF_TEXT}tab", f"{ODF_TEXT}line-break"}
ODF_MANIFEST = "META-INF/manifest.xml"
ODF_ENCRYPTION_DATA = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}encryption-data"
DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
DRAWING_PARAGRAPHS, DRAWING_SPACES = {f"{DRAWING}p"}, {f"{DRAWING}br"}
PRESENTATION = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
RELATIONSHIPS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
# A zip of a few kilobytes can unpack to gigabytes; no real document's XML part comes near this.
MAX_XML_PART_SIZE = 100 * 1024 * 1024


def read_odt(stream: BinaryIO) -> str:
    with zipfile.ZipFile(stream) as archive:
        if is_encrypted_odf(archive):
            raise EncryptedDocument
        return xml_text(read_xml(archive, "content.xml"), ODF_PARAGRAPHS, ODF_SPACES)


def read_pptx(stream: BinaryIO) -> str:
    with zipfile.ZipFile(stream) as archive:
        slides = (read_xml(archive, name) for name in slide_names(archive))
        return "\n".join(xml_text(slide, DRAWING_PARAGRAPHS, DRAWING_SPACES) for slide in slides)


def read_plain_text(stream: BinaryIO) -> str:
    return stream.read().decode("utf-8", errors="replace")


READERS = {
    ".pdf": read_pdf,
    ".docx": read_docx,
    ".odt": read_odt,
    ".xlsx": read_xlsx,
    ".pptx": read_pptx,
    ".txt": read_plain_text,
}


def is_encrypted_odf(archive: zipfile.ZipFile) -> bool:
    """OpenDocument keeps a password-protected file an ordinary zip of encrypted parts; its
    manifest tells how each part was encrypted."""
    if ODF_MANIFEST not in archive.namelist():
        return False
    return read_xml(archive, ODF_MANIFEST).find(f".//{ODF_ENCRYPTION_DATA}") is not None


def read_xml(archive: zipfile.ZipFile, name: str) -> ElementTree.Element:
    if archive.getinfo(name).file_size > MAX_XML_PART_SIZE:
        raise ValueError(f"{name} is larger than {MAX_XML_PART_SIZE} bytes unpacked")
    # Python's expat (2.4.1 and later) refuses the entity expansion attacks defusedxml guards
    # against, and ElementTree fetches no external entities.
    return ElementTree.fromstring(archive.read(name))  # noqa: S314


def slide_names(archive: zipfile.ZipFile) -> list[str]:
    """The slides' parts in the order the presentation shows them (not their file names')."""
    targets = {
        relation.get("Id"): relation.get("Target")
        for relation in read_xml(archive, "ppt/_rels/presentation.xml.rels")
    }
    slide_ids = read_xml(archive, "ppt/presentation.xml").iter(f"{PRESENTATION}sldId")
    return [part_name("ppt", targets[slide.get(f"{RELATIONSHIPS}id")]) for slide in slide_ids]


def part_name(folder: str, target: str) -> str:
    """A relationship's target as a name in the zip: relative to ``folder`` unless it starts
    with "/" (both occur)."""
    return target[1:] if target.startswith("/") else f"{folder}/{target}"


def xml_text(root: ElementTree.Element, paragraphs: set[str], spaces: set[str]) -> str:
    """The text of an XML part, a line per paragraph element and a space for each of
    ``spaces``, which stand for white space the text itself does not hold."""
    parts = []

    def collect(element):
        if element.tag in spaces:
            parts.append(" ")
        parts.append(element.text or "")
        for child in element:
            collect(child)
            parts.append(child.tail or "")
        if element.tag in paragraphs:
            parts.append("\n")

    collect(root)
    return "".join(parts)


def normalise_whitespace(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.replace("\x00", "").splitlines())
    return "\n".join(line for line in lines if line).strip()
