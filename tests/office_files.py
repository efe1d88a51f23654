"""Small OpenDocument text and PowerPoint files, built in the test: the parts a word processor
writes that hold the text, and none of the styles. Also either kind saved with a password."""

import io
import os
import zipfile
from xml.sax.saxutils import escape

from msoffcrypto.format.ooxml import OOXMLFile

ODF_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
)
ODT_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
    manifest:version="1.3">
  <manifest:file-entry manifest:full-path="/"
      manifest:media-type="application/vnd.oasis.opendocument.text"/>
  <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""


# As LibreOffice writes it for a file saved with a password: how content.xml was encrypted.
ODT_ENCRYPTED_MANIFEST = ODT_MANIFEST.replace(
    'manifest:full-path="content.xml" manifest:media-type="text/xml"/>',
    'manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="1024">'
    '<manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:'
    'manifest:1.0#sha256-1k" manifest:checksum="c2hhMjU2">'
    '<manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc"'
    ' manifest:initialisation-vector="aXY="/>'
    '<manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:key-size="32"'
    ' manifest:iteration-count="100000" manifest:salt="c2FsdA=="/>'
    "</manifest:encryption-data></manifest:file-entry>",
)


def password_protected_odt() -> bytes:
    """An ODT file as saved with a password: its content.xml encrypted, so not XML."""
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", ODT_ENCRYPTED_MANIFEST)
        archive.writestr("content.xml", os.urandom(1024))
    return stream.getvalue()


def password_protected(document: bytes, password: str) -> bytes:
    """A DOCX, XLSX or PPTX file encrypted with ``password`` as Office encrypts it."""
    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(document)).encrypt(password, encrypted)
    return encrypted.getvalue()


def odt(body: str) -> bytes:
    """An ODT file whose office:text holds ``body`` (OpenDocument XML, prefixes text: and
    table:)."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_NAMESPACES} '
        f'office:version="1.3"><office:body><office:text>{body}</office:text></office:body>'
        "</office:document-content>"
    )
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        # First and uncompressed, as the format requires, so tools can tell what the file is.
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", ODT_MANIFEST)
        archive.writestr("content.xml", content)
    return stream.getvalue()


def odt_paragraphs(*paragraphs: str) -> bytes:
    return odt("".join(f"<text:p>{escape(paragraph)}</text:p>" for paragraph in paragraphs))


PRESENTATION = "http://schemas.openxmlformats.org/presentationml/2006/main"
DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SLIDE_TYPE = f"{RELATIONSHIPS}/slide"


def pptx(*slides: list[str], file_order: list[int] | None = None) -> bytes:
    """A PPTX file with ``slides``, each a list of paragraphs, shown in the given order; the
    slides' file numbers follow ``file_order`` (PowerPoint keeps a moved slide's file name)."""
    numbers = file_order or list(range(1, len(slides) + 1))
    slide_ids = "".join(
        f'<p:sldId id="{255 + position}" r:id="rId{number}"/>'
        for position, number in enumerate(numbers, start=1)
    )
    relations = "".join(
        f'<Relationship Id="rId{number}" Type="{SLIDE_TYPE}" Target="slides/slide{number}.xml"/>'
        for number in numbers
    )
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "ppt/presentation.xml",
            f'<p:presentation xmlns:p="{PRESENTATION}" xmlns:r="{RELATIONSHIPS}">'
            f"<p:sldIdLst>{slide_ids}</p:sldIdLst></p:presentation>",
        )
        archive.writestr(
            "ppt/_rels/presentation.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f"{relations}</Relationships>",
        )
        for number, paragraphs in zip(numbers, slides, strict=True):
            archive.writestr(f"ppt/slides/slide{number}.xml", slide_xml(paragraphs))
    return stream.getvalue()


def slide_xml(paragraphs: list[str]) -> str:
    text = "".join(f"<a:p><a:r><a:t>{escape(p)}</a:t></a:r></a:p>" for p in paragraphs)
    return (
        f'<p:sld xmlns:p="{PRESENTATION}" xmlns:a="{DRAWING}"><p:cSld><p:spTree><p:sp>'
        f"<p:txBody>{text}</p:txBody></p:sp></p:spTree></p:cSld></p:sld>"
    )
