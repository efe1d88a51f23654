"""A case's contact person, chosen among its organisation's people: the list is grouped by
organisation, and a script (static/advisory/contact-choice.js) shows only the group of the
organisation chosen in the same form. The model refuses a contact from another organisation."""

from itertools import groupby
from operator import attrgetter

from django import forms
from django.forms.models import ModelChoiceIterator


class ContactsByOrganisation(ModelChoiceIterator):
    """One group of contacts per organisation, in the organisations' order."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        contacts = self.queryset.select_related("organisation").order_by(
            "organisation__name", "name"
        )
        for organisation, members in groupby(contacts, key=attrgetter("organisation")):
            yield (organisation.name, [self.choice(contact) for contact in members])


class ContactSelect(forms.Select):
    """Each contact marked with its organisation, for the script that narrows the list to the
    organisation chosen in the form's field named by ``data-organisation-field``."""

    def __init__(self, attrs=None):
        super().__init__({"data-organisation-field": "organisation", **(attrs or {})})

    class Media:
        js = [forms.Script("advisory/contact-choice.js", defer=True)]  # runs on the parsed form

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if value:  # not the empty choice
            option["attrs"]["data-organisation"] = value.instance.organisation_id
        return option


class ContactChoiceField(forms.ModelChoiceField):
    iterator = ContactsByOrganisation
    widget = ContactSelect

    def label_from_instance(self, obj):
        return f"{obj.name}, {obj.role}" if obj.role else obj.name
