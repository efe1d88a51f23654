"""Wagtail's document listing and multiple upload, telling editors which files' text could not
be read: search cannot find words inside those, and the edit page alone said so."""

import django_filters

from django import forms
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_permission_policy
from wagtail.documents.views import documents, multiple

from kb.list_columns import WIDE_ONLY


class DocumentFilterSet(documents.DocumentsFilterSet):
    searchable_text = django_filters.ChoiceFilter(
        label=_("Søgbar tekst"),
        choices=[("nej", _("Kun dem, hvis tekst ikke kunne læses"))],
        empty_label=_("Alle"),
        widget=forms.RadioSelect,
        method="filter_unreadable",
    )

    def filter_unreadable(self, queryset, name, value):
        return queryset.exclude(extraction_error="") if value else queryset


class DocumentIndexView(documents.IndexView):
    filterset_class = DocumentFilterSet

    @cached_property
    def columns(self):
        columns = super().columns
        title = next(column for column in columns if column.name == "title")
        # Under the title of a file whose text could not be read, a line saying so: no column,
        # which a phone has no room for.
        title.cell_template_name = "kb/admin/document_title_cell.html"
        # On a phone the title keeps the room: the file's name and its date are left out.
        for column in columns:
            if column.name in ("filename", "created_at"):
                column.classname = WIDE_ONLY
        file = next(column for column in columns if column.name == "filename")
        file.cell_template_name = "kb/admin/document_file_cell.html"
        return columns


class AddDocumentsView(multiple.AddView):
    # Each uploaded file's form says at once when its text could not be read.
    edit_form_template_name = "kb/admin/document_upload_form.html"


def document_text_status(request):
    """The warning about a document whose text could not be read, for the page editor to show
    beside it once chosen (kb.panels.DocumentPanel); nothing for a document search can read."""
    pk = request.GET.get("id", "")
    if not pk.isdigit():
        raise Http404
    choosable = get_permission_policy().instances_user_has_permission_for(request.user, "choose")
    document = get_object_or_404(choosable, pk=pk)
    return TemplateResponse(request, "kb/admin/document_text_status.html", {"document": document})
