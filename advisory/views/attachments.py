"""Files that came with a requester's email, downloaded only by staff who see cases."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404

from advisory.models import CaseAttachment
from advisory.permissions import can_view_cases


def download_attachment(request, pk: int, attachment_pk: int):
    if not can_view_cases(request.user):
        raise PermissionDenied
    attachment = get_object_or_404(CaseAttachment, pk=attachment_pk, case_id=pk)
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.title)
