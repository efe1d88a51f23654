"""The admin form for editor's picks (Wagtail's search promotions), narrowed to picks that can
show: a search lists published, public articles and nothing else, so a page picked must be
one. Without this, a pick of a draft or of a section page was saved and never seen."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.widgets import AdminPageChooser
from wagtail.contrib.search_promotions import forms as wagtail_forms

from kb.models import ArticlePage
from kb.search.visibility import shown_now


class PickForm(wagtail_forms.SearchPromotionForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page"].widget = AdminPageChooser(target_models=ArticlePage.__subclasses__())
        # The model field has no verbose name: its label, made from the field's name, is the
        # one English word here that the locale catalogue cannot reach.
        self.fields["external_link_text"].label = _("Tekst til eksternt link")

    def clean_page(self):
        page = self.cleaned_data.get("page")
        # A pick saved before its page was unpublished stays as it is: it shows again when the
        # page is published again, and must not stop the editor saving the other picks.
        if page is None or "page" not in self.changed_data:
            return page
        article = ArticlePage.objects.filter(pk=page.pk)
        if not article.exists():
            problem = _(
                "»%(title)s« er ikke en artikel. Søgningen viser kun metoder, publikationer, "
                "vejledninger og spørgsmål og svar."
            )
        elif not article.live().exists():
            problem = _(
                "»%(title)s« er ikke udgivet og vises derfor ikke i søgningen. Vælg den, når den "
                "er udgivet."
            )
        elif not shown_now(article).exists():
            problem = _("»%(title)s« er kun for dem med adgang og vises derfor ikke i søgningen.")
        else:
            return page
        raise forms.ValidationError(problem, params={"title": page.title})


class PickFormSet(wagtail_forms.SearchPromotionsFormSet):
    form = PickForm

    def clean(self):
        super().clean()
        # Wagtail's banner above the form says only what the formset says: without this, a
        # pick's own error left it empty but for "Gå til den første fejl".
        if any(form.errors and not form.cleaned_data.get("DELETE") for form in self.forms):
            raise forms.ValidationError(_("Et fremhævet søgeresultat skal rettes. Se nedenfor."))


def install() -> None:
    """Wagtail's views look the formset up in its forms module on every request."""
    wagtail_forms.SearchPromotionsFormSet = PickFormSet
