"""The public side of the case tracker: landing page, question form, receipt, suggestions
and the requester's private tracking page."""

import time
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from advisory.contact import secretariat_contact
from advisory.models import Case, CaseAccess, Organisation
from advisory.models.cases import Channel
from advisory.privacy import retention_period
from advisory.public import throttling, tokens
from advisory.public.forms import SUBJECT_MAX, AskForm, MessageForm
from advisory.public.intake import open_requester_case, receive_message
from advisory.public.suggestions import suggested_pages
from advisory.public.tracking import (
    answer_by,
    reopens_on_writing,
    requester_timeline,
    status_text,
)
from advisory.text import single_line

RECEIPT_SESSION_KEY = "advisory_receipt"
SENT_AGAIN_SESSION_KEY = "advisory_receipt_sent_again"


def too_many() -> str:
    return _(
        "Du har sendt mange spørgsmål og beskeder på kort tid. Prøv igen om en time, "
        "eller ring til os på %(phone)s."
    ) % {"phone": secretariat_contact().phone}


def landing(request):
    return render(request, "advisory/public/landing.html")


def privacy(request):
    return render(
        request,
        "advisory/public/privacy.html",
        {"retention": retention_period(settings.CASE_RETENTION_DAYS)},
    )


@never_cache
def ask(request):
    """GET shows the form; "Se om vi allerede har svaret" shows suggestions with the form
    kept; "Send" creates the case once, however often the same form is sent."""
    if request.method != "POST":
        # A search that found nothing links here with what was searched for as the subject.
        subject = single_line(request.GET.get("overskrift", ""))[:SUBJECT_MAX]
        return _ask_page(
            request, AskForm(initial={"form_token": tokens.issue(), "subject": subject})
        )
    if "suggest" in request.POST:
        form = AskForm(initial=request.POST.dict())
        # Nothing written yet: the page says what to write first, not that nothing matched.
        suggestions = suggested_pages(form.search_text) if form.search_text.strip() else None
        return _ask_page(request, form, suggestions=suggestions)
    form = AskForm(request.POST)
    try:
        token = tokens.read(request.POST.get("form_token", ""))
    except tokens.BadToken:
        message = _("Formularen er for gammel. Send den venligst igen.")
        return _rejected(request, form, message, shown_at=_filled_in())
    used = tokens.spent(token)
    if used and used.case:
        return _show_receipt(request, used.case)
    if request.POST.get("website"):
        return _rejected(request, form, _("Formularen kunne ikke sendes. Prøv igen."))
    if not form.is_valid():  # what to correct first; how fast it came matters only after
        return _ask_page(request, form)
    if token.too_fast and not _sent_before(form.cleaned_data):
        # Counted from when the form was first shown: waiting again from now would reject a
        # person who sends it again a moment later.
        message = _("Formularen blev sendt meget hurtigt. Vent et øjeblik, og send igen.")
        return _rejected(request, form, message, shown_at=token.issued_at)
    return _create_case(request, form, token)


def _create_case(request, form, token):
    address = throttling.client_address(request)
    keys = throttling.question_keys(address, form.cleaned_data["email"])
    case = None
    with transaction.atomic():
        used = tokens.claim(token)
        if used is None:  # the same form, sent again while the first was being saved
            case = tokens.spent(token).case
        elif earlier := _sent_before(form.cleaned_data):
            # Back from the receipt to a form the browser filled in again, and sent once more.
            used.case = earlier
            used.save(update_fields=["case"])
            return _show_receipt(request, earlier, again=True)
        elif throttling.reserve(keys):
            case = used.case = _open_case(form)
            used.save(update_fields=["case"])
        else:
            transaction.set_rollback(True)
    if case is None:
        return _rejected(request, form, too_many(), status=429, shown_at=_filled_in())
    return _show_receipt(request, case)


def _sent_before(data) -> Case | None:
    """The case the same question from the same email address opened in the last day."""
    return Case.objects.filter(
        channel=Channel.WEB,
        requester_email__iexact=data["email"],
        subject=data["subject"],
        question=data["question"],
        opened_at__gte=timezone.now() - timedelta(days=1),
    ).first()


def _open_case(form) -> Case:
    data = form.cleaned_data
    organisation = form.member_organisation()
    details = [_("Er ved at starte et værested.") if data["starting_up"] else ""]
    return open_requester_case(
        Channel.WEB,
        details=details,
        notify_secretariat=True,
        organisation=organisation,
        other_organisation="" if organisation else data["organisation"],
        municipality=None if organisation else data["municipality"],
        requester_name=data["name"],
        requester_email=data["email"],
        requester_phone=data["phone"],
        topic=data["topic"],
        subject=data["subject"],
        question=data["question"],
    )


def _show_receipt(request, case: Case, again: bool = False):
    request.session[RECEIPT_SESSION_KEY] = case.pk
    request.session[SENT_AGAIN_SESSION_KEY] = again
    return redirect("advisory_public:receipt")


@never_cache
def receipt(request):
    case = Case.objects.filter(pk=request.session.get(RECEIPT_SESSION_KEY)).first()
    if case is None:
        return redirect("advisory_public:ask")
    again = request.session.get(SENT_AGAIN_SESSION_KEY, False)
    return render(request, "advisory/public/receipt.html", {"case": case, "sent_again": again})


def _rejected(request, form, message: str, status: int = 400, shown_at: float | None = None):
    """The form again with ``message`` and a new token for a form shown at ``shown_at`` (now,
    if not given): sending it again is "too fast" until ASK_MIN_FILL_SECONDS after that."""
    form.is_valid()
    form.add_error(None, message)
    form.data = form.data.copy()
    form.data["form_token"] = tokens.issue(shown_at)
    return _ask_page(request, form, status=status)


def _filled_in() -> float:
    """A time for a form a person has filled in (an old form, a rate limit): sending it again
    at once is not "too fast"."""
    return time.time() - settings.ASK_MIN_FILL_SECONDS


def _ask_page(request, form, suggestions=None, status=200):
    if form.is_bound:
        # The hidden field filled in by a browser's autofill would stop every try after it.
        form.data = form.data.copy()
        form.data["website"] = ""
    context = {
        "form": form,
        "suggestions": suggestions,
        "organisations": Organisation.objects.filter(is_member=True).values_list("name", flat=True),
    }
    return render(request, "advisory/public/ask.html", context, status=status)


@require_GET
def suggestions_json(request):
    pages = suggested_pages(request.GET.get("q", ""))
    results = [{"title": page.title, "url": page.url, "summary": page.summary} for page in pages]
    return JsonResponse({"results": results})


@never_cache
def track(request, token: str):
    """The requester's view of the case: status, question, replies and an answer form."""
    case = _tracked_case(token)
    form = MessageForm(initial={"form_token": tokens.issue()})
    if request.method == "POST":
        form = MessageForm(request.POST)
        if _accept_message(request, case, form):
            messages.success(request, _("Tak. Din besked er sendt til sekretariatet."))
            return redirect("advisory_public:track", token=token)
        form.data = form.data.copy()
        form.data["form_token"] = tokens.issue()
    return _tracking_page(request, case, form)


def _tracked_case(token: str) -> Case:
    return get_object_or_404(CaseAccess.objects.select_related("case"), token=token).case


def _tracking_page(request, case: Case, form: MessageForm, status: int = 200):
    context = {
        "case": case,
        "status_text": status_text(case),
        "answer_by": answer_by(case),
        "reopens": reopens_on_writing(case),
        "timeline": requester_timeline(case),
        "form": form,
    }
    response = render(request, "advisory/public/tracking.html", context, status=status)
    # The token is in the URL: keep it from other sites. Not "no-referrer": then browsers
    # send "Origin: null" with the answer form and Django's CSRF check refuses it.
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex"
    return response


def _accept_message(request, case: Case, form: MessageForm) -> bool:
    """True when the message is on the timeline (now or from an earlier identical send)."""
    try:
        token = tokens.read(request.POST.get("form_token", ""))
    except tokens.BadToken:
        form.is_valid()
        form.add_error(None, _("Formularen er for gammel. Send den venligst igen."))
        return False
    if not form.is_valid():
        return False
    keys = throttling.message_keys(case.reference)
    with transaction.atomic():
        if tokens.claim(token) is None:  # sent twice: the first one is on the timeline
            return True
        accepted = throttling.reserve(keys)
        if accepted:
            receive_message(case, form.cleaned_data["body"])
        else:
            transaction.set_rollback(True)
    if not accepted:
        form.add_error(None, too_many())
    return accepted


def _not_sent_for_the_cookie() -> str:
    return _(
        "Det blev ikke sendt, fordi din browser ikke sendte den cookie, der beskytter "
        "formularen – fx fordi siden har været åben længe, eller fordi cookies er slået fra. "
        "Det, du skrev, står her stadig: send igen. Virker det ikke, så tillad cookies for "
        "siden."
    )


def ask_after_csrf_failure(request):
    return _rejected(
        request, AskForm(request.POST), _not_sent_for_the_cookie(), 403, shown_at=_filled_in()
    )


def track_after_csrf_failure(request, token: str):
    form = MessageForm(request.POST)
    form.is_valid()
    form.add_error(None, _not_sent_for_the_cookie())
    form.data = form.data.copy()
    form.data["form_token"] = tokens.issue()
    return _tracking_page(request, _tracked_case(token), form, status=403)


# The public forms, shown again with what was typed when Django's CSRF check refuses them.
AFTER_CSRF_FAILURE = {
    "advisory_public:ask": ask_after_csrf_failure,
    "advisory_public:track": track_after_csrf_failure,
}
