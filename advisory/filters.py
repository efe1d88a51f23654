"""The filters of the admin case list."""

import django_filters
from django_filters.conf import settings as filter_settings
from django_filters.fields import ModelChoiceField

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet

from advisory.models import Case, Municipality, Organisation, Region
from advisory.models.cases import Channel, Status
from advisory.spelling import spelled_as
from advisory.workflow import person_name
from kb.dates import PeriodFilter
from kb.models import Topic

OVERDUE = "overskredet"
FOLLOW_UP_DUE = "nu"
#: What a choice filter takes for "none of them" ("Ikke tildelt", "Intet emne").
NONE = filter_settings.NULL_CHOICE_VALUE


def case_handlers(request=None):
    """Everyone who may work on cases, and everyone who has a case now (such as a superuser
    who took one, or someone who has left), so that filtering on any case's assignee works."""
    holders = Q(pk__in=Case.objects.values("assignee"))
    return people(may_take_cases() | holders)


def active_case_handlers():
    """Those a case can be given to: active users who may work on cases."""
    return people(may_take_cases())


def may_take_cases() -> Q:
    may_change = Permission.objects.filter(
        content_type__app_label="advisory", codename="change_case"
    )
    may_work = (
        Q(is_superuser=True)
        | Q(groups__permissions__in=may_change)
        | Q(user_permissions__in=may_change)
    )
    return Q(is_active=True) & may_work


def people(condition: Q):
    return (
        get_user_model()
        .objects.filter(condition)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class NamedChoiceField(ModelChoiceField):
    """Objects, or none of them under ``null_label`` ("Ikke tildelt"), named so also in the
    list's chip for a chosen filter: the chip passes the choice of none as its value ("null")."""

    def label_from_instance(self, obj):
        return str(self.null_label) if obj == self.null_value else self.name(obj)

    def name(self, obj) -> str:
        return str(obj)


class NamedChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = NamedChoiceField


class PersonChoiceField(NamedChoiceField):
    """Users by full name ("Rikke Anmelder"), not by login name."""

    def name(self, obj) -> str:
        return person_name(obj)


class PersonFilter(NamedChoiceFilter):
    field_class = PersonChoiceField


class OnlyFilter(django_filters.ChoiceFilter):
    """All cases ("Alle"), or only those a CaseQuerySet method picks; ``value`` stands for
    them in the address (the dashboard's links use it)."""

    def __init__(self, value: str, only_label, queryset_method: str, **kwargs):
        self.queryset_method = queryset_method
        super().__init__(
            choices=[(value, only_label)], empty_label=_("Alle"), widget=forms.RadioSelect, **kwargs
        )

    def filter(self, queryset, value):
        return getattr(queryset, self.queryset_method)() if value else queryset


class CaseFilterForm(forms.Form):
    """The case list's filter menu, with the script that marks its fields invalid, or valid again,
    as the list refreshes while someone types in it."""

    class Media:
        js = [forms.Script("advisory/filter-errors.js", defer=True)]  # runs on the parsed menu


class CaseFilterSet(WagtailFilterSet):
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"),
        choices=Status.choices,
        widget=forms.CheckboxSelectMultiple,
        distinct=False,  # no joins, so no duplicates; DISTINCT would slow the count down
    )
    overdue = OnlyFilter(OVERDUE, _("Kun overskredne"), "overdue", label=_("Svarfrist"))
    follow_up = OnlyFilter(
        FOLLOW_UP_DUE, _("Kun dem, der skal følges op nu"), "follow_up_due", label=_("Opfølgning")
    )
    assignee = PersonFilter(
        label=_("Sagsbehandler"),
        queryset=case_handlers,
        null_label=_("Ikke tildelt"),
        empty_label=_("Alle"),
    )
    topic = NamedChoiceFilter(
        label=_("Emne"),
        queryset=Topic.objects.all(),
        empty_label=_("Alle"),
        null_label=_("Intet emne"),
    )
    channel = django_filters.ChoiceFilter(
        label=_("Kanal"), choices=Channel.choices, widget=forms.RadioSelect, empty_label=_("Alle")
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"), choices=Region.choices, empty_label=_("Alle"), method="filter_region"
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Kommune"),
        queryset=Municipality.objects.all(),
        empty_label=_("Alle"),
        method="filter_municipality",
    )
    # A name search rather than a list of every organisation: quicker to use and to render.
    organisation = django_filters.CharFilter(
        label=_("Organisation"),
        method="filter_organisation",
        help_text=_("En del af navnet, eller hele navnet i anførselstegn."),
    )
    opened_at = PeriodFilter(label=_("Oprettet i perioden"))

    class Meta:
        model = Case
        form = CaseFilterForm
        fields = []

    # A member's region and kommune, else those the requester gave, as the report counts them.
    def filter_region(self, queryset, name, value):
        return queryset.with_place().filter(place_region=value)

    def filter_municipality(self, queryset, name, value):
        return queryset.with_place().filter(place_municipality=value.pk)

    def filter_organisation(self, queryset, name, value):
        """Cases of every organisation, member or not, whose name contains what was typed,
        spelled as the search box reads it (see advisory.spelling); a whole name in quotes (as
        an organisation's page links here) finds that member's cases only."""
        if len(value) > 2 and value.startswith('"') and value.endswith('"'):
            return queryset.filter(organisation__name=value[1:-1])
        return queryset.filter(
            spelled_as("organisation__name", value) | spelled_as("other_organisation", value)
        )


class OrganisationFilterSet(WagtailFilterSet):
    region = django_filters.ChoiceFilter(
        label=_("Region"),
        field_name="municipality__region",
        choices=Region.choices,
        empty_label=_("Alle"),
    )

    class Meta:
        model = Organisation
        fields = ["kind", "is_member", "active"]
