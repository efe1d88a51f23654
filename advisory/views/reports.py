"""The advisory report page and its CSV export."""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from advisory.permissions import can_view_cases
from advisory.reports import build_report
from kb.dates import PeriodForm
from kb.spreadsheets import excel_csv


def default_start() -> date:
    """The first day of the month eleven months back: twelve months, this one included."""
    return (timezone.localdate().replace(day=1) - timedelta(days=335)).replace(day=1)


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
        form = PeriodForm(request.GET, default_start=default_start())
        if not form.is_valid():
            # No figures: those of another period would read as the figures of the one typed.
            return self.render_to_response(self.get_context_data(form=form))
        start, end = form.cleaned_data["fra"], form.cleaned_data["til"]
        sections = build_report(start, end)
        if request.GET.get("format") == "csv":
            return excel_csv(f"sagsrapport-{start}-{end}.csv", csv_rows(sections))
        return self.render_to_response(
            self.get_context_data(form=form, sections=sections, start=start, end=end)
        )


def csv_rows(sections):
    """Each section as a titled table, with an empty line after it."""
    for section in sections:
        yield [section.title]
        yield section.columns
        yield from ([_csv_value(value) for value in row] for row in section.rows)
        yield []


def _csv_value(value):
    return number_format(value) if isinstance(value, float) else value
