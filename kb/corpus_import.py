"""Loading the corpus format (Markdown with front matter, PDFs) into knowledge-base pages."""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction

from kb.markdown_blocks import markdown_to_blocks
from kb.models import ArticlePage, Audience, KbDocument, Topic
from kb.site_setup import SECTIONS, ensure_site, section_page
from kb.taxonomy_data import TOPICS

REQUIRED_KEYS = ("slug", "title", "type", "topics", "summary")
# Part of every page's checksum: bump it when the conversion changes, so a re-import
# rewrites pages that came from unchanged files.
CONVERSION_VERSION = b"3"


class CorpusError(Exception):
    """A corpus file that cannot be imported; the message says why, in Danish."""


@dataclass
class CorpusItem:
    path: Path
    slug: str
    title: str
    type: str
    topics: list[str]
    audiences: list[str]
    year: int | None
    authors: list[str]
    summary: str
    body: str
    file: Path | None
    checksum: str = field(default="")


def parse_item(path: Path, corpus_root: Path) -> CorpusItem:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CorpusError("filen er ikke gyldig UTF-8") from error
    meta, body = split_front_matter(text)
    missing = [key for key in REQUIRED_KEYS if not meta.get(key)]
    if missing:
        raise CorpusError(f"mangler feltet {', '.join(missing)} i front matter")
    if meta["type"] not in SECTIONS:
        raise CorpusError(f"ukendt type '{meta['type']}' (brug {', '.join(SECTIONS)})")
    if str(meta["slug"]) != path.stem:
        raise CorpusError(f"slug '{meta['slug']}' svarer ikke til filnavnet")
    year = meta.get("year")
    if year is not None and not isinstance(year, int):
        raise CorpusError(f"året '{year}' er ikke et tal")
    attachment = corpus_root / meta["file"] if meta.get("file") else None
    if attachment and not attachment.is_file():
        raise CorpusError(f"den vedhæftede fil {meta['file']} findes ikke")
    attached = attachment.read_bytes() if attachment else b""
    checksum = hashlib.sha256(CONVERSION_VERSION + raw + attached).hexdigest()
    return CorpusItem(
        path=path,
        slug=str(meta["slug"]),
        title=str(meta["title"]),
        type=meta["type"],
        topics=as_list(meta["topics"]),
        audiences=as_list(meta.get("audience", [])),
        year=year,
        authors=as_list(meta.get("authors", [])),
        summary=str(meta["summary"]).strip(),
        body="" if attachment and only_mentions_attachment(body, meta["file"]) else body,
        file=attachment,
        checksum=checksum,
    )


def split_front_matter(text: str) -> tuple[dict, str]:
    if not text.startswith("---"):
        raise CorpusError("filen begynder ikke med front matter (---)")
    try:
        _, header, body = text.split("---", 2)
        meta = yaml.safe_load(header)
    except (ValueError, yaml.YAMLError) as error:
        raise CorpusError(f"front matter kan ikke læses: {error}") from error
    if not isinstance(meta, dict):
        raise CorpusError("front matter er ikke en liste af felter")
    return meta, body.strip()


def as_list(value) -> list[str]:
    return [str(item) for item in value] if isinstance(value, list) else [str(value)]


def only_mentions_attachment(body: str, file_name: str) -> bool:
    return "\n" not in body.strip() and file_name in body


@dataclass
class ImportResult:
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


class CorpusImporter:
    """Creates or updates one page per corpus document, keyed by slug."""

    def __init__(self, corpus_root: Path):
        self.corpus_root = corpus_root
        self.documents_dir = corpus_root / "documents"
        self.result = ImportResult()

    def files(self) -> list[Path]:
        return sorted(self.documents_dir.glob("*.md"))

    def import_all(self, progress=iter) -> ImportResult:
        """Import every file; ``progress`` may wrap the file list (e.g. in a progress bar)."""
        ensure_site()
        for path in progress(self.files()):
            self.import_file(path)
        return self.result

    def import_file(self, path: Path) -> None:
        try:
            item = parse_item(path, self.corpus_root)
            outcome = self.save(item)
        except CorpusError as error:
            self.result.failed.append((path.name, str(error)))
            return
        except ValidationError as error:  # the page's own checks, e.g. of its year
            self.result.failed.append((path.name, "; ".join(error.messages)))
            return
        setattr(self.result, outcome, getattr(self.result, outcome) + 1)

    @transaction.atomic
    def save(self, item: CorpusItem) -> str:
        existing = ArticlePage.objects.filter(slug=item.slug).first()
        if existing and existing.specific_class is not SECTIONS[item.type].page_model:
            raise CorpusError(
                f"der findes allerede en side med slug '{item.slug}' af en anden type"
            )
        if existing and existing.source_checksum == item.checksum:
            return "unchanged"
        page = existing.specific.get_latest_revision_as_object() if existing else None
        page = page or SECTIONS[item.type].page_model(slug=item.slug)
        self.fill(page, item)
        if existing is None:
            section_page(item.type).add_child(instance=page)
        page.save_revision().publish()
        return "changed" if existing else "created"

    def fill(self, page: ArticlePage, item: CorpusItem) -> None:
        page.title = item.title
        page.summary = item.summary
        page.year = item.year
        page.authors = ", ".join(item.authors)
        page.body = markdown_to_blocks(item.body, item.title)
        page.source_checksum = item.checksum
        page.topics.set(self.topics(item.topics))
        page.audiences.set(Audience.objects.filter(slug__in=item.audiences))
        if item.file:
            page.document = self.attach(item, getattr(page, "document", None))

    def topics(self, slugs: list[str]) -> list[Topic]:
        return [
            Topic.objects.get_or_create(slug=slug, defaults={"name": TOPICS.get(slug, slug)})[0]
            for slug in slugs
        ]

    def attach(self, item: CorpusItem, document: KbDocument | None) -> KbDocument:
        document = document or KbDocument()
        document.title = item.title
        with item.file.open("rb") as stream:
            document.file = File(stream, name=item.file.name)
            # Size and hash, as an upload sets them: the hash is the download's ETag, and
            # without it a browser could keep an old copy of a replaced file.
            document._set_document_file_metadata()
            document.save()
        return document
