"""The advisory report page and its CSV export."""

from datetime import timedelta

from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateInput

from advisory.permissions import can_view_cases
from advisory.reports import build_report
from kb.spreadsheets import excel_csv


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("Fra"), widget=AdminDateInput)
    end = forms.DateField(label=_("Til og med"), widget=AdminDateInput)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            raise forms.ValidationError(_("Perioden skal starte før den slutter."))
        return cleaned


def default_period():
    today = timezone.localdate()
    return {"start": (today.replace(day=1) - timedelta(days=335)).replace(day=1), "end": today}


class ReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "advisory/admin/report.html"
    page_title = _("Rapport over sager")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_cases(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Hjem")},
            {"url": reverse("sager:index"), "label": _("Sager")},
            {"url": "", "label": self.page_title},
        ]

    def get(self, request, *args, **kwargs):
        form = PeriodForm(request.GET if "start" in request.GET else None, initial=default_period())
        period = form.cleaned_data if form.is_bound and form.is_valid() else default_period()
        sections = build_report(period["start"], period["end"])
        if request.GET.get("format") == "csv":
            return self.csv_response(sections, period)
        return self.render_to_response(
            self.get_context_data(form=form, sections=sections, period=period)
        )

    def csv_response(self, sections, period):
        filename = f"sagsrapport-{period['start']}-{period['end']}.csv"
        return excel_csv(filename, csv_rows(sections))


def csv_rows(sections):
    """Each section as a titled table, with an empty line after it."""
    for section in sections:
        yield [section.title]
        yield section.columns
        yield from ([_csv_value(value) for value in row] for row in section.rows)
        yield []


def _csv_value(value):
    return number_format(value) if isinstance(value, float) else value
