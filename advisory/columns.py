"""Cells of the admin's tables."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column
from wagtail.admin.utils import set_query_params

from advisory.models import Case


class TextColumn(Column):
    """A cell rendered without a template: the case list is the secretariat's busiest page,
    and a template per cell costs more than the database work behind the whole list."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        return format_html("<td{}>{}</td>", self.attributes, "" if value is None else value)

    @property
    def attributes(self) -> str:
        """The cell's class, and its column's name, which a phone shows beside the value
        where the list is drawn as a card per row (advisory.css)."""
        classname = format_html(' class="{}"', self.classname) if self.classname else ""
        return format_html('{} data-label="{}"', classname, self.label)


class LinkColumn(TextColumn):
    """The value, linked to the row's own page: the URL named ``url_name``, for its pk; with
    ``next_url``, a form there leads back to that page once saved (Wagtail's ``next``)."""

    def __init__(self, name, url_name, next_url=None, **kwargs):
        super().__init__(name, **kwargs)
        self.url_name = url_name
        self.next_url = next_url

    def render_cell_html(self, instance, parent_context):
        url = reverse(self.url_name, args=[instance.pk])
        if self.next_url:
            url = set_query_params(url, {"next": self.next_url})
        return format_html(
            '<td{}><a href="{}">{}</a></td>', self.attributes, url, self.get_value(instance)
        )


# Danish short formats written out: Django's date_format costs more than the rest of a cell.
def opened_label(case: Case) -> str:
    return f"{localtime(case.opened_at):%d.%m.%Y %H:%M}"


def opened_day(case: Case) -> str:
    return f"{localtime(case.opened_at):%d.%m.%Y}"


def status_label(case: Case):
    """The status, and whether the requester has written since the last reply."""
    if getattr(case, "requester_wrote_last", False):
        return format_html(
            "{} · <strong>{}</strong>", case.get_status_display(), _("ny besked fra spørger")
        )
    return case.get_status_display()


def due_label(case: Case) -> str:
    """The deadline of an open case; an answered or closed case has none left to meet."""
    if case.due_date is None or not case.is_open:
        return ""
    label = f"{case.due_date:%d.%m.%Y}"
    return f"{label} – {_('overskredet')}" if case.is_overdue else label


def follow_up_label(case: Case) -> str:
    return "" if case.follow_up_date is None else f"{case.follow_up_date:%d.%m.%Y}"
