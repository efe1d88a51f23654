"""A case's contact person is one of its organisation's people."""

import pytest

from django.urls import reverse

from advisory.models import Case, CaseEvent
from tests.advisory.factories import CaseFactory, ContactFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def edit_url(case):
    return reverse("sager:edit", args=[case.pk])


def form_data(client, case, **changes):
    """The case's edit form as it is shown, with ``changes`` typed into it."""
    form = client.get(edit_url(case)).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(tags="", **changes)
    return data


def test_a_contact_from_another_organisation_is_refused_and_nothing_typed_is_lost(client, staff):
    case = CaseFactory(organisation=OrganisationFactory(name="Solstuen"), subject="Husregler")
    hans = ContactFactory(organisation=OrganisationFactory(name="Kaffestuen"), name="Hans Jensen")

    response = client.post(
        edit_url(case), form_data(client, case, contact=hans.pk, subject="Husregler for brugerne")
    )

    page = response.content.decode()
    assert (
        "Hans Jensen er kontaktperson hos Kaffestuen, ikke hos Solstuen. Vælg en af "
        "kontaktpersonerne hos Solstuen, eller lad feltet stå tomt." in page
    )
    assert 'value="Husregler for brugerne"' in page
    assert f'<option value="{hans.pk}" selected' in page
    case.refresh_from_db()
    assert (case.contact, case.subject) == (None, "Husregler")
    assert not case.events.filter(kind=CaseEvent.Kind.EDIT).exists()


def test_a_case_without_an_organisation_has_no_contact_person(client, staff):
    case = CaseFactory(organisation=None, requester_name="Lone Berg")
    hans = ContactFactory(organisation=OrganisationFactory(name="Kaffestuen"), name="Hans Jensen")

    response = client.post(edit_url(case), form_data(client, case, contact=hans.pk))

    assert (
        "Hans Jensen er kontaktperson hos Kaffestuen, men sagen har ingen organisation. "
        "Vælg organisationen, eller lad feltet stå tomt." in response.content.decode()
    )
    case.refresh_from_db()
    assert case.contact is None


def test_one_of_the_organisations_people_becomes_the_contact_person(client, staff):
    solstuen = OrganisationFactory(name="Solstuen")
    case = CaseFactory(organisation=solstuen)
    lone = ContactFactory(organisation=solstuen, name="Lone Berg", role="Leder")

    response = client.post(edit_url(case), form_data(client, case, contact=lone.pk))

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.contact == lone
    assert case.events.get(kind=CaseEvent.Kind.EDIT).field == "kontaktperson"


def test_without_a_script_the_contacts_are_listed_under_their_organisations(client, staff):
    solstuen = OrganisationFactory(name="Solstuen")
    case = CaseFactory(organisation=solstuen)
    ContactFactory(organisation=solstuen, name="Lone Berg", role="Leder")
    ContactFactory(organisation=OrganisationFactory(name="Kaffestuen"), name="Hans Jensen")

    contact = client.get(edit_url(case)).context["form"]["contact"]

    _empty, *groups = contact.field.choices
    assert [(group, [label for _, label in choices]) for group, choices in groups] == [
        ("Kaffestuen", ["Hans Jensen"]),
        ("Solstuen", ["Lone Berg, Leder"]),
    ]


def test_the_case_page_shows_how_to_reach_the_contact_person_and_links_the_organisation(
    client, staff
):
    solstuen = OrganisationFactory(name="Solstuen")
    lone = ContactFactory(
        organisation=solstuen, name="Lone Berg", role="Leder", phone="12 34 56 78"
    )
    case = CaseFactory(organisation=solstuen, contact=lone)

    html = client.get(reverse("sager:detail", args=[case.pk])).content.decode()

    organisation_url = reverse("organisationer:inspect", args=[solstuen.pk])
    assert f'<a href="{organisation_url}">Solstuen</a>' in html
    contact_url = reverse("kontaktpersoner:edit", args=[lone.pk])
    assert f'<a href="{contact_url}">Lone Berg</a> (Leder), tlf. 12 34 56 78' in html


def test_a_call_is_logged_with_one_of_the_organisations_people_and_no_one_else(client, staff):
    solstuen = OrganisationFactory(name="Solstuen")
    lone = ContactFactory(organisation=solstuen, name="Lone Berg")
    hans = ContactFactory(organisation=OrganisationFactory(name="Kaffestuen"), name="Hans Jensen")
    call = {
        "channel": "phone",
        "organisation": solstuen.pk,
        "requester_name": "Lone Berg",
        "subject": "Frivillige til weekenden",
        "question": "Hvordan finder vi frivillige til weekendåbent?",
        "priority": "normal",
    }

    refused = client.post(reverse("sager:add"), {**call, "contact": hans.pk})

    assert "Hans Jensen er kontaktperson hos Kaffestuen, ikke hos Solstuen." in (
        refused.content.decode()
    )
    assert refused.context["form"]["subject"].value() == "Frivillige til weekenden"
    assert not Case.objects.exists()

    client.post(reverse("sager:add"), {**call, "contact": lone.pk})

    assert Case.objects.get().contact == lone


def test_a_call_from_a_contact_person_takes_their_name_email_and_phone(client, staff):
    solstuen = OrganisationFactory(name="Solstuen")
    per = ContactFactory(
        organisation=solstuen, name="Per Hansen", email="per@solstuen.dk", phone="12 34 56 78"
    )

    response = client.post(
        reverse("sager:add"),
        {
            "channel": "phone",
            "organisation": solstuen.pk,
            "contact": per.pk,
            "requester_name": "",
            "subject": "Frivillige til weekenden",
            "question": "Hvordan finder vi frivillige til weekendåbent?",
            "priority": "normal",
        },
    )

    assert response.status_code == 302
    case = Case.objects.get()
    assert (case.requester_name, case.requester_email, case.requester_phone) == (
        "Per Hansen",
        "per@solstuen.dk",
        "12 34 56 78",
    )


def test_a_call_with_neither_a_name_nor_a_contact_person_asks_for_one(client, staff):
    response = client.post(
        reverse("sager:add"),
        {
            "channel": "phone",
            "requester_name": "",
            "subject": "Frivillige til weekenden",
            "question": "Hvordan finder vi frivillige til weekendåbent?",
            "priority": "normal",
        },
    )

    assert "Skriv spørgerens navn, eller vælg en kontaktperson." in response.content.decode()
    assert not Case.objects.exists()
