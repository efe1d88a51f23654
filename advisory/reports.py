"""Figures for the advisory report over a period: volumes, response times and backlog."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import partial
from itertools import zip_longest
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.db.models import Aggregate, Count, DurationField, F, Min, Q
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from advisory.filters import NONE
from advisory.models import Case, Municipality, Region
from advisory.models.cases import Channel
from advisory.workflow import person_name
from kb.dates import day_bounds
from kb.models import Topic


class Percentile(Aggregate):
    """PostgreSQL's ``percentile_cont``: the value below which ``fraction`` of rows fall."""

    function = "percentile_cont"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"

    def __init__(self, expression, fraction: float, **extra):
        super().__init__(expression, fraction=fraction, output_field=DurationField(), **extra)


@dataclass
class Series:
    label: str
    style: str = ""


@dataclass
class Section:
    """One report: a chart (rows of labelled bars) and the same figures as a table."""

    key: str
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)
    #: Per row, the case list showing the row's cases; none where the list cannot pick them.
    links: list[str | None] = field(default_factory=list)

    def table(self):
        """The rows, each with its link or None."""
        return zip_longest(self.rows, self.links)

    def charted(self, row: list) -> list:
        """The figures of ``row`` that have bars: one per series; further columns are only
        in the table."""
        return row[1 : 1 + len(self.series)]

    @property
    def peak(self) -> float:
        values = [value for row in self.rows for value in self.charted(row)]
        return max((v for v in values if isinstance(v, int | float)), default=0) or 1

    def bars(self):
        for row in self.rows:
            yield (
                row[0],
                [
                    (serie, value, round(100 * (value or 0) / self.peak, 1))
                    for serie, value in zip(self.series, self.charted(row), strict=True)
                ],
            )


def _months(start: date, end: date) -> list[date]:
    """The months from ``start`` to ``end``, none after this one: it has nothing to show yet."""
    months, current, last = [], start.replace(day=1), min(end, timezone.localdate())
    while current <= last:
        months.append(current)
        current = (current + timedelta(days=32)).replace(day=1)
    return months


def _month_label(month: date) -> str:
    return date_format(month, "F Y").capitalize()


def volume_per_month(start: date, end: date) -> Section:
    since, until = day_bounds(start, end)
    opened = _count_by_month("opened_at", since, until)
    closed = _count_by_month("closed_at", since, until)
    section = Section(
        "maaned",
        _("Oprettede og lukkede sager pr. måned"),
        [_("Måned"), _("Oprettet"), _("Lukket")],
        series=[Series(_("Oprettet")), Series(_("Lukket"), "closed")],
    )
    for month in _months(start, end):
        section.rows.append([_month_label(month), opened.get(month, 0), closed.get(month, 0)])
    return section


def _count_by_month(field_name: str, since: datetime, until: datetime) -> dict[date, int]:
    rows = (
        Case.objects.filter(**{f"{field_name}__gte": since, f"{field_name}__lt": until})
        .annotate(month=TruncMonth(field_name))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {timezone.localtime(row["month"]).date(): row["count"] for row in rows}


def _breakdown(key, title, label, opened, group_by, labels=None, none=None, link=None) -> Section:
    """Cases by ``group_by``, most first, then by name; those without a value under ``none``
    (default "Ukendt"). ``link`` gives a row's value the case list of its cases, or None."""
    counts = opened.values(group_by).annotate(count=Count("pk")).order_by()
    rows = []
    for row in counts:
        value = row[group_by]
        name = labels.get(value, value) if labels else value
        rows.append((name or none or _("Ukendt"), row["count"], link(value) if link else None))
    section = Section(key, title, [label, _("Sager")], series=[Series(_("Sager"))])
    for name, count, case_list in sorted(rows, key=lambda row: (-row[1], row[0])):
        section.rows.append([name, count])
        section.links.append(case_list)
    return section


def case_list(start: date, end: date, **filters) -> str:
    """The address of the case list with the cases opened from ``start`` to ``end`` that the
    list's ``filters`` pick."""
    period = {"opened_at_from": start, "opened_at_to": end}
    query = {name: date_format(day, "d.m.Y") for name, day in period.items()}
    return f"{reverse('sager:index')}?{urlencode({**query, **filters})}"


def assignees(cases):
    """The users ``cases`` are assigned to."""
    return get_user_model().objects.filter(pk__in=cases.values("assignee"))


def _opened_between(start: date, end: date):
    since, until = day_bounds(start, end)
    return Case.objects.filter(opened_at__gte=since, opened_at__lt=until)


def response_times(start: date, end: date) -> Section:
    opened = _opened_between(start, end)
    figures = opened.aggregate(
        first_median=Percentile(F("first_response_at") - F("opened_at"), 0.5),
        first_p90=Percentile(F("first_response_at") - F("opened_at"), 0.9),
        close_median=Percentile(F("closed_at") - F("opened_at"), 0.5),
        close_p90=Percentile(F("closed_at") - F("opened_at"), 0.9),
        # The times above are of the cases that got that far: say how many have not.
        first_pending=Count("pk", filter=Q(first_response_at__isnull=True)),
        close_pending=Count("pk", filter=Q(closed_at__isnull=True)),
    )
    section = Section(
        "svartider",
        _("Svartider (dage) for sager oprettet i perioden"),
        [_("Mål"), _("Median"), _("90. percentil"), _("Sager, der ikke er nået dertil")],
        series=[Series(_("Median")), Series(_("90. percentil"), "closed")],
    )
    for label, prefix in ((_("Til første svar"), "first"), (_("Til lukning"), "close")):
        section.rows.append(
            [
                label,
                _days(figures[f"{prefix}_median"]),
                _days(figures[f"{prefix}_p90"]),
                figures[f"{prefix}_pending"],
            ]
        )
    return section


def _days(duration: timedelta | None) -> float | None:
    """Days to one decimal; None when no case got that far (shown as "–", not as 0 days)."""
    return None if duration is None else round(duration.total_seconds() / 86400, 1)


def backlog(start: date, end: date) -> Section:
    """Cases not yet answered or closed at the end of each month (or of the period, or now,
    if that comes first)."""
    now = timezone.now()
    period_end = day_bounds(start, end)[1]
    month_ends = {}
    for month in _months(start, end):
        next_month = (month + timedelta(days=32)).replace(day=1)
        month_ends[month] = day_bounds(month, next_month - timedelta(days=1))[1]
    moments = {month: min(month_end, period_end, now) for month, month_end in month_ends.items()}
    counts = Case.objects.aggregate(
        **{
            month.isoformat(): Count(
                "pk",
                filter=Q(opened_at__lt=moment)
                & (Q(first_response_at__isnull=True) | Q(first_response_at__gte=moment))
                & (Q(closed_at__isnull=True) | Q(closed_at__gte=moment)),
            )
            for month, moment in moments.items()
        }
    )
    section = Section(
        "ophobning",
        _("Ubesvarede sager ved udgangen af hver måned"),
        [_("Måned"), _("Ubesvarede")],
        series=[Series(_("Ubesvarede"))],
    )
    for month, moment in moments.items():
        label = _month_label(month)
        if moment == now:  # the month has not ended: counted as of now
            label = _("%(month)s (til nu)") % {"month": label}
        elif moment < month_ends[month]:  # the period ends within the month
            label = _("%(month)s (til og med %(day)s)") % {
                "month": label,
                "day": date_format(end, "j. F"),
            }
        section.rows.append([label, counts[month.isoformat()]])
    return section


def _from_the_first_case(start: date) -> date:
    """``start``, or the day of the first case if that is later: the months before it have
    nothing to show (a period from 2000 listed 300 empty months)."""
    first = Case.objects.aggregate(first=Min("opened_at"))["first"]
    return max(start, timezone.localtime(first).date()) if first else start


def build_report(start: date, end: date) -> list[Section]:
    start = _from_the_first_case(start)
    opened = _opened_between(start, end).with_place()
    cases = partial(case_list, start, end)
    return [
        volume_per_month(start, end),
        _breakdown(
            "emne",
            _("Sager efter emne"),
            _("Emne"),
            opened,
            "topic",
            dict(Topic.objects.filter(pk__in=opened.values("topic")).values_list("pk", "name")),
            none=_("Intet emne (ved ikke / andet)"),  # as the question form offers it
            link=lambda topic: cases(topic=topic or NONE),
        ),
        _breakdown(
            "kanal",
            _("Sager efter kanal"),
            _("Kanal"),
            opened,
            "channel",
            dict(Channel.choices),
            link=lambda channel: cases(channel=channel),
        ),
        _breakdown(
            "region",
            _("Sager efter region"),
            _("Region"),
            opened,
            "place_region",
            dict(Region.choices),
            link=lambda region: region and cases(region=region),
        ),
        _breakdown(
            "kommune",
            _("Sager efter kommune"),
            _("Kommune"),
            opened,
            "place_municipality",
            dict(Municipality.objects.values_list("pk", "name")),
            link=lambda municipality: municipality and cases(municipality=municipality),
        ),
        _breakdown(
            "sagsbehandler",
            _("Sager efter sagsbehandler"),
            _("Sagsbehandler"),
            opened,
            "assignee",
            {user.pk: person_name(user) for user in assignees(opened)},
            none=_("Ikke tildelt"),
            link=lambda user: cases(assignee=user or NONE),
        ),
        response_times(start, end),
        backlog(start, end),
    ]
