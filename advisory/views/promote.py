"""The "Gør til spørgsmål og svar" action on a closed case."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.admin import messages

from advisory.models import Case
from advisory.permissions import can_work_on_cases
from advisory.promote import PromotionError, promote


def chosen_answer(data) -> int | None:
    """The answer chosen on the case page, when it has several; None for the latest."""
    chosen = data.get("svar", "")
    return int(chosen) if chosen.isdigit() else None


@require_POST
def promote_case(request, pk: int):
    """Make the draft (once per answer) and go back to the case: a secretary who cannot edit
    pages would only meet "no permission" in the page editor."""
    if not can_work_on_cases(request.user):
        raise PermissionDenied
    case = get_object_or_404(Case, pk=pk)
    try:
        page, created = promote(case, request.user, chosen_answer(request.POST))
    except PromotionError as refusal:
        messages.error(request, str(refusal))
        return redirect("sager:detail", pk=case.pk)
    if created:
        message = _("Kladden »%(title)s« er oprettet. En redaktør gennemser og udgiver den.")
    else:
        message = _("Svaret er allerede gjort til kladden »%(title)s«.")
    buttons = []
    if page.permissions_for_user(request.user).can_edit():
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        buttons.append(messages.button(edit_url, _("Rediger kladden")))
    messages.success(request, message % {"title": page.title}, buttons=buttons)
    return redirect("sager:detail", pk=case.pk)
