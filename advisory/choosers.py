"""Wagtail's chooser for a case's organisation (logging a call, editing a case): a search by
name, town or kommune, quick from the keyboard, instead of a list of some 200 names."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.auth import permission_required
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets.chooser import BaseChooser

from advisory.models import Organisation
from advisory.views.search import word_in_fields

SEARCH_FIELDS = ["name", "city", "municipality__name"]


class OrganisationSearchForm(BaseFilterForm):
    """Every word in the name, the town or the kommune, spelled as the lists read it (an
    organisation is not in the search index that Wagtail's chooser searches)."""

    q = forms.CharField(
        label=_("Søg"),
        required=False,
        widget=forms.TextInput(
            attrs={"placeholder": _("Navn, by eller kommune"), "autofocus": True}
        ),
    )

    def filter(self, objects):
        query = self.cleaned_data.get("q", "")
        if words := query.split():
            objects = objects.filter(*(word_in_fields(word, SEARCH_FIELDS) for word in words))
            self.is_searching, self.search_query = True, query
        return objects


class OrganisationColumns:
    """The organisation's name and kommune: the name alone may not say which place it is."""

    filter_form_class = OrganisationSearchForm

    @property
    def title_column(self):
        column = super().title_column
        column.label = _("Navn")
        return column

    @property
    def columns(self):
        return [*super().columns, Column("municipality", label=_("Kommune"))]


class OrganisationChooseView(OrganisationColumns, ChooseView):
    pass


class OrganisationChooseResultsView(OrganisationColumns, ChooseResultsView):
    pass


class OrganisationChooser(BaseChooser):
    """Wagtail's chooser widget, with the script that keeps the keyboard's focus where it is
    needed (static/advisory/organisation-chooser.js)."""

    @property
    def media(self):
        script = forms.Script("advisory/organisation-chooser.js", defer=True)
        return super().media + forms.Media(js=[script])


class OrganisationChooserViewSet(ChooserViewSet):
    model = Organisation
    icon = "group"
    choose_one_text = _("Vælg organisation")
    choose_another_text = _("Vælg en anden organisation")
    edit_item_text = _("Ret organisationen")
    choose_view_class = OrganisationChooseView
    choose_results_view_class = OrganisationChooseResultsView
    base_widget_class = OrganisationChooser
    per_page = 20
    register_widget = False  # CaseForm names it: its class is made before the hooks run

    def get_object_list(self):
        return Organisation.objects.select_related("municipality")

    def construct_view(self, view_class, **kwargs):
        # Wagtail's choosers are open to every admin user; the organisations are the
        # secretariat's.
        view = super().construct_view(view_class, **kwargs)
        return permission_required("advisory.view_organisation")(view)


organisation_chooser_viewset = OrganisationChooserViewSet("organisation_chooser")
