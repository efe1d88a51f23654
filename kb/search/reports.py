"""Admin reports over the query log: the most popular searches and the ones that found
nothing, over a chosen period, with a bar chart and CSV export."""

from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kb.dates import PeriodForm, day_bounds
from kb.models import SearchQueryLog
from kb.search.query import parse
from kb.search.results import matching_ids
from kb.spreadsheets import excel_csv

REPORT_LIMIT = 50
DEFAULT_DAYS = 30
ZERO_RESULTS = "uden-resultater"
KINDS = {
    "populaere": _("Populære søgninger"),
    ZERO_RESULTS: _("Søgninger uden resultater"),
}


def searches_in(kind: str, start: datetime, end: datetime) -> QuerySet:
    searches = SearchQueryLog.objects.filter(searched_at__gte=start, searched_at__lt=end)
    return searches.filter(result_count=0) if kind == ZERO_RESULTS else searches


def report_rows(searches: QuerySet) -> QuerySet:
    """Every query searched, the most searched first (of as many, the latest first), with
    counts and when last searched."""
    return (
        searches.values("query")
        .annotate(searches=Count("id"), last_searched=Max("searched_at"))
        .order_by("-searches", "-last_searched", "query")
    )


def csv_row(row: dict, with_found_now: bool) -> list:
    searched = timezone.localtime(row["last_searched"])
    cells = [row["query"], row["searches"], f"{searched:%d.%m.%Y %H:%M}"]
    if with_found_now:
        cells.append(_("Ja") if finds_something_now(row["query"]) else _("Nej"))
    return cells


def as_csv(rows, filename: str, with_found_now: bool) -> HttpResponse:
    """The report's rows as a CSV file, in the columns the page shows apart from the chart."""
    headings = [_("Søgning"), _("Antal"), _("Senest")]
    if with_found_now:
        headings.append(_("Finder nu"))
    return excel_csv(f"{filename}.csv", [headings, *(csv_row(row, with_found_now) for row in rows)])


def finds_something_now(query: str) -> bool:
    """Whether a search that found nothing finds something today: after a synonym or a page
    was added for it, the editor sees that it is taken care of."""
    return bool(matching_ids(parse(query), limit=1))


def can_read_searches(user) -> bool:
    """Editors and administrators: what people type may name a person."""
    return user.has_perm("kb.view_searchquerylog")


def search_report(request, kind: str):
    if not can_read_searches(request.user):
        raise PermissionDenied
    if kind not in KINDS:
        raise Http404
    form = PeriodForm(
        request.GET, default_start=timezone.localdate() - timedelta(days=DEFAULT_DAYS)
    )
    context = {
        "title": KINDS[kind],
        "kind": kind,
        "kinds": KINDS,
        "form": form,
        "shows_found_now": kind == ZERO_RESULTS,
        # What the editor can do about a search that found nothing, from its row.
        "can_add_synonym": kind == ZERO_RESULTS and request.user.has_perm("kb.add_synonym"),
        "can_add_pick": kind == ZERO_RESULTS
        and request.user.has_perm("wagtailsearchpromotions.add_searchpromotion"),
    }
    if not form.is_valid():
        return render(request, "search/admin/report.html", context)
    first, last = form.cleaned_data["fra"], form.cleaned_data["til"]
    searches = searches_in(kind, *day_bounds(first, last))
    if request.GET.get("format") == "csv":  # every query, where the page shows the first
        rows = report_rows(searches).iterator()
        filename = f"soegninger-{kind}-{first:%Y-%m-%d}-{last:%Y-%m-%d}"
        return as_csv(rows, filename, context["shows_found_now"])
    rows = list(report_rows(searches)[:REPORT_LIMIT])
    most = max((row["searches"] for row in rows), default=1)
    for row in rows:
        row["share"] = round(100 * row["searches"] / most)
        if context["shows_found_now"]:
            row["found_now"] = finds_something_now(row["query"])
    different = searches.values("query").distinct().count() if len(rows) == REPORT_LIMIT else 0
    return render(
        request, "search/admin/report.html", {**context, "rows": rows, "different": different}
    )
