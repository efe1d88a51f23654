"""Admin reports over the query log: the most popular searches and the ones that found
nothing, over a chosen period, with a bar chart and CSV export."""

from datetime import datetime, time, timedelta

from django import forms
from django.db.models import Count, Max, QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kb.models import SearchQueryLog
from kb.spreadsheets import excel_csv

REPORT_LIMIT = 50
DEFAULT_DAYS = 30
KINDS = {
    "populaere": _("Populære søgninger"),
    "uden-resultater": _("Søgninger uden resultater"),
}


def date_field(label) -> forms.DateField:
    # A date input shows only an ISO date, whatever the language's date format.
    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    return forms.DateField(label=label, widget=widget)


class PeriodForm(forms.Form):
    """The period a report covers; the last 30 days unless chosen."""

    fra = date_field(_("Fra"))
    til = date_field(_("Til"))

    def __init__(self, query):
        # An empty date means the default, shown in the field so the period is always visible.
        today = timezone.localdate()
        defaults = {"fra": today - timedelta(days=DEFAULT_DAYS), "til": today}
        super().__init__({name: query.get(name) or value for name, value in defaults.items()})

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("fra") and cleaned.get("til") and cleaned["fra"] > cleaned["til"]:
            self.add_error("til", _("»Til« må ikke ligge før »Fra«."))
        return cleaned

    def period(self) -> tuple[datetime, datetime]:
        zone = timezone.get_current_timezone()
        return (
            datetime.combine(self.cleaned_data["fra"], time.min, tzinfo=zone),
            datetime.combine(self.cleaned_data["til"], time.max, tzinfo=zone),
        )


def report_rows(kind: str, start: datetime, end: datetime) -> QuerySet:
    """Queries in the period, most searched first, with counts and when last searched."""
    searches = SearchQueryLog.objects.filter(searched_at__range=(start, end))
    if kind == "uden-resultater":
        searches = searches.filter(result_count=0)
    return (
        searches.values("query")
        .annotate(searches=Count("id"), last_searched=Max("searched_at"))
        .order_by("-searches", "query")[:REPORT_LIMIT]
    )


def csv_row(row: dict) -> list:
    searched = timezone.localtime(row["last_searched"])
    return [row["query"], row["searches"], f"{searched:%Y-%m-%d %H:%M:%S}"]


def as_csv(rows, filename: str) -> HttpResponse:
    return excel_csv(f"{filename}.csv", [["søgning", "antal", "senest"], *map(csv_row, rows)])


def search_report(request, kind: str):
    if kind not in KINDS:
        raise Http404
    form = PeriodForm(request.GET)
    context = {"title": KINDS[kind], "kind": kind, "kinds": KINDS, "form": form}
    if not form.is_valid():
        return render(request, "search/admin/report.html", context)
    start, end = form.period()
    rows = list(report_rows(kind, start, end))
    if request.GET.get("format") == "csv":
        return as_csv(rows, f"soegninger-{kind}-{start:%Y-%m-%d}-{end:%Y-%m-%d}")
    most = max((row["searches"] for row in rows), default=1)
    for row in rows:
        row["share"] = round(100 * row["searches"] / most)
    return render(request, "search/admin/report.html", {**context, "rows": rows})
