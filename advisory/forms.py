"""Forms staff use on a case: the quick intake, edits, and the actions on the case page."""

from datetime import UTC, datetime, timedelta

from django import forms
from django.core import signing
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminPageChooser

from advisory import workflow
from advisory.choosers import organisation_chooser_viewset
from advisory.contact_choice import ContactChoiceField
from advisory.filters import PersonChoiceField, active_case_handlers
from advisory.models import Case, CaseEvent
from advisory.models.cases import Status
from advisory.models.templates import GAP_RE
from advisory.public import tokens
from advisory.public.forms import TypedTextField
from kb.dates import DanishDateField, DanishDateTimeField
from kb.models import ArticlePage

CASE_FIELDS = [
    "channel",
    "organisation",
    "other_organisation",
    "municipality",
    "contact",  # right under the organisation whose people the list offers
    "requester_name",
    "requester_email",
    "requester_phone",
    "topic",
    "subject",
    "question",
    "priority",
]


class CaseForm(WagtailAdminModelForm):
    """What logging a case and editing it share."""

    class Meta:
        model = Case
        fields = CASE_FIELDS
        # A question typed on the site is stored with the line breaks it was typed with; the
        # same text sent again from here must not count as a change (browsers send "\r\n").
        field_classes = {"contact": ContactChoiceField, "question": TypedTextField}
        widgets = {
            "organisation": organisation_chooser_viewset.widget_class,
            "question": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "contact": _(
                "En af kontaktpersonerne hos sagens organisation. Navn, e-mail og telefon, "
                "der står tomme nedenfor, hentes fra kontaktpersonen."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requester_name"].required = False  # the contact's name will do
        for field in self.fields.values():
            # Too long is refused with a message: a browser cuts a pasted text short unseen.
            field.widget.attrs.pop("maxlength", None)

    def clean(self):
        cleaned = super().clean()
        contact = cleaned.get("contact")
        if contact and contact.organisation != cleaned.get("organisation"):
            contact = None  # refused by the case's own validation
        for field, value in (
            ("requester_name", contact and contact.name),
            ("requester_email", contact and contact.email),
            ("requester_phone", contact and contact.phone),
        ):
            if value and not cleaned.get(field) and field not in self.errors:
                cleaned[field] = value
        if not cleaned.get("requester_name") and "requester_name" not in self.errors:
            self.add_error(
                "requester_name", _("Skriv spørgerens navn, eller vælg en kontaktperson.")
            )
        return cleaned


class CaseIntakeForm(CaseForm):
    """Log a phone call, an email or a meeting as a new case in one go."""

    received_at = DanishDateTimeField(
        label=_("Modtaget"),
        required=False,
        help_text=_(
            "Hvornår henvendelsen kom, hvis ikke lige nu, fx et opkald i går: skriv dato og "
            "tid som 05.03.2026 14:30. Fristen regnes herfra."
        ),
    )
    assign_to_me = forms.BooleanField(label=_("Tildel mig sagen"), required=False, initial=True)
    send_receipt = forms.BooleanField(
        label=_("Send spørgeren en kvittering med sagsnummer og link til sagen"),
        required=False,
        help_text=_("Gennem linket kan spørgeren følge sagen, læse svar og skrive til jer."),
    )

    class Meta(CaseForm.Meta):
        help_texts = {
            **CaseForm.Meta.help_texts,
            "question": _("Spørgeren kan læse teksten, hvis de får et link til sagen."),
        }

    def clean_received_at(self):
        now = timezone.now()
        received_at = self.cleaned_data["received_at"] or now
        if received_at > now:
            raise forms.ValidationError(_("Tidspunktet kan ikke ligge i fremtiden."))
        # A mistyped year would number and date the case in that year.
        if received_at < now - timedelta(days=365):
            raise forms.ValidationError(_("Tidspunktet kan højst ligge et år tilbage."))
        return received_at

    def clean(self):
        cleaned = super().clean()
        # Only for an empty field: a mistyped address already has its own error.
        wrote_email = cleaned.get("requester_email") or "requester_email" in self.errors
        if cleaned.get("send_receipt") and not wrote_email:
            self.add_error(
                "requester_email",
                _("Skriv spørgerens e-mailadresse, eller send ingen kvittering."),
            )
        return cleaned


class CaseEditForm(CaseForm):
    """Saved over what others saved while it was open: a field they changed and this form did
    not keeps their value; a field both changed is refused once, showing theirs."""

    seen = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta(CaseForm.Meta):
        fields = [*CASE_FIELDS, "tags"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.saved = {name: _comparable(_value_of(self.instance, name)) for name in CASE_FIELDS}
        if not self.is_bound:
            self.initial["seen"] = signing.dumps(self.saved)

    def clean(self):
        cleaned = super().clean()
        seen = self._seen()
        clashes = False
        for name, now in self.saved.items():
            if name not in cleaned or seen.get(name, now) == now:
                continue  # an error of its own, or nobody else changed it
            typed = _comparable(cleaned[name])
            if typed == seen[name]:
                cleaned[name] = getattr(self.instance, name)
            elif typed != now:
                clashes = True
                self.add_error(name, self._changed_meanwhile(name))
        if clashes:  # sent again, the form saves what it says
            self.data = self.data.copy()
            self.data[self.add_prefix("seen")] = signing.dumps(self.saved)
        return cleaned

    def _seen(self) -> dict:
        """The values the form was opened with (what is saved now, if it does not say)."""
        try:
            return signing.loads(self.data.get(self.add_prefix("seen"), ""))
        except signing.BadSignature:
            return self.saved

    def _changed_meanwhile(self, name: str) -> str:
        label = str(Case._meta.get_field(name).verbose_name)
        edit = self.instance.events.filter(kind=CaseEvent.Kind.EDIT, field=label).first()
        value = shown_value(self.instance, name) or _("(tomt)")
        return _(
            "%(who)s har ændret feltet til »%(value)s«, mens du havde sagen åben. Gem igen, "
            "hvis din ændring skal gælde."
        ) % {
            "who": edit.author_name if edit and edit.author_name else _("En anden"),
            "value": value,
        }


def _value_of(case: Case, name: str):
    return Case._meta.get_field(name).value_from_object(case)


def _comparable(value) -> str:
    """A field's value as a form cleans it or the case holds it, comparable either way."""
    if isinstance(value, models.Model):
        value = value.pk
    return "" if value is None else str(value)


def shown_value(case: Case, name: str) -> str:
    """A field's value as staff read it: a choice's label, a related object's name."""
    display = getattr(case, f"get_{name}_display", None)
    value = display() if display else getattr(case, name)
    return "" if value is None else str(value)


class ActionFailed(Exception):
    """The action did not succeed, or was held back for the user to decide; tell them, and
    give them the form's ``retry()`` to try again with what they typed."""


class CaseActionForm(forms.Form):
    """A form on the case page; ``perform`` applies it through the workflow."""

    def __init__(self, *args, case: Case, **kwargs):
        self.case = case
        super().__init__(*args, **kwargs)

    def perform(self, user):
        raise NotImplementedError


class NoteForm(CaseActionForm):
    kind = forms.ChoiceField(
        label=_("Hvad skriver du?"),
        choices=[
            (CaseEvent.Kind.NOTE, _("Intern note (ses kun af sekretariatet)")),
            (
                CaseEvent.Kind.MESSAGE,
                _("Besked fra spørger (telefon, e-mail, møde) – spørgeren kan læse den"),
            ),
        ],
        initial=CaseEvent.Kind.NOTE,
        widget=forms.RadioSelect,
    )
    body = forms.CharField(label=_("Tekst"), widget=forms.Textarea(attrs={"rows": 4}))

    def perform(self, user):
        if self.cleaned_data["kind"] == CaseEvent.Kind.MESSAGE:
            workflow.record_message(self.case, user, self.cleaned_data["body"])
            return _("Beskeden fra spørgeren er gemt.")
        workflow.add_note(self.case, user, self.cleaned_data["body"])
        return _("Noten er gemt.")


class ReplyForm(CaseActionForm):
    """A reply to the requester, sent once however often the same form is submitted.
    Besides "Send svar" the form has a second button (``awaits_answer_button``) for a
    question back to the requester: the case then waits for them instead of being answered.
    With no address to send to, the reply given by phone or at a meeting is recorded instead."""

    body = forms.CharField(
        label=_("Svar til spørger"),
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    acknowledgement = forms.BooleanField(
        label=_("Kun en kvittering – sagen er ikke besvaret endnu"),
        required=False,
        help_text=_("Sagen bliver ikke markeret som besvaret, og beskeden tæller ikke som svar."),
    )
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form_token"].initial = tokens.issue()
        if not self.sends_email:
            del self.fields["acknowledgement"]
            self.fields["body"].label = _("Svaret, du gav spørgeren")
            self.fields["body"].help_text = _(
                "Spørgeren har ingen e-mailadresse. Skriv det svar, du gav i telefonen eller på "
                "et møde: det gemmes på tidslinjen, og sagen bliver markeret som besvaret."
            )

    @property
    def sends_email(self) -> bool:
        return bool(self.case.requester_email)

    def clean_body(self):
        body = self.cleaned_data["body"]
        if gap := GAP_RE.search(body):
            raise forms.ValidationError(
                _(
                    "Svaret har stadig et hul fra standardsvaret: %(gap)s. Udfyld det, eller "
                    "slet det, før du sender."
                )
                % {"gap": gap.group()}
            )
        return body

    @property
    def awaits_answer_button(self) -> str:
        return self.add_prefix("awaits_answer")

    def clean(self):
        cleaned = super().clean()
        try:
            cleaned["form_token"] = tokens.read(cleaned.get("form_token", ""))
        except tokens.BadToken:
            self.data = self.data.copy()
            self.data[self.add_prefix("form_token")] = tokens.issue()
            self.add_error(None, _("Formularen er for gammel. Send svaret igen."))
        return cleaned

    def retry(self) -> "ReplyForm":
        """The form again with the reply as typed, to send once more after a failure."""
        initial = {"body": self.cleaned_data["body"]}
        if self.sends_email:
            initial["acknowledgement"] = self.cleaned_data["acknowledgement"]
        return ReplyForm(case=self.case, prefix=self.prefix, initial=initial)

    def perform(self, user):
        awaits_answer = self.sends_email and self.awaits_answer_button in self.data
        acknowledgement = self.cleaned_data.get("acknowledgement", False) and not awaits_answer
        reopens = self.case.status == Status.CLOSED
        with transaction.atomic():
            if tokens.claim(self.cleaned_data["form_token"]) is None:
                return _("Svaret er allerede sendt.")
            self._refuse_if_answered_meanwhile(user)
            event = workflow.send_reply(
                self.case,
                user,
                self.cleaned_data["body"],
                awaits_answer=awaits_answer,
                acknowledgement=acknowledgement,
            )
        if event.delivery_failed:
            raise ActionFailed(
                _("Svaret blev ikke sendt: %(error)s") % {"error": event.delivery_error}
            )
        done = self._done(event, awaits_answer, acknowledgement)
        return _("Sagen var lukket og er genåbnet. %(done)s") % {"done": done} if reopens else done

    def _done(self, event, awaits_answer: bool, acknowledgement: bool) -> str:
        if not self.sends_email:
            return _("Svaret er gemt på sagen, og sagen er markeret som besvaret.")
        if awaits_answer:
            return _("Beskeden er sendt til %(email)s. Sagen afventer nu spørgeren.") % {
                "email": event.sent_to
            }
        if acknowledgement:
            # Not an answer: the case stays where it was (a new one is taken up), answered too.
            status = Status(Case.objects.values_list("status", flat=True).get(pk=self.case.pk))
            return _("Kvitteringen er sendt til %(email)s. Sagen står som »%(status)s«.") % {
                "email": event.sent_to,
                "status": status.label,
            }
        return _("Svaret er sendt til %(email)s.") % {"email": event.sent_to}

    def _refuse_if_answered_meanwhile(self, user):
        """Once, when a colleague replied while this reply was written: the requester should
        not get two answers unless that is meant."""
        shown_at = datetime.fromtimestamp(self.cleaned_data["form_token"].issued_at, tz=UTC)
        replied = (
            self.case.events.filter(kind=CaseEvent.Kind.REPLY, created_at__gt=shown_at)
            .exclude(author=user)
            .first()
        )
        if replied:
            raise ActionFailed(
                _(
                    "%(who)s har svaret spørgeren kl. %(time)s, mens du skrev, så dit svar er "
                    "ikke sendt. Læs svaret på tidslinjen, og send dit, hvis det stadig skal "
                    "sendes."
                )
                % {
                    "who": replied.author_name or _("En kollega"),
                    "time": date_format(timezone.localtime(replied.created_at), "H:i"),
                }
            )


class StatusForm(CaseActionForm):
    status = forms.ChoiceField(label=_("Ny status"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed = workflow.allowed_transitions(self.case)
        # Every status is accepted as sent, so a page opened before someone else changed the
        # status is answered with what happened, not "not one of the available choices".
        self.fields["status"].choices = Status.choices
        # Nothing chosen at first: a click on "Skift status" must not change it by accident.
        offered = [(status.value, status.label) for status in self.allowed]
        self.fields["status"].widget.choices = [("", _("Vælg status")), *offered]

    def clean_status(self):
        status = Status(self.cleaned_data["status"])
        if status == self.case.status:
            raise forms.ValidationError(
                _("Sagen har allerede status »%(status)s«. Genindlæs siden for at se hvorfor.")
                % {"status": status.label}
            )
        if status not in self.allowed:
            raise forms.ValidationError(
                _("En sag med status »%(old)s« kan ikke sættes til »%(new)s«.")
                % {"old": self.case.get_status_display(), "new": status.label}
            )
        return status

    def perform(self, user):
        case = workflow.change_status(self.case, self.cleaned_data["status"], user)
        return _("Sagen har nu status »%(status)s«.") % {"status": case.get_status_display()}


class DayFromTodayField(DanishDateField):
    """A date today or later: nobody can promise anything for a day that has passed."""

    default_error_messages = {"past": _("Datoen kan ikke ligge før i dag.")}

    def validate(self, value):
        super().validate(value)
        if value and value < timezone.localdate():
            raise forms.ValidationError(self.error_messages["past"], code="past")


class DeadlineForm(CaseActionForm):
    """Move the deadline of an open case, e.g. to a later day agreed with the requester. (A
    promise to call back after the case is answered is a follow-up date: FollowUpForm.)"""

    due_date = DayFromTodayField(
        label=_("Ny frist"),
        error_messages={"past": _("Fristen kan ikke ligge før i dag.")},
        help_text=_(
            "Har spørgeren et link til sagen, ser de fristen der: »Du hører fra os senest …«."
        ),
    )

    def perform(self, user):
        case = workflow.set_due_date(self.case, self.cleaned_data["due_date"], user)
        return _("Fristen er nu %(date)s.") % {"date": date_format(case.due_date, "j. F Y")}


class FollowUpForm(CaseActionForm):
    """The day the secretariat has promised to follow up on an answered case (call back, ask
    how it went). From that day the case is on the dashboard under "Til opfølgning"."""

    follow_up_date = DayFromTodayField(
        label=_("Følg op den"),
        help_text=_("Fra den dag står sagen under »Til opfølgning« på forsiden."),
    )

    def perform(self, user):
        case = workflow.set_follow_up(self.case, self.cleaned_data["follow_up_date"], user)
        return _("Sagen skal følges op den %(date)s.") % {
            "date": date_format(case.follow_up_date, "j. F Y")
        }


class FollowedUpForm(CaseActionForm):
    def perform(self, user):
        workflow.set_follow_up(self.case, None, user)
        return _("Sagen er markeret som fulgt op.")


class AssignForm(CaseActionForm):
    assignee = PersonChoiceField(
        label=_("Sagsbehandler"),
        queryset=active_case_handlers(),
        required=False,
        empty_label=_("Ikke tildelt"),
    )

    def perform(self, user):
        workflow.assign(self.case, self.cleaned_data["assignee"], user)
        return _("Sagsbehandleren er opdateret.")


class AssignToMeForm(CaseActionForm):
    def perform(self, user):
        workflow.assign(self.case, user, user)
        return _("Sagen er tildelt dig.")


class LinkPageForm(CaseActionForm):
    """A page of the knowledge base on the case: a suggested one, or one found in Wagtail's
    page chooser, where a draft is also listed but only a published page has a link to send."""

    page = forms.ModelChoiceField(
        label=_("Side i vidensbanken"),
        queryset=ArticlePage.objects.live(),
        widget=AdminPageChooser(target_models=[ArticlePage]),
        error_messages={"invalid_choice": _("Vælg en udgivet side: en kladde har intet link.")},
    )

    def perform(self, user):
        page = self.cleaned_data["page"]
        workflow.link_pages(self.case, [page], user)
        return _("»%(title)s« er tilknyttet sagen.") % {"title": page.title}


class UnlinkPageForm(CaseActionForm):
    """Take a page linked by mistake off the case (the "Fjern" button beside it)."""

    page = forms.ModelChoiceField(queryset=ArticlePage.objects.none(), widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page"].queryset = self.case.related_pages.all()

    def perform(self, user):
        page = self.cleaned_data["page"]
        workflow.unlink_page(self.case, page, user)
        return _("»%(title)s« er ikke længere tilknyttet sagen.") % {"title": page.title}


ACTION_FORMS = {
    "note": NoteForm,
    "reply": ReplyForm,
    "status": StatusForm,
    "deadline": DeadlineForm,
    "follow_up": FollowUpForm,
    "followed_up": FollowedUpForm,
    "assign": AssignForm,
    "assign_me": AssignToMeForm,
    "link": LinkPageForm,
    "unlink": UnlinkPageForm,
}
