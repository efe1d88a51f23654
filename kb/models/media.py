from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.search import index

from kb.text_extraction import extract_text

ZIP = b"PK\x03\x04"  # DOCX, XLSX, PPTX and ODT are zip files
OLE = b"\xd0\xcf\x11\xe0"  # the old binary Office formats
# How a file of each kind begins (a PDF's header may come after up to 1 KB of other bytes).
SIGNATURES = {"pdf": b"%PDF-", "docx": ZIP, "xlsx": ZIP, "pptx": ZIP, "odt": ZIP, "doc": OLE}
HEAD_BYTES = 1024


def file_kind(name: str | None) -> str:
    """The file's kind as people name it: PDF for "publikationer/rapport.pdf"; "" for none."""
    return PurePath(name).suffix.lstrip(".").upper() if name else ""


class KbImage(AbstractImage):
    """Images whose description is the alternative text pages give them: the field Wagtail's
    upload asks to fill in, and the only one an editor sees."""

    description = models.CharField(
        _("beskrivelse (alternativ tekst)"),
        max_length=255,
        blank=True,
        default="",
        help_text=_("Beskriv billedet for dem, der ikke kan se det. Tom, hvis det er pynt."),
    )

    admin_form_fields = Image.admin_form_fields

    class Meta:
        verbose_name = _("billede")
        verbose_name_plural = _("billeder")

    @property
    def default_alt_text(self) -> str:
        # Wagtail falls back to the title, often a file name: an image left without a
        # description is taken as decoration instead.
        return self.description


class KbRendition(AbstractRendition):
    image = models.ForeignKey(KbImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class KbDocument(AbstractDocument):
    """A document whose text is read on upload, so search finds words that are only in the file."""

    extracted_text = models.TextField(_("udtrukket tekst"), blank=True, editable=False)
    extraction_error = models.CharField(
        _("tekstlæsning fejlede"), max_length=255, blank=True, editable=False
    )

    admin_form_fields = Document.admin_form_fields
    search_fields = AbstractDocument.search_fields + [index.SearchField("extracted_text")]

    class Meta:
        verbose_name = _("dokument")
        verbose_name_plural = _("dokumenter")

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored_file_name = instance.__dict__.get("file")
        return instance

    def is_new_file(self) -> bool:
        """Whether the file is one uploaded now, not the one stored before."""
        return bool(self.file) and self.file.name != getattr(self, "_stored_file_name", None)

    def save(self, *args, **kwargs):
        if self.is_new_file():
            self.read_text()
        super().save(*args, **kwargs)
        self._stored_file_name = self.file.name

    def clean(self):
        super().clean()
        self.check_size()
        self.check_contents()

    def check_size(self):
        """A file over DOCUMENT_MAX_UPLOAD_MB is refused before it is stored and read: one
        upload of hundreds of MB filled the disk, and nobody on a phone would fetch it."""
        limit = settings.DOCUMENT_MAX_UPLOAD_MB * 1024 * 1024
        if self.is_new_file() and self.file.size > limit:
            raise ValidationError(
                {
                    "file": _(
                        "Filen fylder %(size)s, men højst %(limit)s kan lægges op. Gør den "
                        "mindre, fx ved at gemme PDF'en med lavere billedkvalitet."
                    )
                    % {"size": filesizeformat(self.file.size), "limit": filesizeformat(limit)}
                }
            )

    def check_contents(self):
        """A file whose name says PDF (or an Office format) and whose bytes are something else
        is refused: it would be handed out to the public as what it is not."""
        if not self.is_new_file():
            return
        extension = PurePath(self.file.name).suffix.lstrip(".").lower()
        signature = SIGNATURES.get(extension)
        if signature is None:
            return
        self.file.seek(0)
        head = self.file.read(HEAD_BYTES)
        self.file.seek(0)
        if not (signature in head if extension == "pdf" else head.startswith(signature)):
            kind = extension.upper()
            raise ValidationError(
                {
                    "file": _(
                        "Filen ender på .%(extension)s, men er ikke en %(kind)s-fil. Gem den som"
                        " %(kind)s fra det program, den er lavet i, og upload den igen."
                    )
                    % {"extension": extension, "kind": kind}
                }
            )

    def read_text(self):
        with self.open_file() as stream:
            result = extract_text(self.file.name, stream)
        self.extracted_text, self.extraction_error = result.text, result.error

    @property
    def file_type(self) -> str:
        return self.file_extension.upper()

    @property
    def size_label(self) -> str:
        return filesizeformat(self.get_file_size() or 0)
