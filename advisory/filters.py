"""The filters of the admin case list."""

import django_filters

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from advisory.models import Case, Region
from advisory.models.cases import Channel, Status
from advisory.roles import SECRETARIAT
from kb.models import Topic

OVERDUE = "overskredet"


def staff_users(request=None):
    return get_user_model().objects.filter(groups__name=SECRETARIAT).order_by("first_name")


class CaseFilterSet(WagtailFilterSet):
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"),
        choices=Status.choices,
        widget=forms.CheckboxSelectMultiple,
        distinct=False,  # no joins, so no duplicates; DISTINCT would slow the count down
    )
    overdue = django_filters.ChoiceFilter(
        label=_("Svarfrist"),
        choices=[(OVERDUE, _("Kun overskredne"))],
        empty_label=_("Alle"),
        widget=forms.RadioSelect,
        method="filter_overdue",
    )
    assignee = django_filters.ModelChoiceFilter(
        label=_("Sagsbehandler"), queryset=staff_users, null_label=_("Ikke tildelt")
    )
    topic = django_filters.ModelChoiceFilter(label=_("Emne"), queryset=Topic.objects.all())
    channel = django_filters.ChoiceFilter(
        label=_("Kanal"), choices=Channel.choices, widget=forms.RadioSelect, empty_label=_("Alle")
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"),
        field_name="organisation__municipality__region",
        choices=Region.choices,
        empty_label=_("Alle"),
    )
    # A name search rather than a list of every organisation: quicker to use and to render.
    organisation = django_filters.CharFilter(
        label=_("Organisation"), field_name="organisation__name", lookup_expr="icontains"
    )
    opened_at = django_filters.DateFromToRangeFilter(
        label=_("Oprettet i perioden"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Case
        fields = []

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue() if value == OVERDUE else queryset
