from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.search import index


class Topic(index.Indexed, models.Model):
    """A subject shared by knowledge-base articles and advisory cases (opstart, frivillige, …)."""

    slug = models.SlugField(_("kort navn"), max_length=80, unique=True)
    name = models.CharField(_("navn"), max_length=120)
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

    def __str__(self):
        return self.name


class Audience(models.Model):
    """Who an article is written for: staff, volunteers, management or users."""

    slug = models.SlugField(_("kort navn"), max_length=40, unique=True)
    name = models.CharField(_("navn"), max_length=80)

    class Meta:
        ordering = ["name"]
        verbose_name = _("målgruppe")
        verbose_name_plural = _("målgrupper")

    def __str__(self):
        return self.name
