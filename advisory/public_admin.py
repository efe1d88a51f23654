"""Admin pages around requesters and the public: person data (export and erase),
promoting an answer to the knowledge base, and the case report in the Reports menu.
Imported by ``wagtail_hooks``."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from advisory.permissions import can_view_cases, can_work_on_cases
from advisory.views.attachments import download_attachment
from advisory.views.privacy import PersonDataView
from advisory.views.promote import promote_case
from advisory.viewsets import AdvisoryViewSetGroup


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("persondata/", PersonDataView.as_view(), name="advisory_person_data"),
        path("sager/<int:pk>/til-faq/", promote_case, name="advisory_promote_case"),
        path(
            "sager/<int:pk>/bilag/<int:attachment_pk>/",
            download_attachment,
            name="advisory_case_attachment",
        ),
    ]


class PersonDataMenuItem(MenuItem):
    def is_shown(self, request):
        return can_work_on_cases(request.user)


class CaseReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_cases(request.user)


# With the cases, where the secretariat looks for it (it was among the settings).
@hooks.register(AdvisoryViewSetGroup.submenu_hook)
def register_person_data_menu_item():
    return PersonDataMenuItem(
        _("Persondata"), reverse("advisory_person_data"), icon_name="user", order=900
    )


@hooks.register("register_reports_menu_item")
def register_case_report_menu_item():
    return CaseReportMenuItem(
        _("Rapport over sager"), reverse("sager:report"), icon_name="table", order=690
    )
