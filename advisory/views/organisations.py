"""Organisations in the admin: the list, and each organisation's page with the people the
secretariat talks to there and the cases it has helped them with."""

from urllib.parse import urlencode

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Table, TitleColumn
from wagtail.admin.utils import get_valid_next_url_from_request, set_query_params
from wagtail.admin.views.generic import (
    CreateView,
    DeleteView,
    EditView,
    IndexView,
    InspectView,
)
from wagtail.permissions import policy_registry

from advisory.columns import LinkColumn, TextColumn, opened_day
from advisory.models import Case, Contact, Organisation
from advisory.views.exports import DanishExportMixin
from advisory.views.search import EveryWordSearchMixin

#: The newest cases shown on an organisation's page; "Se alle sager" leads to the rest.
CASES_SHOWN = 10


def with_organisation(url: str, organisation: Organisation) -> str:
    """A form's address that chooses the organisation in it (see ``OrganisationChosenMixin``)."""
    return f"{url}?{urlencode({'organisation': organisation.pk})}"


def cases_of(organisation: Organisation) -> str:
    """The case list filtered to the organisation: its name in quotes is matched whole, so
    "Stedet" does not also bring "Mødestedet Lommen"'s cases."""
    whole_name = f'"{organisation.name}"'
    return f"{reverse('sager:index')}?{urlencode({'organisation': whole_name})}"


class OrganisationChosenMixin:
    """A new item's form with the organisation given in the address already chosen, so that
    a contact or a case added from an organisation's page belongs to it."""

    def get_initial(self):
        initial = super().get_initial()
        if organisation := self.request.GET.get("organisation"):
            initial["organisation"] = organisation
        return initial


class OrganisationIndexView(EveryWordSearchMixin, DanishExportMixin, IndexView):
    sheet_title = _("Organisationer")

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("municipality")

    @cached_property
    def columns(self):
        """The name opens the organisation's page (contacts and cases) rather than its form,
        which stays in the row's menu; built the way Wagtail's own user list builds its."""
        _name_to_form, *others = super().columns
        name = self._get_title_column_class(TitleColumn)(
            "name", label=_("Navn"), sort_key="name", get_url=self.get_inspect_url
        )
        return [name, *others]


def keeping_next(request, url: str) -> str:
    """``url`` with the page to go back to that the request's address gives (Wagtail's ``next``,
    only to this site), if it gives one."""
    if next_url := get_valid_next_url_from_request(request):
        return set_query_params(url, {"next": next_url})
    return url


class EditThenReturnView(EditView):
    """A form that, saved, goes back to the page it was opened from when its address says so
    (Wagtail's ``next``), such as an organisation's page; otherwise to the list. Its delete
    button passes the way back on (``DeleteThenReturnView``)."""

    def get_success_url(self):
        return get_valid_next_url_from_request(self.request) or super().get_success_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The form posts to its own address: with ``next`` in it, a save that fails and is
        # corrected still goes back.
        context["action_url"] = keeping_next(self.request, context["action_url"])
        return context

    def get_delete_url(self):
        delete_url = super().get_delete_url()
        return delete_url and keeping_next(self.request, delete_url)


class DeleteThenReturnView(DeleteView):
    """A deletion that goes back to the page its edit form was opened from, such as the
    organisation's page a contact was deleted from. An organisation keeps Wagtail's own: its page
    is gone with it, so its deletion ends on the list, and only "Nej, slet ikke" goes back."""

    def get_delete_url(self):
        # The confirmation posts here: with ``next`` in the address, the deletion goes back.
        return keeping_next(self.request, super().get_delete_url())


class OrganisationInspectView(InspectView):
    """An organisation's page: its details, its contacts and its newest cases."""

    template_name = "advisory/admin/organisation.html"

    def get_object(self, queryset=None):
        return get_object_or_404(Organisation.objects.select_related("municipality"), pk=self.pk)

    def get_page_title(self):
        # Followed by the organisation's name, Wagtail's subtitle for the object.
        return capfirst(Organisation._meta.verbose_name)

    def get_edit_url(self):
        """Its form leads back here once saved (``EditThenReturnView``); none without the right
        to change the organisation."""
        edit_url = super().get_edit_url()
        return edit_url and set_query_params(edit_url, {"next": self.request.path})

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse(self.index_url_name),
                "label": capfirst(Organisation._meta.verbose_name_plural),
            },
            {"url": "", "label": self.object.name},
        ]

    def get_is_member_display_value(self):
        since = self.object.member_since
        if not self.object.is_member:
            return _("Nej")
        if since is None:
            return _("Ja")
        return _("Ja, siden %(date)s") % {"date": date_format(since, "j. F Y")}

    def get_active_display_value(self):
        return _("Ja") if self.object.active else _("Nej")

    def get_municipality_display_value(self):
        municipality = self.object.municipality
        return f"{municipality} ({self.object.region})" if municipality else "–"

    def get_address_display_value(self):
        place = " ".join(part for part in (self.object.postcode, self.object.city) if part)
        return ", ".join(part for part in (self.object.address, place) if part) or "–"

    def get_email_display_value(self):
        email = self.object.email
        return format_html('<a href="mailto:{}">{}</a>', email, email) if email else "–"

    def get_phone_display_value(self):
        return self.object.phone or "–"

    def may(self, model, action: str) -> bool:
        return policy_registry.get_by_type(model).user_has_permission(self.request.user, action)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation = self.object
        context.update(edit_url=self.get_edit_url(), contacts=self.contacts_table())
        if self.may(Contact, "add"):
            context["add_contact_url"] = with_organisation(
                reverse("kontaktpersoner:add"), organisation
            )
        if self.may(Case, "view"):
            context.update(
                cases=self.cases_table(),
                case_count=organisation.cases.count(),
                all_cases_url=cases_of(organisation),
            )
        if self.may(Case, "add"):
            context["add_case_url"] = with_organisation(reverse("sager:add"), organisation)
        return context

    def contacts_table(self) -> Table:
        columns = [
            LinkColumn(
                "name",
                url_name="kontaktpersoner:edit",
                label=_("Navn"),
                next_url=self.request.path,
            ),
            TextColumn("role", label=_("Rolle")),
            TextColumn("phone", label=_("Telefon")),
            TextColumn("email", label=_("E-mail")),
        ]
        caption = _("Kontaktpersoner hos %(name)s") % {"name": self.object.name}
        return Table(columns, self.object.contacts.all(), caption=caption)

    def cases_table(self) -> Table:
        columns = [
            LinkColumn("reference", url_name="sager:detail", label=_("Reference")),
            TextColumn("subject", label=_("Emnelinje")),
            TextColumn("status", label=_("Status"), accessor="get_status_display"),
            TextColumn("opened_at", label=_("Oprettet"), accessor=opened_day),
        ]
        newest = self.object.cases.order_by("-opened_at")[:CASES_SHOWN]
        caption = _("Sager fra %(name)s, nyeste først") % {"name": self.object.name}
        return Table(columns, newest, caption=caption)


class ContactIndexView(EveryWordSearchMixin, IndexView):
    pass


class ContactCreateView(OrganisationChosenMixin, CreateView):
    def get_success_url(self):
        """Back to the contact's organisation, where the new contact is among its colleagues."""
        return reverse("organisationer:inspect", args=[self.object.organisation_id])
