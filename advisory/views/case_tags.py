"""Wagtail's tag suggestions for case tags, only to those who may see cases: a tag may hold a
name, and Wagtail suggests the tags of any model to anyone in the admin."""

from django.core.exceptions import PermissionDenied

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.tags import autocomplete

from advisory.permissions import can_view_cases


@require_admin_access
def case_tag_autocomplete(request):
    if not can_view_cases(request.user):
        raise PermissionDenied
    return autocomplete(request, "advisory", "casetagname")
