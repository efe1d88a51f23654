"""The "Gør til spørgsmål og svar" action on a closed case."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from advisory.models import Case
from advisory.permissions import can_work_on_cases
from advisory.promote import PromotionError, promote


@require_POST
def promote_case(request, pk: int):
    if not can_work_on_cases(request.user):
        raise PermissionDenied
    case = get_object_or_404(Case, pk=pk)
    try:
        page = promote(case, request.user)
    except PromotionError as refusal:
        messages.error(request, str(refusal))
        return redirect("sager:detail", pk=case.pk)
    messages.success(
        request,
        _("Kladden «%(title)s» er oprettet. Gennemse og udgiv den.") % {"title": page.title},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
