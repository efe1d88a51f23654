"""What the secretariat's lists share on a phone."""

from django.utils.functional import cached_property
from django.utils.html import format_html

from wagtail.admin.widgets import HeaderButton


class CompactAddButtonMixin:
    """A list whose add button shows only its icon on a phone, where its label would cover the
    list's title; the label stays for screen readers (advisory.css)."""

    @cached_property
    def add_button(self):
        label = format_html('<span class="list-add__label">{}</span>', self.add_item_label)
        return HeaderButton(label, url=self.add_url, icon_name="plus", classname="list-add")
