"""The public question form and the requester's answer-back form."""

from django import forms
from django.db.models.lookups import Exact
from django.utils.translation import gettext_lazy as _

from advisory.models import Municipality, Organisation
from advisory.models.organisations import validate_phone
from advisory.spelling import spelled_as
from advisory.text import single_line, typed_text
from kb.models import Topic

QUESTION_MAX = 5000


class AccessibleFormMixin:
    """Links each field to its error and help text (``aria-describedby``) and marks invalid
    fields, so screen readers announce the message with the field."""

    def full_clean(self):
        super().full_clean()
        for name, field in self.fields.items():
            bound = self[name]
            described = [f"{bound.auto_id}-hjaelp"] if field.help_text else []
            if name in self.errors:
                described.insert(0, f"{bound.auto_id}-fejl")
                field.widget.attrs["aria-invalid"] = "true"
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)


class TypedTextField(forms.CharField):
    """Text counted as the person sees it: a line break is one character (browsers send two).
    The page has no ``maxlength``: a browser cuts pasted text at it without a word, and the end
    of a question was lost; too long a text is refused with its length, and kept."""

    def __init__(self, *, limit: int | None = None, **kwargs):
        self.limit = limit
        super().__init__(**kwargs)

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n")

    def validate(self, value):
        super().validate(value)
        if self.limit is not None and len(value) > self.limit:
            raise forms.ValidationError(
                _("Teksten må højst være %(limit)s tegn (den er %(length)s).")
                % {"limit": danish_number(self.limit), "length": danish_number(len(value))}
            )


def danish_number(number: int) -> str:
    """5000 as 5.000; written out, as the help text is made before any language is active."""
    return f"{number:,}".replace(",", ".")


SUBJECT_MAX = 200


def text_field(label, max_length, *, required=True, widget=None, help_text=""):
    return TypedTextField(
        label=label,
        limit=max_length,
        required=required,
        widget=widget,
        help_text=help_text,
        error_messages={"required": _("Udfyld feltet »%(label)s«.") % {"label": label}},
    )


class AskForm(AccessibleFormMixin, forms.Form):
    """A question to the secretariat. The honeypot ``website`` is hidden from people."""

    # The order of the page, so the error summary lists the fields as a person meets them.
    field_order = [
        "subject",
        "question",
        "topic",
        "name",
        "email",
        "phone",
        "organisation",
        "starting_up",
        "municipality",
        "consent",
    ]

    name = text_field(_("Dit navn"), 200, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(
        label=_("Din e-mail"),
        max_length=254,
        help_text=_("Vi sender svaret og et link til din sag hertil."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Skriv din e-mailadresse, så vi kan svare dig."),
            "invalid": _("Skriv en gyldig e-mailadresse, fx navn@example.dk."),
            "max_length": _("E-mailadressen er for lang."),
        },
    )
    phone = text_field(
        _("Telefon"),  # the fields that must be filled in say so
        20,
        required=False,
        help_text=_("Mindst 8 cifre, fx 7592 4000."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    organisation = text_field(
        _("Værested eller forening"),
        200,
        required=False,
        help_text=_(
            "Vælg jeres sted på listen, eller skriv navnet. Er I ved at starte et værested, "
            "så sæt kryds nedenfor i stedet."
        ),
        widget=forms.TextInput(attrs={"list": "organisations", "autocomplete": "organization"}),
    )
    # Required unless "starting_up" is ticked (clean): marked like the required fields, or
    # sending the form was the first a person heard of it.
    organisation.marked_required = True
    starting_up = forms.BooleanField(label=_("Vi er ved at starte et værested"), required=False)
    municipality = forms.ModelChoiceField(
        label=_("Kommune"),
        queryset=Municipality.objects.all(),
        required=False,
        empty_label=_("Vælg kommune"),
    )
    topic = forms.ModelChoiceField(
        label=_("Emne"),
        queryset=Topic.objects.all(),
        required=False,
        empty_label=_("Ved ikke / andet"),
    )
    subject = text_field(
        _("Overskrift"),
        SUBJECT_MAX,
        help_text=_("Fx »Hvordan finder vi frivillige?« Højst %(max)s tegn.")
        % {"max": SUBJECT_MAX},
    )
    question = text_field(
        _("Dit spørgsmål"),
        QUESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Højst %(max)s tegn.") % {"max": danish_number(QUESTION_MAX)},
    )
    consent = forms.BooleanField(
        label=_(
            "Jeg giver lov til, at sekretariatet gemmer og bruger mine oplysninger til at "
            "besvare spørgsmålet."
        ),
        error_messages={"required": _("Du skal give lov, før vi kan tage imod dit spørgsmål.")},
    )
    website = forms.CharField(
        label=_("Lad dette felt være tomt"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_name(self):
        return single_line(self.cleaned_data["name"])

    def clean_subject(self):
        return single_line(self.cleaned_data["subject"])

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone:
            validate_phone(phone)
        return phone

    def clean_question(self):
        question = typed_text(self.cleaned_data["question"])
        if len(question) < 10:
            raise forms.ValidationError(_("Skriv lidt mere, så vi kan forstå spørgsmålet."))
        return question

    def clean(self):
        data = super().clean()
        if not data.get("organisation") and not data.get("starting_up"):
            self.add_error(
                "organisation",
                _(
                    "Skriv navnet på jeres sted, eller sæt kryds ved »Vi er ved at starte et "
                    "værested«."
                ),
            )
        return data

    def member_organisation(self) -> Organisation | None:
        """The member organisation the typed name matches (spelled as advisory.spelling
        compares it), if any, and in the kommune chosen, if one was: two places may share a
        name."""
        name = single_line(self.cleaned_data.get("organisation", ""))
        if not name:
            return None
        members = Organisation.objects.filter(is_member=True)
        if municipality := self.cleaned_data.get("municipality"):
            members = members.filter(municipality=municipality)
        return members.filter(spelled_as("name", name, Exact)).first()

    @property
    def search_text(self) -> str:
        """What the person has written so far, for suggesting pages."""
        return " ".join(filter(None, [self["subject"].value(), self["question"].value()]))


class MessageForm(AccessibleFormMixin, forms.Form):
    """The requester's answer to the secretariat on the tracking page."""

    body = text_field(_("Din besked"), QUESTION_MAX, widget=forms.Textarea(attrs={"rows": 6}))
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_body(self):
        return typed_text(self.cleaned_data["body"])
