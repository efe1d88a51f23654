"""Dates as the admin takes them: typed the Danish way (dd.mm.åååå), kept as typed and, when
wrong, refused with a Danish error. A report's period and a list's period filter share them."""

from datetime import date, datetime, time, timedelta

import django_filters
from django_filters.fields import DateRangeField

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

INVALID_DATE = _("Skriv en gyldig dato som dd.mm.åååå, fx 05.03.2026.")
INVALID_DATE_TIME = _("Skriv en gyldig dato og tid som dd.mm.åååå tt:mm, fx 05.03.2026 14:30.")
ENDS_BEFORE_START = _("Slutdatoen må ikke ligge før startdatoen.")


class KeepsWhatWasTyped:
    """For Wagtail's pickers: on leaving the field they turned 31.02 into 03.03 and words into
    today, without a word. The form says what is wrong instead. And a picker opens only on a
    click in its field, and closes when the field is typed in or left (date-pickers.js)."""

    def get_config(self):
        # enterLikeTab moved the focus on, where Enter in a form's field sends the form.
        return {**super().get_config(), "validateOnBlur": False, "enterLikeTab": False}

    @property
    def media(self):
        return super().media + forms.Media(js=[forms.Script("kb/date-pickers.js", defer=True)])


class TypedDateInput(KeepsWhatWasTyped, AdminDateInput):
    pass


class TypedDateTimeInput(KeepsWhatWasTyped, AdminDateTimeInput):
    pass


# A date as Danes type it (05.03.2026, 5.3.26, 05/03/2026, 5/3-2026, 05-03-2026) or as a
# spreadsheet or a browser's own date field gives it (2026-03-05).
DATE_INPUT_FORMATS = [
    f"%d{day_and_month}%m{month_and_year}{year}"
    for day_and_month, month_and_year in ((".", "."), ("/", "/"), ("/", "-"), ("-", "-"))
    for year in ("%Y", "%y")
] + ["%Y-%m-%d"]
CLOCK_SUFFIXES = [
    f"{clock}%H{separator}%M" for clock in (" ", " kl. ", " kl ") for separator in (":", ".")
]

# Dates a person means: 01.01.0001 or 31.12.9999 would have a report count months by the
# thousand, or run off the end of the calendar.
YEARS = range(1900, 2101)


class DanishDateField(forms.DateField):
    widget = TypedDateInput
    input_formats = DATE_INPUT_FORMATS
    default_error_messages = {
        "invalid": INVALID_DATE,
        "year": _("Skriv et årstal mellem %(first)s og %(last)s."),
    }

    def validate(self, value):
        super().validate(value)
        if value and value.year not in YEARS:
            raise forms.ValidationError(
                self.error_messages["year"],
                code="year",
                params={"first": YEARS[0], "last": YEARS[-1]},
            )


class DanishDateTimeField(forms.DateTimeField):
    """A date and time as Danes write it: 05.03.2026 14:30, 14.30 or kl. 14.30, or just the
    date (midnight); the date in any of the ways DanishDateField takes it."""

    widget = TypedDateTimeInput
    default_error_messages = {"invalid": INVALID_DATE_TIME}
    input_formats = [
        day + clock for day in DATE_INPUT_FORMATS for clock in CLOCK_SUFFIXES
    ] + DATE_INPUT_FORMATS


def day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """The whole days from ``first`` to ``last`` in local time: from the start of ``first`` up
    to, not including, the start of the day after ``last``."""
    return (
        timezone.make_aware(datetime.combine(first, time.min)),
        timezone.make_aware(datetime.combine(last + timedelta(days=1), time.min)),
    )


class PeriodForm(forms.Form):
    """The period a report covers. An empty date is the report's default, shown in its field,
    so the period in effect is always visible."""

    fra = DanishDateField(label=_("Fra"))
    til = DanishDateField(label=_("Til og med"))

    def __init__(self, query, default_start: date):
        defaults = {"fra": default_start, "til": timezone.localdate()}
        super().__init__({name: query.get(name) or value for name, value in defaults.items()})

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("fra") and cleaned.get("til") and cleaned["fra"] > cleaned["til"]:
            self.add_error("til", ENDS_BEFORE_START)
        return cleaned


class PeriodRangeWidget(DateRangePickerWidget):
    """Wagtail's two dates, labelled "Fra" and "Til og med" as every admin date range is
    (templates/wagtailadmin/widgets/range_input.html), that keep what was typed."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.widgets = [TypedDateInput(attrs=widget.attrs) for widget in self.widgets]


class PeriodRangeField(DateRangeField):
    """From and to dates for a list's filter, with a report's errors."""

    widget = PeriodRangeWidget

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields:
            field.input_formats = DATE_INPUT_FORMATS
            field.error_messages["invalid"] = INVALID_DATE

    def compress(self, data_list):
        if data_list and all(data_list) and data_list[0] > data_list[1]:
            raise forms.ValidationError(ENDS_BEFORE_START)
        return super().compress(data_list)


class PeriodFilter(django_filters.DateFromToRangeFilter):
    """A list's filter on the days from one date to another, both included."""

    field_class = PeriodRangeField
