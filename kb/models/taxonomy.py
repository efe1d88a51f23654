from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.search import index

DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})


def danish_slugify(text: str) -> str:
    """A short name for URLs as the site writes them: æ, ø and å spelled ae, oe and aa
    (Digitalt værested → digitalt-vaerested), where Django's slugify would drop æ and ø."""
    return slugify(text.lower().translate(DANISH_LETTERS))


def short_name_field(max_length: int) -> models.SlugField:
    return models.SlugField(
        _("kort navn"),
        max_length=max_length,
        unique=True,
        blank=True,
        help_text=_(
            "Bruges i webadresser og filtre. Lad feltet stå tomt, så dannes det af navnet "
            "(æ, ø og å skrives ae, oe og aa)."
        ),
    )


class TaxonomyTerm(models.Model):
    """A named term that articles are tagged with; its short name is made from the name when
    the editor leaves it empty."""

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    def clean(self):
        made_from_name = not self.slug
        if made_from_name:
            max_length = self._meta.get_field("slug").max_length
            self.slug = danish_slugify(self.name)[:max_length].rstrip("-")
        # Checked here rather than left to the unique constraint, so the message can name the
        # short name even when it was made from the name and the field is still empty.
        in_use = type(self).objects.filter(slug=self.slug).exclude(pk=self.pk).first()
        if in_use and made_from_name:  # told at the name typed, not at the empty field
            message = _(
                "»%(name)s« har det korte navn »%(slug)s«, ligesom det, der allerede hedder "
                "»%(other)s«. Skriv et andet navn eller et andet kort navn."
            )
            params = {"name": self.name, "slug": self.slug, "other": in_use.name}
            self.slug = ""  # as typed: Django would tell the empty field it is in use too
            raise ValidationError({"name": ValidationError(message, params=params)})
        if in_use:
            message = _("Det korte navn »%(slug)s« er allerede i brug. Skriv et andet.")
            raise ValidationError({"slug": ValidationError(message, params={"slug": self.slug})})


class Topic(index.Indexed, TaxonomyTerm):
    """A subject shared by knowledge-base articles and advisory cases (opstart, frivillige, …)."""

    name = models.CharField(_("navn"), max_length=120)
    slug = short_name_field(max_length=80)
    description = models.TextField(_("beskrivelse"), blank=True)

    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.FilterField("slug"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("emne")
        verbose_name_plural = _("emner")


class Audience(TaxonomyTerm):
    """Who an article is written for: staff, volunteers, management or users."""

    name = models.CharField(_("navn"), max_length=80)
    slug = short_name_field(max_length=40)

    class Meta:
        ordering = ["name"]
        verbose_name = _("målgruppe")
        verbose_name_plural = _("målgrupper")
