from pathlib import PurePath

from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.search import index

from kb.text_extraction import extract_text


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

    def save(self, *args, **kwargs):
        if self.file and self.file.name != getattr(self, "_stored_file_name", None):
            self.read_text()
        super().save(*args, **kwargs)
        self._stored_file_name = self.file.name

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
