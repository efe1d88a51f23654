"""The panel on the Wagtail admin home: my open cases, unassigned cases and overdue cases."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component

from advisory.filters import OVERDUE
from advisory.models import Case
from advisory.models.cases import OPEN_STATUSES

SHOWN = 5


class CasesPanel(Component):
    name = "advisory_cases"
    template_name = "advisory/admin/dashboard_panel.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        open_cases = Case.objects.open().order_by("due_date", "opened_at")
        open_filter = [("status", status) for status in OPEN_STATUSES]
        groups = [
            (
                "mine",
                _("Mine åbne sager"),
                open_cases.filter(assignee=self.user),
                [*open_filter, ("assignee", self.user.pk)],
            ),
            (
                "unassigned",
                _("Ikke tildelt"),
                open_cases.filter(assignee__isnull=True),
                [*open_filter, ("assignee", "null")],
            ),
            (
                "overdue",
                _("Overskredet svarfrist"),
                Case.objects.overdue().order_by("due_date"),
                [("overdue", OVERDUE)],
            ),
        ]
        index = reverse("sager:index")
        return {
            "groups": [
                {
                    "key": key,
                    "title": title,
                    "count": cases.count(),
                    "cases": list(cases[:SHOWN]),
                    "url": f"{index}?{urlencode(query)}",
                }
                for key, title, cases, query in groups
            ]
        }
