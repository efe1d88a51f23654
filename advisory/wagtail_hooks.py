from wagtail import hooks

from advisory import public_admin  # noqa: F401 (registers its own admin hooks)
from advisory.dashboard import CasesPanel
from advisory.permissions import can_view_cases
from advisory.viewsets import AdvisoryViewSetGroup


@hooks.register("register_admin_viewset")
def register_advisory_viewsets():
    return AdvisoryViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_cases_panel(request, panels):
    if can_view_cases(request.user):
        panels.append(CasesPanel(request.user))
