"""Reading the text out of uploaded documents (PDF, DOCX, plain text) for search."""

import logging
from dataclasses import dataclass
from pathlib import PurePath
from typing import BinaryIO

from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Extraction:
    text: str
    error: str = ""


def extract_text(name: str, stream: BinaryIO) -> Extraction:
    """Return the text of a document, or an empty text with a Danish reason why none was read."""
    suffix = PurePath(name).suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        return Extraction("", _("Tekst kan kun læses fra PDF, DOCX og TXT."))
    try:
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


def read_pdf(stream: BinaryIO) -> str:
    from pypdf import PdfReader

    reader = PdfReader(stream)
    if reader.is_encrypted:
        raise EncryptedDocument
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def read_docx(stream: BinaryIO) -> str:
    import docx

    document = docx.Document(stream)
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(paragraphs + cells)


def read_plain_text(stream: BinaryIO) -> str:
    return stream.read().decode("utf-8", errors="replace")


READERS = {".pdf": read_pdf, ".docx": read_docx, ".txt": read_plain_text}


def normalise_whitespace(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.replace("\x00", "").splitlines())
    return "\n".join(line for line in lines if line).strip()
