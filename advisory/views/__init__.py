from advisory.views.admin import CaseCreateView, CaseEditView, CaseIndexView
from advisory.views.case_page import CaseDetailView
from advisory.views.organisations import (
    ContactCreateView,
    ContactIndexView,
    DeleteThenReturnView,
    EditThenReturnView,
    OrganisationIndexView,
    OrganisationInspectView,
)
from advisory.views.reports import ReportView

__all__ = [
    "CaseCreateView",
    "CaseDetailView",
    "CaseEditView",
    "CaseIndexView",
    "ContactCreateView",
    "ContactIndexView",
    "DeleteThenReturnView",
    "EditThenReturnView",
    "OrganisationIndexView",
    "OrganisationInspectView",
    "ReportView",
]
