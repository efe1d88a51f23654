"""The panel on the Wagtail admin home: my open cases, unassigned cases, overdue cases, cases
waiting for the requester (longest first) and cases due for follow-up. Each group links to the
case list filtered to the same cases."""

from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlencode

from django.db.models import F, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component

from advisory.filters import FOLLOW_UP_DUE, OVERDUE
from advisory.models import Case
from advisory.models.cases import CLOCK_RUNNING, OPEN_STATUSES, Status

SHOWN = 5


@dataclass
class Group:
    key: str
    title: Promise
    cases: QuerySet
    query: list[tuple[str, object]]
    date_field: str = "due_date"
    date_label: Promise = _("frist")

    def as_context(self, index_url: str) -> dict:
        return {
            "key": self.key,
            "title": self.title,
            "count": self.cases.count(),
            "cases": [(case, self.day_of(case)) for case in self.cases[:SHOWN]],
            "date_label": self.date_label,
            "url": f"{index_url}?{urlencode(self.query)}",
        }

    def day_of(self, case: Case) -> date | None:
        value = getattr(case, self.date_field)
        return timezone.localdate(value) if isinstance(value, datetime) else value


class CasesPanel(Component):
    name = "advisory_cases"
    template_name = "advisory/admin/dashboard_panel.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        index = reverse("sager:index")
        return {"groups": [group.as_context(index) for group in self.groups()]}

    def groups(self) -> list[Group]:
        by_due_date = Case.objects.order_by("due_date", "opened_at")
        open_filter = [("status", status) for status in OPEN_STATUSES]
        # Waiting cases need nothing from the secretariat until the requester answers.
        clock_running = [("status", status) for status in CLOCK_RUNNING]
        return [
            Group(
                "mine",
                _("Mine åbne sager"),
                by_due_date.open().filter(assignee=self.user),
                [*open_filter, ("assignee", self.user.pk)],
            ),
            Group(
                "unassigned",
                _("Ikke tildelt"),
                by_due_date.filter(status__in=CLOCK_RUNNING, assignee__isnull=True),
                [*clock_running, ("assignee", "null"), ("ordering", "open_due_date")],
            ),
            Group(
                "overdue",
                _("Overskredet svarfrist"),
                Case.objects.overdue().order_by("due_date", "opened_at"),
                [("overdue", OVERDUE), ("ordering", "open_due_date")],
            ),
            Group(
                "waiting",
                _("Venter på spørger"),
                Case.objects.filter(status=Status.WAITING).order_by(
                    F("waiting_since").asc(nulls_last=True), "opened_at"
                ),
                [("status", Status.WAITING)],
                date_field="waiting_since",
                date_label=_("siden"),
            ),
            Group(
                "follow_up",
                _("Til opfølgning"),
                Case.objects.follow_up_due().order_by("follow_up_date", "opened_at"),
                [("follow_up", FOLLOW_UP_DUE), ("ordering", "follow_up_date")],
                date_field="follow_up_date",
                date_label=_("følg op"),
            ),
        ]
