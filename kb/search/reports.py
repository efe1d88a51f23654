"""Admin reports over the query log: the most popular searches and the ones that found
nothing, over a chosen period, with a bar chart and CSV export."""

import csv
from datetime import datetime, time, timedelta

from django import forms
from django.db.models import Count, Max, QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kb.models import SearchQueryLog

REPORT_LIMIT = 50
DEFAULT_DAYS = 30
KINDS = {
    "populaere": _("Populære søgninger"),
    "uden-resultater": _("Søgninger uden resultater"),
}


class PeriodForm(forms.Form):
    """The period a report covers; the last 30 days unless chosen."""

    fra = forms.DateField(label=_("Fra"), required=False, widget=forms.DateInput({"type": "date"}))
    til = forms.DateField(label=_("Til"), required=False, widget=forms.DateInput({"type": "date"}))

    def period(self) -> tuple[datetime, datetime]:
        today = timezone.localdate()
        data = self.cleaned_data if self.is_valid() else {}
        first = data.get("fra") or today - timedelta(days=DEFAULT_DAYS)
        last = data.get("til") or today
        zone = timezone.get_current_timezone()
        return (
            datetime.combine(first, time.min, tzinfo=zone),
            datetime.combine(last, time.max, tzinfo=zone),
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


def as_csv(rows, filename: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    writer = csv.writer(response)
    writer.writerow(["søgning", "antal", "senest"])
    for row in rows:
        writer.writerow([row["query"], row["searches"], row["last_searched"].isoformat()])
    return response


def search_report(request, kind: str):
    if kind not in KINDS:
        raise Http404
    form = PeriodForm(request.GET)
    start, end = form.period()
    rows = list(report_rows(kind, start, end))
    if request.GET.get("format") == "csv":
        return as_csv(rows, f"soegninger-{kind}-{start:%Y-%m-%d}-{end:%Y-%m-%d}")
    most = max((row["searches"] for row in rows), default=1)
    for row in rows:
        row["share"] = round(100 * row["searches"] / most)
    context = {"title": KINDS[kind], "kind": kind, "kinds": KINDS, "form": form, "rows": rows}
    return render(request, "search/admin/report.html", context)
