"""The generic Wagtail admin views, adapted: the list links to the case page, new cases are
numbered through the workflow, and edits land on the timeline."""

import re
from functools import reduce
from operator import or_

from django.db.models import F, OrderBy, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.generic import CreateView, EditView, IndexView

from advisory import workflow
from advisory.forms import CASE_FIELDS, shown_value
from advisory.models import Case, CaseEvent
from advisory.public.intake import open_requester_case
from advisory.spelling import readings
from advisory.views.exports import DanishExportMixin
from advisory.views.organisations import OrganisationChosenMixin
from advisory.views.search import word_in_fields
from advisory.workflow import person_name

#: A query that is a phone number however it is written: "20304050", "20 30 40 50", "+45 20…".
PHONE_NUMBER = re.compile(r"\+?[\d\s-]{8,}")
#: A reference as said on the phone, without its zeros: "r-2026-93", "2026-93" for R-2026-0093.
SHORT_REFERENCE = re.compile(r"(?:r-?)?(\d{4})-(\d{1,4})", re.IGNORECASE)


def empty_last(field: str) -> OrderBy:
    """``field`` or ``-field`` as an ordering that puts NULL last (PostgreSQL puts it first when
    descending)."""
    name = field.removeprefix("-")
    return F(name).desc(nulls_last=True) if field.startswith("-") else F(name).asc(nulls_last=True)


class CaseIndexView(DanishExportMixin, IndexView):
    results_template_name = "advisory/admin/case_index_results.html"
    add_item_label = _("Log en henvendelse")
    sheet_title = _("Sager")
    custom_field_preprocess = {
        "assignee": {IndexView.FORMAT_CSV: person_name, IndexView.FORMAT_XLSX: person_name}
    }

    def get_base_queryset(self):
        return Case.objects.for_listing()

    def get_table(self, object_list):
        cases = list(object_list)  # the page's 25, so one query marks them all
        written = CaseEvent.objects.requester_wrote_last(case.pk for case in cases)
        for case in cases:
            case.requester_wrote_last = case.pk in written
        return super().get_table(cases)

    def order_queryset(self, queryset):
        """Cases that tie on the sorted column (many share a due date or a status) in the order
        they came, as on the dashboard, and the same way on every page. Cases without a value
        (most have no follow-up date) come last either way, not on the first pages."""
        queryset = super().order_queryset(queryset)
        sorted_by = [empty_last(field) for field in queryset.query.order_by]
        return queryset.order_by(*sorted_by, "opened_at", "pk")

    def filter_queryset(self, queryset):
        # Wagtail lists every case when a filter cannot be read, as if it had filtered. The
        # list shows none instead and says which filter to correct (case_index_results.html).
        if self.filters and not self.filters.is_valid():
            return queryset.none()
        return super().filter_queryset(queryset)

    def search_queryset(self, queryset):
        """Every word must be found, each in any of the search fields or in the timeline
        (messages, replies, notes); a phone number is compared by its digits, so spaces in it
        do not matter, and a reference may be written without its zeros."""
        if not self.is_searching:
            return queryset
        query = self.search_query
        found = Q(*(self._word_found(word) for word in query.split()))
        if reference := SHORT_REFERENCE.fullmatch(query.strip()):
            year, number = reference.groups()
            found |= Q(reference=f"R-{year}-{int(number):04d}")
        if PHONE_NUMBER.fullmatch(query.strip()):
            digits = re.sub(r"\D", "", query)
            queryset = queryset.with_phone_digits()
            found |= Q(phone_digits__contains=digits[-8:])  # the number without "+45"
        return queryset.filter(found)

    def _word_found(self, word: str) -> Q:
        # Read once per search as the set of cases whose timeline has the word, not once per case.
        # The timelines' texts are long and many: they are searched with accents as written,
        # through their index (which has no unaccent), but in each of the word's readings.
        written = reduce(or_, (Q(body__icontains=reading) for reading in readings(word)))
        in_timeline = Q(pk__in=CaseEvent.objects.filter(written).values("case_id"))
        return word_in_fields(word, self.search_fields) | in_timeline

    def get_edit_url(self, instance):
        return reverse("sager:detail", args=[instance.pk])


class CaseCreateView(OrganisationChosenMixin, CreateView):
    """ "Log a call or an email": the case is numbered, dated (when it came, which may be
    earlier) and optionally taken at once."""

    page_title = _("Ny henvendelse")
    success_message = _("Sagen %(object)s er oprettet.")
    error_message = _("Sagen kunne ikke oprettes. Ret fejlene nedenfor.")

    def get_page_subtitle(self):
        return ""  # the title says it all: Wagtail would add the model's name after it

    def get_breadcrumbs_items(self):
        *trail, _new_case = super().get_breadcrumbs_items()  # "Ny: Sag"
        return [*trail, {"url": "", "label": self.page_title}]

    def save_instance(self):
        user = self.request.user
        fields = {name: self.form.cleaned_data[name] for name in CASE_FIELDS}
        fields["opened_at"] = self.form.cleaned_data["received_at"]
        if self.form.cleaned_data.get("send_receipt"):  # with a tracking link, as from the web
            case = open_requester_case(author=user, **fields)
        else:
            case = workflow.open_case(author=user, **fields)
        if self.form.cleaned_data.get("assign_to_me"):
            workflow.assign(case, user, user)
        return case

    def get_success_url(self):
        return reverse("sager:detail", args=[self.object.pk])


class CaseEditView(EditView):
    """Edit a case's facts; each changed field is recorded on the timeline."""

    success_message = _("Sagen %(object)s er gemt.")
    error_message = _("Sagen kunne ikke gemmes. Ret fejlene nedenfor.")

    def save_instance(self):
        before = Case.objects.get(pk=self.object.pk)
        case = super().save_instance()
        changes = {
            str(Case._meta.get_field(name).verbose_name): (
                shown_value(before, name),
                shown_value(case, name),
            )
            for name in CASE_FIELDS
        }
        workflow.record_edits(case, self.request.user, changes)
        return case

    def get_success_url(self):
        return reverse("sager:detail", args=[self.object.pk])
