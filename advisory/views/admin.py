"""The generic Wagtail admin views, adapted: the list links to the case page, new cases are
numbered through the workflow, and edits land on the timeline."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.generic import CreateView, EditView, IndexView

from advisory import workflow
from advisory.forms import CASE_FIELDS
from advisory.models import Case


class CaseIndexView(IndexView):
    add_item_label = _("Log en henvendelse")

    def get_base_queryset(self):
        return Case.objects.for_listing()

    def get_edit_url(self, instance):
        return reverse("sager:detail", args=[instance.pk])


class OrganisationIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("municipality")


class CaseCreateView(CreateView):
    """ "Log a call or an email": the case is numbered, dated and optionally taken at once."""

    page_title = _("Ny henvendelse")
    success_message = _("Sagen %(object)s er oprettet.")

    def save_instance(self):
        user = self.request.user
        fields = {name: self.form.cleaned_data[name] for name in CASE_FIELDS}
        case = workflow.open_case(author=user, **fields)
        if self.form.cleaned_data.get("assign_to_me"):
            workflow.assign(case, user, user)
        return case

    def get_success_url(self):
        return reverse("sager:detail", args=[self.object.pk])


class CaseEditView(EditView):
    """Edit a case's facts; each changed field is recorded on the timeline."""

    def save_instance(self):
        before = Case.objects.get(pk=self.object.pk)
        case = super().save_instance()
        changes = {}
        for name in self.form.changed_data:
            field = Case._meta.get_field(name)
            if field.many_to_many or name == "tags":
                continue
            old, new = (self._display(instance, name) for instance in (before, case))
            changes[str(field.verbose_name)] = (old, new)
        workflow.record_edits(case, self.request.user, changes)
        return case

    @staticmethod
    def _display(case: Case, name: str) -> str:
        display = getattr(case, f"get_{name}_display", None)
        value = display() if display else getattr(case, name)
        return "" if value is None else str(value)

    def get_success_url(self):
        return reverse("sager:detail", args=[self.object.pk])
