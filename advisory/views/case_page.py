"""The case page: facts, timeline (newest first), help while answering and the action forms."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.forms import Media
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from advisory.forms import ACTION_FORMS, ActionFailed, ReplyForm
from advisory.help import similar_cases, suggested_pages
from advisory.letters import opens_with_greeting, without_greeting
from advisory.models import Case, PromotedAnswer, ReplyTemplate
from advisory.models.cases import Status
from advisory.permissions import can_view_cases, can_work_on_cases
from advisory.workflow import TransitionError
from kb.models import FaqPage


class CaseDetailView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "advisory/admin/case_detail.html"
    header_icon = "help"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_cases(request.user):
            raise PermissionDenied
        self.case = get_object_or_404(
            Case.objects.for_listing().select_related("contact"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"{self.case.reference}: {self.case.subject}"

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Hjem")},
            {"url": reverse("sager:index"), "label": _("Sager")},
            {"url": "", "label": self.case.reference},
        ]

    def post(self, request, *args, **kwargs):
        if not can_work_on_cases(request.user):
            raise PermissionDenied
        action = request.POST.get("action")
        form_class = ACTION_FORMS.get(action)
        if form_class is None:
            return redirect(self.case_url)
        if action == "reply" and "insert_template" in request.POST:
            form = self._reply_with_template(request.POST)
            return self._shown_again(action, form, focus="body")
        form = form_class(request.POST, case=self.case, prefix=action)
        if not form.is_valid():
            messages.error(request, _("Det blev ikke gemt. Ret det, der er markeret nedenfor."))
            return self._shown_again(action, form, focus=next(iter(form.errors), None))
        try:
            messages.success(request, form.perform(request.user))
        except TransitionError as refusal:
            # Nothing changed: the page shows the reason, and the form as it was filled in.
            messages.error(request, str(refusal))
            return self._shown_again(action, form, focus=None)
        except ActionFailed as refusal:
            messages.error(request, str(refusal))
            return self._shown_again(action, form.retry(), focus=None)
        return redirect(self.case_url)

    def _shown_again(self, action: str, form, focus: str | None):
        """The page again with ``form`` as it was sent, scrolled to its field ``focus``: the
        forms are far down a long page, and an error at the top of it went unseen."""
        if focus in form.fields:
            form.fields[focus].widget.attrs["autofocus"] = True
        return self.render_to_response(self.get_context_data(bound_form=(action, form)))

    @property
    def case_url(self):
        return reverse("sager:detail", args=[self.case.pk])

    def get_context_data(self, bound_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        forms = {
            action: form_class(case=self.case, prefix=action, initial=self._initial(action))
            for action, form_class in ACTION_FORMS.items()
        }
        if bound_form:
            forms[bound_form[0]] = bound_form[1]
        similar = list(similar_cases(self.case))
        context.update(
            case=self.case,
            timeline=self.case.timeline(),
            forms=forms,
            forms_media=sum((form.media for form in forms.values()), Media()),
            can_work=can_work_on_cases(self.request.user),
            related_pages=self.case.related_pages.live().specific(),
            suggestions=suggested_pages(self.case),
            similar=[(other, other.latest_reply()) for other in similar],
            answers=list(self.case.answers()) if self.case.status == Status.CLOSED else [],
            faq_drafts=self._faq_drafts() if self.case.status == Status.CLOSED else [],
            reply_templates=ReplyTemplate.objects.all(),
            edit_url=reverse("sager:edit", args=[self.case.pk]),
        )
        return context

    def _faq_drafts(self) -> list[tuple]:
        """The pages made from the case's answers, each with where the user may edit it: the
        message that named a new draft is gone once the case page is left."""
        pages = FaqPage.objects.filter(
            pk__in=PromotedAnswer.objects.filter(reply__case=self.case).values("page")
        ).order_by("pk")
        drafts = []
        for page in pages:
            editable = page.permissions_for_user(self.request.user).can_edit()
            drafts.append(
                (page, reverse("wagtailadmin_pages:edit", args=[page.pk]) if editable else None)
            )
        return drafts

    def _initial(self, action):
        if action == "assign":
            return {"assignee": self.case.assignee}
        if action == "deadline":
            return {"due_date": self.case.due_date}
        if action == "follow_up":
            return {"follow_up_date": self.case.follow_up_date}
        return None

    def _reply_with_template(self, data) -> ReplyForm:
        """The reply form again, with the chosen standard reply after what was typed, marked
        as an acknowledgement when the standard reply is one."""
        chosen = data.get("standardsvar", "")
        template = ReplyTemplate.objects.filter(pk=chosen).first() if chosen.isdigit() else None
        typed = data.get("reply-body", "").rstrip()
        standard = template.render(self.case, self.request.user) if template else ""
        if opens_with_greeting(typed):  # "Kære Søren" typed first: the letter has its greeting
            standard = without_greeting(standard)
        parts = [typed, standard]
        body = "\n\n".join(part for part in parts if part)
        acknowledgement = template.acknowledgement if template else "reply-acknowledgement" in data
        return ReplyForm(
            case=self.case,
            prefix="reply",
            initial={"body": body, "acknowledgement": acknowledgement},
        )
