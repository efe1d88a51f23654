"""The admin lists' CSV and XLSX exports as the secretariat opens them in Danish Excel: dates
and times written the Danish way and in Danish time, yes/no in words, a BOM and ";" in the
CSV, and a named sheet with columns as wide as their text in the workbook."""

import csv
from datetime import date, datetime
from io import BytesIO

from openpyxl import load_workbook

from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.mixins import Echo

from kb.spreadsheets import BOM, DELIMITER, as_text

OPENPYXL_DAY, XLSX_DAY = "yyyy-mm-dd", "dd.mm.yyyy"
XLSX_WIDEST = 60  # characters: a wider column would push the next ones off the screen


def local_minute(value: datetime) -> datetime:
    """Spreadsheets have no time zones: the Danish wall-clock time, to the minute."""
    return localtime(value).replace(tzinfo=None, second=0, microsecond=0)


def yes_or_no(value: bool) -> str:
    return str(_("Ja") if value else _("Nej"))


class DanishExportMixin:
    sheet_title = ""

    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        datetime: {
            IndexView.FORMAT_CSV: lambda value: f"{local_minute(value):%d.%m.%Y %H:%M}",
            IndexView.FORMAT_XLSX: local_minute,
        },
        date: {IndexView.FORMAT_CSV: lambda value: f"{value:%d.%m.%Y}"},
        bool: {IndexView.FORMAT_CSV: yes_or_no, IndexView.FORMAT_XLSX: yes_or_no},
    }

    def get_filename(self):
        """The list's name and the day it was taken (sager-2026-11-29), so exports saved on
        different days do not overwrite each other."""
        return f"{super().get_filename()}-{localtime():%Y-%m-%d}"

    def stream_csv(self, queryset):
        """Wagtail's CSV as Danish Excel reads it, like the reports': a BOM (for æ, ø and å)
        and ";" between fields."""
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export, delimiter=DELIMITER)
        headings = {field: self.get_heading(queryset, field) for field in self.list_export}
        yield BOM
        yield writer.writerow(headings)
        for item in queryset:
            row = {field: as_text(value) for field, value in self.to_row_dict(item).items()}
            yield self.write_csv_row(writer, row)

    def write_xlsx(self, queryset, output):
        """Wagtail's workbook with the sheet named, days written the Danish way (05.03.2026)
        like the times, and each column as wide as its text."""
        written = BytesIO()
        super().write_xlsx(queryset, written)
        workbook = load_workbook(written)
        sheet = workbook.active
        sheet.title = str(self.sheet_title)
        for column in sheet.iter_cols():
            for cell in column[1:]:
                if cell.is_date and cell.number_format == OPENPYXL_DAY:
                    cell.number_format = XLSX_DAY
            widest = max(len(str(cell.value or "")) for cell in column)
            sheet.column_dimensions[column[0].column_letter].width = min(widest + 2, XLSX_WIDEST)
        workbook.save(output)
