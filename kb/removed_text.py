"""What is left in a case's text where personal data was removed (advisory.privacy), and the
check that no page is published with it: a FAQ made from a case must be written without it."""

import json

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from wagtail.admin.modal_workflow import render_modal_workflow

REMOVED_TEXT = "[fjernet]"
CHECKED_FIELDS = ("title", "summary")


def fields_with_removed_text(values: dict) -> list[str]:
    """The names of the fields among ``values`` (title, summary and body) that have it."""
    found = [name for name in CHECKED_FIELDS if REMOVED_TEXT in (values.get(name) or "")]
    body = values.get("body")
    # The blocks' stored data, not the rendered page: rendering makes image renditions.
    if body and REMOVED_TEXT in json.dumps(body.get_prep_value(), ensure_ascii=False):
        found.append("body")
    return found


def page_fields_with_removed_text(page) -> list[str]:
    return fields_with_removed_text(
        {name: getattr(page, name, None) for name in (*CHECKED_FIELDS, "body")}
    )


def removed_text_message() -> str:
    return _(
        "Der står »%(removed)s«, hvor personoplysninger blev fjernet fra sagen. Skriv det om, før"
        " siden kan udgives."
    ) % {"removed": REMOVED_TEXT}


class RemovedTextError(Exception):
    """A page with removed text was about to be published; the message says so in Danish."""


class RemovedTextRefusal:
    """Middleware: a publishing refused for removed text outside the edit form (an approval
    from the dashboard, whose transaction is then undone) is said in a message on the page the
    person came from, not as a server error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, RemovedTextError):
            return None
        messages.error(request, str(exception))
        back = request.headers.get("referer", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}):
            back = reverse("wagtailadmin_home")
        if request.headers.get("x-requested-with") == "XMLHttpRequest":  # Wagtail's modal
            return render_modal_workflow(
                request, "", None, {}, json_data={"step": "success", "redirect": back}
            )
        return redirect(back)
