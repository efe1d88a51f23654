from django.utils.translation import gettext as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.pages import CopyForm

from kb.dates import DanishDateTimeField
from kb.models.taxonomy import danish_slugify
from kb.removed_text import fields_with_removed_text, removed_text_message

# The publishing schedule ("Planlæg"): Wagtail's picker turned 31.02 into 03.03 and a word into
# now, without a word.
SCHEDULE_FIELDS = ("go_live_at", "expire_at")


class DanishSlugPageForm(WagtailAdminPageForm):
    """The web address as it will be saved (arranger-åbent-hus → arranger-aabent-hus), so the
    check that no other page beside it has it sees that address, not the one typed."""

    def clean_slug(self):
        return danish_slugify(self.cleaned_data["slug"])


class DanishSlugCopyForm(CopyForm):
    """The copy's web address as it will be saved, checked as above."""

    def clean_new_slug(self):
        return danish_slugify(self.cleaned_data["new_slug"])


class ArticlePageForm(DanishSlugPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in SCHEDULE_FIELDS:
            wagtails = self.fields[name]
            self.fields[name] = DanishDateTimeField(
                label=wagtails.label, help_text=wagtails.help_text, required=False
            )

    def clean(self):
        cleaned_data = super().clean()
        self.check_related_articles()
        if not self.is_deferred_validation:  # publishing or sending for approval, not a draft
            self.check_removed_text()
        return cleaned_data

    def check_related_articles(self) -> None:
        """Related material is other pages, each chosen once: said beside the choice, where
        Wagtail's own check named the fields in English."""
        seen = set()
        for form in self.formsets["related_articles"].forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            article = form.cleaned_data.get("article")
            if article is None:
                continue
            if article.pk == self.instance.pk:
                form.add_error(
                    "article", _("En side kan ikke være relateret materiale til sig selv.")
                )
            elif article.pk in seen:
                form.add_error(
                    "article", _("»%(title)s« er allerede valgt.") % {"title": article.title}
                )
            seen.add(article.pk)

    def check_removed_text(self) -> None:
        """No page goes out with "[fjernet]" in it, said beside the field that has it."""
        message = removed_text_message()
        for name in fields_with_removed_text(self.cleaned_data):
            self.add_error(name, message)


class FaqPageForm(ArticlePageForm):
    def clean(self):
        cleaned_data = super().clean()
        # The summary says what the answer gives; without a body the page has no answer.
        if not self.is_deferred_validation and "body" in cleaned_data and not cleaned_data["body"]:
            self.add_error("body", _("Skriv svaret, før spørgsmålet kan udgives."))
        return cleaned_data
