"""Admin page for a person's rights: see and download what is kept about a person, found by
email address, phone number or full name, and erase it on request. Everything is sent by POST,
so no address or number ends up in a URL, a browser's history or a server log."""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from advisory import privacy
from advisory.permissions import can_work_on_cases


class PersonDataView(WagtailAdminTemplateMixin, TemplateView):
    """Find a person's cases by email, phone or full name; export the ticked ones as JSON or
    erase the person from them."""

    template_name = "advisory/admin/person_data.html"
    page_title = gettext_lazy("Persondata")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not can_work_on_cases(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": gettext_lazy("Hjem")},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, person="", chosen=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context["person"] = person
        context["found_by_name"] = privacy.is_name(person)
        cases = list(privacy.cases_of(person).select_related("topic")) if person else None
        context["cases"] = cases
        names = privacy.names_in(cases or [])
        context["several_names"] = names if len(names) > 1 else []
        # Every case is ticked when found, unless they are in several people's names; after
        # a refused export or erasure, as it was.
        if chosen is None:
            chosen = set() if context["several_names"] else {case.pk for case in cases or []}
        context["chosen"] = chosen
        return context

    def post(self, request, *args, **kwargs):
        person = request.POST.get("person", "").strip()
        action = request.POST.get("action")
        if not person:
            messages.error(request, _("Skriv en e-mailadresse, et telefonnummer eller et navn."))
        if not (person and action in ("export", "erase")):
            return self.render_to_response(self.get_context_data(person=person))
        chosen = {int(pk) for pk in request.POST.getlist("case") if pk.isascii() and pk.isdigit()}
        if not chosen:
            messages.error(request, _("Sæt kryds ved mindst én sag."))
        elif action == "export":
            return self._download(person, chosen)
        elif request.POST.get("confirm") != "1":
            messages.error(request, _("Bekræft sletningen ved at sætte kryds."))
        else:
            return self._erase(person, chosen)
        return self.render_to_response(self.get_context_data(person=person, chosen=chosen))

    def _erase(self, person: str, chosen: set[int]):
        references = privacy.erase(person, self.request.user, chosen)
        messages.success(
            self.request,
            ngettext(
                "Personoplysningerne er slettet fra %(count)d sag.",
                "Personoplysningerne er slettet fra %(count)d sager.",
                len(references),
            )
            % {"count": len(references)},
        )
        return redirect("advisory_person_data")

    def _download(self, person: str, chosen: set[int]) -> HttpResponse:
        body = json.dumps(privacy.export(person, chosen), ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="persondata.json"'
        return response
