"""How an admin list names a range filter in force, above its results: Danish words for an open
end ("fra 1. januar 2026", "højst 5"), where Wagtail wrote "1. januar 2026 - vilkårlig"."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.active_filters import DateFromToRangeFilterAdapter, RangeFilterAdapter


class OpenEndsInWords:
    """A range from one value to another, or with one end open said in words."""

    from_only = _("mindst %(value)s")
    to_only = _("højst %(value)s")

    def get_active_filters(self):
        start, stop = self.value.start, self.value.stop
        if stop is None:
            words = self.from_only % {"value": self.format_value(start)}
        elif start is None:
            words = self.to_only % {"value": self.format_value(stop)}
        else:
            words = f"{self.format_value(start)} – {self.format_value(stop)}"
        for active_filter in super().get_active_filters():
            yield active_filter._replace(value=words)


class NumberRangeInWords(OpenEndsInWords, RangeFilterAdapter):
    pass


class DateRangeInWords(OpenEndsInWords, DateFromToRangeFilterAdapter):
    from_only = _("fra %(value)s")
    to_only = _("til og med %(value)s")
