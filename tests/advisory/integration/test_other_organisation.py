"""A question from a place that is not a member keeps the place's name where the secretariat
looks: the case page, the case list, its organisation filter and its export."""

import csv
import importlib
import io

import pytest
from bs4 import BeautifulSoup

from django.apps import apps
from django.urls import reverse

from advisory import workflow
from advisory.models import Case
from advisory.models.cases import Channel
from tests.advisory.factories import CaseFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def listed_organisations(client, query=None) -> dict[str, str]:
    page = client.get(reverse("sager:index"), query or {}).content.decode()
    rows = BeautifulSoup(page, "html.parser").select("table.listing tbody tr")
    return {
        row.select("td")[0].get_text(strip=True): row.select("td")[2].get_text(strip=True)
        for row in rows
    }


def test_a_place_that_is_not_a_member_is_named_on_the_case_list_page_and_export(client, staff):
    new_place = CaseFactory(organisation=None, other_organisation="Værestedet Solsikken")
    member = CaseFactory(organisation=OrganisationFactory(name="Café Tangen"))
    nobody = CaseFactory(organisation=None)

    assert listed_organisations(client) == {
        new_place.reference: "Værestedet Solsikken (ikke medlem)",
        member.reference: "Café Tangen",
        nobody.reference: "",
    }
    assert listed_organisations(client, {"organisation": "solsikken"}) == {
        new_place.reference: "Værestedet Solsikken (ikke medlem)"
    }
    page = client.get(reverse("sager:detail", args=[new_place.pk])).content.decode()
    assert "<dd>Værestedet Solsikken (ikke medlem)</dd>" in page

    response = client.get(reverse("sager:index"), {"export": "csv"})
    exported = b"".join(response.streaming_content).decode("utf-8")[1:]
    rows = {row["Reference"]: row for row in csv.DictReader(io.StringIO(exported), delimiter=";")}
    assert rows[new_place.reference]["Organisation"] == "Værestedet Solsikken (ikke medlem)"
    assert rows[member.reference]["Organisation"] == "Café Tangen"


def test_the_case_page_gives_the_kommune_of_someone_who_is_not_a_member_on_a_line_of_its_own(
    client, staff
):
    from advisory.models import Municipality

    vejle = Municipality.objects.get(name="Vejle")
    case = CaseFactory(organisation=None, municipality=vejle, subject="Lokaler til et nyt sted")

    page = BeautifulSoup(client.get(reverse("sager:detail", args=[case.pk])).content, "html.parser")

    facts = {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in page.select(".case-facts dt")
    }
    assert facts["Organisation"] == "Ingen (ikke medlem)"
    assert facts["Kommune"] == "Vejle (Region Syddanmark)"
    assert facts["Emnelinje"] == "Lokaler til et nyt sted"  # the header shows the reference only


CALL = {
    "channel": Channel.PHONE,
    "requester_name": "Lone Berg",
    "subject": "Vi vil starte et værested",
    "question": "Hvordan kommer vi i gang?",
    "priority": "normal",
}


def test_a_call_names_either_a_member_or_another_place_not_both(client, staff):
    member = OrganisationFactory(name="Café Tangen")
    both = {**CALL, "organisation": member.pk, "other_organisation": "Nyt sted i Vejle"}

    page = client.post(reverse("sager:add"), both).content.decode()

    assert "Sagen har allerede en organisation blandt medlemmerne." in page
    assert 'value="Nyt sted i Vejle"' in page and 'value="Lone Berg"' in page
    assert not Case.objects.exists()

    client.post(reverse("sager:add"), {**CALL, "other_organisation": "Nyt sted i Vejle"})
    assert Case.objects.get().organisation_label == "Nyt sted i Vejle (ikke medlem)"


def test_cases_from_before_take_the_place_from_their_first_note(staff):
    case = CaseFactory(organisation=None, channel=Channel.WEB)
    note = "Oprettet fra hjemmesidens spørgeformular.\n"
    workflow.add_note(
        case, None, note + "Organisation: Det nye sted (ikke fundet blandt medlemmerne)"
    )
    member_case = CaseFactory(organisation=OrganisationFactory(name="Café Tangen"))
    workflow.add_note(member_case, None, "Organisation: X (ikke fundet blandt medlemmerne)")

    migration = importlib.import_module("advisory.migrations.0009_case_other_organisation")
    migration.name_from_first_note(apps, None)

    assert Case.objects.get(pk=case.pk).other_organisation == "Det nye sted"
    assert Case.objects.get(pk=member_case.pk).other_organisation == ""
