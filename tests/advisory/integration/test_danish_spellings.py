"""The secretariat's lists read æ, ø and å as letters of their own, written either way (Århus
or Aarhus), and other accents aside (Café or Cafe)."""

import pytest

from django.urls import reverse

from advisory import workflow
from tests.advisory.factories import CaseFactory, ContactFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def found(client, list_name, query):
    response = client.get(reverse(f"{list_name}:index"), {"q": query})
    return sorted(str(item) for item in response.context["object_list"])


def subjects(client, query):
    response = client.get(reverse("sager:index"), {"q": query})
    return sorted(case.subject for case in response.context["object_list"])


def test_å_is_no_a_so_åen_does_not_find_what_only_has_aen_in_it(client, staff):
    aaen = OrganisationFactory(name="Værestedet Åen")
    CaseFactory(organisation=aaen, subject="Husleje")
    CaseFactory(organisation=OrganisationFactory(name="Cafe Skrænten"), subject="Lokaler")
    CaseFactory(subject="Nye aktiviteter", question="Vi vil tænke nyt om vores aktiviteter.")

    assert found(client, "organisationer", "åen") == ["Værestedet Åen"]
    for query in ["Åen", "værestedet åen", "aaen"]:
        assert subjects(client, query) == ["Husleje"], query
    assert subjects(client, "tænke") == ["Nye aktiviteter"]


def test_aa_oe_and_ae_find_å_ø_and_æ_and_the_letters_find_them_written_so(client, staff):
    written_with_letters = OrganisationFactory(name="Værestedet Århus Nord")
    OrganisationFactory(name="Aarhus Frivilligcenter")
    OrganisationFactory(name="Aabenraa Krisecenter")
    ContactFactory(organisation=written_with_letters, name="Søren Østergaard")
    CaseFactory(subject="Besøg fra Israel", organisation=None)

    for query in ["aarhus", "Århus", "AARHUS"]:
        assert found(client, "organisationer", query) == [
            "Aarhus Frivilligcenter",
            "Værestedet Århus Nord",
        ], query
    assert found(client, "organisationer", "åbenrå") == ["Aabenraa Krisecenter"]
    assert found(client, "organisationer", "vaerestedet") == ["Værestedet Århus Nord"]
    for query in ["soeren oestergaard", "Østergård søren", "oestergaard"]:
        assert found(client, "kontaktpersoner", query) == [
            "Søren Østergaard (Værestedet Århus Nord)"
        ], query
    assert subjects(client, "israel") == ["Besøg fra Israel"]  # ae as typed, not only as æ


def test_other_accents_are_aside_either_way(client, staff):
    OrganisationFactory(name="Café Solen")
    OrganisationFactory(name="Cafe Broen")
    OrganisationFactory(name="Bänken")

    assert found(client, "organisationer", "cafe") == ["Cafe Broen", "Café Solen"]
    assert found(client, "organisationer", "café") == ["Cafe Broen", "Café Solen"]
    assert found(client, "organisationer", "bænken") == ["Bänken"]


def test_a_timeline_is_searched_in_each_reading_of_a_word(client, staff):
    moving = CaseFactory(subject="Flytning", organisation=None)
    workflow.add_note(moving, staff, "De flytter til Århus til sommer.")
    CaseFactory(subject="Husleje", organisation=None)

    assert subjects(client, "aarhus") == ["Flytning"]
