from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks

from advisory import public_admin  # noqa: F401 (registers its own admin hooks)
from advisory.choosers import organisation_chooser_viewset
from advisory.dashboard import CasesPanel
from advisory.permissions import can_view_cases
from advisory.viewsets import AdvisoryViewSetGroup


@hooks.register("register_admin_viewset")
def register_advisory_viewsets():
    return AdvisoryViewSetGroup()


@hooks.register("register_admin_viewset")
def register_organisation_chooser():
    return organisation_chooser_viewset


@hooks.register("construct_homepage_panels")
def add_cases_panel(request, panels):
    if can_view_cases(request.user):
        panels.append(CasesPanel(request.user))


@hooks.register("insert_global_admin_css")
def advisory_stylesheet():
    """One stylesheet for the case tracker's screens, the dashboard panel and the case forms;
    its phone fixes to Wagtail's headers, selects and date picker serve every admin screen."""
    return format_html('<link rel="stylesheet" href="{}">', static("advisory/advisory.css"))
