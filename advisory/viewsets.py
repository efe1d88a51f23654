"""The case tracker in the Wagtail admin: cases, organisations, contacts and standard replies,
grouped under one menu item ("Rådgivning")."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.models import formfield_for_dbfield as wagtail_formfield
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

import advisory.permissions  # noqa: F401 - registers the case permission policy
from advisory import views
from advisory.columns import (
    LinkColumn,
    TextColumn,
    due_label,
    follow_up_label,
    opened_label,
    status_label,
)
from advisory.filters import CaseFilterSet, OrganisationFilterSet
from advisory.forms import CaseEditForm, CaseIntakeForm
from advisory.models import Case, Contact, Organisation, ReplyTemplate
from advisory.workflow import person_name
from kb.list_columns import WIDE_ONLY

#: A column of typed words and names whose long compounds ("Bestyrelsesansvarsforsikring") break
#: where the list is tight, rather than push its last columns out of view (advisory.css).
BREAKS_LONG_WORDS = "list-column-breaks-words"


class CaseViewSet(ModelViewSet):
    model = Case
    name = "sager"
    icon = "help"
    menu_label = _("Sager")
    menu_order = 100
    index_view_class = views.CaseIndexView
    add_view_class = views.CaseCreateView
    edit_view_class = views.CaseEditView
    copy_view_enabled = False
    list_per_page = 25
    ordering = "-opened_at"
    list_display = [
        LinkColumn(
            "reference", url_name="sager:detail", label=_("Reference"), sort_key="reference"
        ),
        TextColumn(
            "subject", label=_("Emnelinje"), sort_key="subject", classname=BREAKS_LONG_WORDS
        ),
        TextColumn(
            "organisation",
            label=_("Organisation"),
            accessor="organisation_label",
            sort_key="organisation__name",
            classname=BREAKS_LONG_WORDS,
        ),
        TextColumn("topic", label=_("Emne"), sort_key="topic__name"),
        TextColumn("status", label=_("Status"), accessor=status_label, sort_key="status_order"),
        TextColumn(
            "assignee",
            label=_("Sagsbehandler"),
            accessor=lambda case: person_name(case.assignee),
            sort_key="assignee__first_name",
        ),
        TextColumn("due_date", label=_("Svarfrist"), accessor=due_label, sort_key="open_due_date"),
        TextColumn(
            "follow_up_date",
            label=_("Opfølgning"),
            accessor=follow_up_label,
            sort_key="follow_up_date",
        ),
        TextColumn("opened_at", label=_("Oprettet"), accessor=opened_label, sort_key="opened_at"),
    ]
    filterset_class = CaseFilterSet
    search_fields = [
        "reference",
        "subject",
        "question",
        "organisation__name",
        "other_organisation",
        "requester_name",
        "requester_email",
        "requester_phone",
        "topic__name",
    ]
    search_backend_name = None
    list_export = [
        "reference",
        "subject",
        "get_status_display",
        "get_channel_display",
        "topic",
        "organisation_label",
        "place",
        "region",
        "requester_name",
        "requester_email",
        "requester_phone",
        "get_priority_display",
        "assignee",
        "opened_at",
        "due_date",
        "follow_up_date",
        "first_response_at",
        "closed_at",
    ]
    export_headings = {
        "get_status_display": _("Status"),
        "get_channel_display": _("Kanal"),
        "organisation_label": _("Organisation"),
        "place": _("Kommune"),
        "region": _("Region"),
        "get_priority_display": _("Prioritet"),
    }
    export_filename = "sager"

    def get_form_class(self, for_update=False):
        return CaseEditForm if for_update else CaseIntakeForm

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/", views.CaseDetailView.as_view(), name="detail"),
            path("rapport/", views.ReportView.as_view(), name="report"),
        ]


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    name = "organisationer"
    icon = "group"
    menu_label = _("Organisationer")
    menu_order = 200
    copy_view_enabled = False
    list_per_page = 50
    index_view_class = views.OrganisationIndexView
    edit_view_class = views.EditThenReturnView
    inspect_view_enabled = True
    inspect_view_class = views.OrganisationInspectView
    inspect_view_fields = [
        "kind",
        "is_member",
        "municipality",
        "address",
        "email",
        "phone",
        "active",
    ]
    list_display = [
        "name",
        Column(
            "kind",
            label=_("Type"),
            accessor="get_kind_display",
            sort_key="kind",
            classname=WIDE_ONLY,
        ),
        "municipality",
        Column("region", label=_("Region"), sort_key="municipality__region", classname=WIDE_ONLY),
        BooleanColumn("is_member", label=_("Medlem"), sort_key="is_member"),
        BooleanColumn("active", label=_("Aktiv"), sort_key="active", classname=WIDE_ONLY),
    ]
    filterset_class = OrganisationFilterSet
    search_fields = ["name", "city", "email", "municipality__name"]
    search_backend_name = None
    list_export = [
        "name",
        "get_kind_display",
        "municipality",
        "region",
        "address",
        "postcode",
        "city",
        "email",
        "phone",
        "member_since",
        "is_member",
        "active",
    ]
    export_headings = {"get_kind_display": _("Type"), "region": _("Region")}
    export_filename = "organisationer"

    form_fields = [
        "name",
        "kind",
        "is_member",
        "municipality",
        "address",
        "postcode",
        "city",
        "email",
        "phone",
        "member_since",
        "active",
    ]

    def formfield_for_dbfield(self, db_field, **kwargs):
        # As in Wagtail's own forms: "Medlem siden" with its date picker and Danish dates.
        return wagtail_formfield(db_field, **kwargs)


class ContactViewSet(ModelViewSet):
    model = Contact
    name = "kontaktpersoner"
    icon = "user"
    menu_label = _("Kontaktpersoner")
    menu_order = 300
    index_view_class = views.ContactIndexView
    add_view_class = views.ContactCreateView
    edit_view_class = views.EditThenReturnView
    delete_view_class = views.DeleteThenReturnView
    copy_view_enabled = False
    list_display = [
        "name",
        "organisation",
        Column("role", label=_("Rolle"), sort_key="role", classname=WIDE_ONLY),
        Column("email", label=_("E-mail"), sort_key="email", classname=WIDE_ONLY),
        "phone",
    ]
    search_fields = ["name", "email", "organisation__name"]
    search_backend_name = None
    form_fields = ["organisation", "name", "role", "email", "phone"]


class ReplyTemplateViewSet(SnippetViewSet):
    model = ReplyTemplate
    icon = "doc-full"
    menu_label = _("Standardsvar")
    menu_order = 400
    url_prefix = "standardsvar"
    list_display = ["title", "topic"]
    search_fields = ["title", "body"]
    search_backend_name = None

    def register_chooser_viewset(self):
        # Nothing links to a standard reply, and Wagtail's snippet chooser is open to every
        # admin user: without it, only the secretariat sees the texts.
        return None


class AdvisoryViewSetGroup(ViewSetGroup):
    menu_label = _("Rådgivning")
    menu_icon = "help"
    menu_order = 250
    items = (CaseViewSet, OrganisationViewSet, ContactViewSet, ReplyTemplateViewSet)
    submenu_hook = "register_advisory_menu_item"
