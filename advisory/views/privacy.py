"""Admin page for a person's rights: see and download what is kept about an email address,
and erase it on request."""

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
    """Find a person's cases by email; export them as JSON or anonymise them all."""

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

    def get(self, request, *args, **kwargs):
        email = request.GET.get("email", "").strip()
        if email and "eksport" in request.GET:
            return self._download(email)
        return super().get(request, *args, email=email, **kwargs)

    def get_context_data(self, email="", **kwargs):
        context = super().get_context_data(**kwargs)
        context["email"] = email
        context["cases"] = privacy.cases_of(email).select_related("topic") if email else None
        return context

    def post(self, request, *args, **kwargs):
        email = request.POST.get("email", "").strip()
        if not email or request.POST.get("confirm") != "1":
            messages.error(request, _("Bekræft sletningen ved at sætte kryds."))
            return redirect(f"{reverse('advisory_person_data')}?email={email}")
        references = privacy.erase(email, request.user)
        messages.success(
            request,
            ngettext(
                "Personoplysningerne er slettet fra %(count)d sag.",
                "Personoplysningerne er slettet fra %(count)d sager.",
                len(references),
            )
            % {"count": len(references)},
        )
        return redirect("advisory_person_data")

    def _download(self, email: str) -> HttpResponse:
        body = json.dumps(privacy.export(email), ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="persondata.json"'
        return response
