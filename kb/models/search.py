import re

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from kb.search.text import tokenize

# A semicolon is taken as a comma: nobody means a phrase with a semicolon inside.
SYNONYM_SEPARATOR_RE = re.compile(r"[,;]")


class Synonym(models.Model):
    """Words an editor says mean the same in a search: a query containing ``term`` also finds
    pages with any of the ``synonyms``. Applied to the query, so it works on every backend at
    once and needs no reindex."""

    term = models.CharField(
        _("søgeord"), max_length=100, unique=True, help_text=_("Fx volontør eller §18.")
    )
    synonyms = models.CharField(
        _("synonymer"),
        max_length=500,
        help_text=_("Adskil med komma, fx frivillig, frivillige. Kan være flere ord."),
    )

    panels = [FieldPanel("term"), FieldPanel("synonyms")]

    class Meta:
        ordering = ["term"]
        verbose_name = _("synonym")
        verbose_name_plural = _("synonymer")

    def __str__(self):
        return f"{self.term} → {self.synonyms}"

    @property
    def synonym_list(self) -> list[str]:
        words = SYNONYM_SEPARATOR_RE.split(self.synonyms)
        return [word.strip() for word in words if word.strip()]

    def clean(self):
        errors = {}
        words = tokenize(self.term)
        if self.synonyms and not self.synonym_list:  # an empty field is told it is required
            errors["synonyms"] = _("Skriv mindst ét synonym.")
        elif (
            words
            and self.synonym_list
            and all(tokenize(synonym) == words for synonym in self.synonym_list)
        ):
            errors["synonyms"] = _("Skriv et andet ord end søgeordet selv.")
        if self.term and not words:
            errors["term"] = _(
                "Søgeordet skal indeholde bogstaver eller tal: kun dem søges der på."
            )
        elif same_term := self.other_entry_for_same_term():
            errors["term"] = format_html(
                _(
                    "Der er allerede synonymer for »{term}«. "
                    '<a href="{url}">Tilføj dem dér</a> i stedet.'
                ),
                term=same_term.term,
                url=reverse("wagtailsnippets_kb_synonym:edit", args=[same_term.pk]),
            )
        if errors:
            raise ValidationError(errors)

    def other_entry_for_same_term(self) -> "Synonym | None":
        """Another entry the search reads as the same term: terms are looked up as lower-cased
        words ("Volontør" is "volontør"), and one entry would silently override the other."""
        words = tokenize(self.term)
        others = Synonym.objects.exclude(pk=self.pk)
        return next((other for other in others if tokenize(other.term) == words), None)


class SearchTerm(models.Model):
    """A word that occurs in published material, with its Danish stem: the vocabulary that
    folding (vaerested → værested) and typo correction (frivilig → frivillig) choose from."""

    word = models.CharField(max_length=100, unique=True)
    stem = models.CharField(max_length=100, db_index=True)
    frequency = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("søgeordsforråd")

    def __str__(self):
        return self.word


class SearchQueryLog(models.Model):
    """One search made on the site: the normalised query and how many results it had. Nothing
    about who searched is stored."""

    query = models.CharField(_("søgning"), max_length=255, db_index=True)
    result_count = models.PositiveIntegerField(_("antal resultater"))
    backend = models.CharField(_("søgemaskine"), max_length=40)
    searched_at = models.DateTimeField(_("tidspunkt"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-searched_at"]
        verbose_name = _("søgning")
        verbose_name_plural = _("søgelog")

    def __str__(self):
        return self.query


class SearchPosting(models.Model):
    """One word of one entry in the database search index, with how strongly it counts there.

    Kept by a trigger on modelsearch's index table (see migration 0005), so ranking reads a
    few index rows per word instead of every matching page's text vector."""

    content_type_id = models.IntegerField()
    # Byte order: grouping and joining on it is then plain comparison, no language rules.
    object_id = models.CharField(max_length=50, db_collation="C")
    lexeme = models.TextField()
    weight = models.FloatField()

    class Meta:
        indexes = [
            models.Index(
                fields=["lexeme"],
                include=["content_type_id", "object_id", "weight"],
                name="posting_lexeme",
            ),
            models.Index(fields=["content_type_id", "object_id"], name="posting_entry"),
        ]

    def __str__(self):
        return self.lexeme
