from advisory.views.admin import (
    CaseCreateView,
    CaseEditView,
    CaseIndexView,
    OrganisationIndexView,
)
from advisory.views.case_page import CaseDetailView
from advisory.views.reports import ReportView

__all__ = [
    "CaseCreateView",
    "CaseDetailView",
    "CaseEditView",
    "CaseIndexView",
    "OrganisationIndexView",
    "ReportView",
]
