"""An organisation's page in the admin: who to call there and what the secretariat has helped
them with."""

import html
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from advisory import workflow
from advisory.models import Contact, Organisation
from advisory.models.cases import Status
from tests.advisory.factories import (
    CaseFactory,
    ContactFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
CPH = ZoneInfo("Europe/Copenhagen")


def page_url(organisation):
    return reverse("organisationer:inspect", args=[organisation.pk])


def link_on(page: str, text: str) -> str:
    return html.unescape(re.search(rf'<a [^>]*href="([^"]+)"[^>]*>\s*{text}', page)[1])


def test_an_organisations_page_lists_its_contacts_and_cases_newest_first_and_no_one_elses(
    client, staff
):
    solstuen = OrganisationFactory(name="Solstuen")
    lone = ContactFactory(
        organisation=solstuen,
        name="Lone Berg",
        role="Leder",
        phone="20 30 40 50",
        email="lone@solstuen.dk",
    )
    older = CaseFactory(
        organisation=solstuen, subject="Frivillige", opened_at=datetime(2025, 3, 4, 10, tzinfo=CPH)
    )
    newer = CaseFactory(
        organisation=solstuen, subject="Husregler", opened_at=datetime(2026, 7, 3, 9, tzinfo=CPH)
    )
    workflow.change_status(newer, Status.IN_PROGRESS)
    elsewhere = OrganisationFactory(name="Kaffestuen")
    ContactFactory(organisation=elsewhere, name="Hans Jensen")
    CaseFactory(organisation=elsewhere, subject="Kaffestuens husleje")

    page = client.get(page_url(solstuen)).content.decode()

    contact_url = reverse("kontaktpersoner:edit", args=[lone.pk])
    assert link_on(page, "Lone Berg").startswith(f"{contact_url}?next=")
    for label, detail in (
        ("Rolle", "Leder"),
        ("Telefon", "20 30 40 50"),
        ("E-mail", "lone@solstuen.dk"),
    ):
        assert f'<td data-label="{label}">{detail}</td>' in page
    for case in (newer, older):
        case_url = reverse("sager:detail", args=[case.pk])
        assert f'<a href="{case_url}">{case.reference}</a>' in page
    assert page.index("Husregler") < page.index("Frivillige")
    assert '<td data-label="Status">I gang</td>' in page
    assert '<td data-label="Status">Ny</td>' in page
    assert '<td data-label="Oprettet">03.07.2026</td>' in page
    assert '<td data-label="Oprettet">04.03.2025</td>' in page
    assert "Hans Jensen" not in page and "Kaffestuens husleje" not in page


def test_the_organisation_list_opens_an_organisations_page_and_keeps_editing_in_its_menu(
    client, staff
):
    solstuen = OrganisationFactory(name="Solstuen")

    listing = client.get(reverse("organisationer:index")).content.decode()

    assert re.search(rf'<a href="{page_url(solstuen)}"[^>]*>\s*Solstuen', listing)
    assert reverse("organisationer:edit", args=[solstuen.pk]) in listing


def test_many_cases_lead_to_the_case_list_of_that_organisation_only(client, staff):
    stedet = OrganisationFactory(name="Stedet")
    for number in range(11):
        CaseFactory(organisation=stedet, subject=f"Sag {number} fra Stedet")
    CaseFactory(organisation=OrganisationFactory(name="Mødestedet Lommen"), subject="Lommens sag")

    page = client.get(page_url(stedet)).content.decode()

    assert page.count("fra Stedet</td>") == 10
    link = re.search(r'<a href="([^"]+)">Se alle sager \(11\)</a>', page).group(1)
    listing = client.get(html.unescape(link))
    subjects = {case.subject for case in listing.context["object_list"]}
    assert len(subjects) == 11 and "Lommens sag" not in subjects


def test_a_few_cases_need_no_link_to_the_case_list(client, staff):
    case = CaseFactory()

    page = client.get(page_url(case.organisation)).content.decode()

    assert case.reference in page
    assert "Se alle sager" not in page


def test_a_contact_added_from_an_organisations_page_belongs_to_it_and_leads_back(client, staff):
    solstuen = OrganisationFactory(name="Solstuen")
    OrganisationFactory(name="Kaffestuen")
    page = client.get(page_url(solstuen)).content.decode()
    add_contact = html.unescape(re.search(r'<a [^>]*href="([^"]+)">Tilføj kontaktperson', page)[1])

    form = client.get(add_contact).content.decode()
    assert f'<option value="{solstuen.pk}" selected>Solstuen</option>' in form

    response = client.post(add_contact, {"organisation": solstuen.pk, "name": "Lone Berg"})
    assert response.status_code == 302
    assert response.url == page_url(solstuen)
    assert Contact.objects.get().organisation == solstuen


def form_action(page: str) -> str:
    return html.unescape(re.search(r'<form\s[^>]*action="([^"]+)"[^>]*data-edit-form', page)[1])


def contact_fields(contact, **changes):
    return {"organisation": contact.organisation_id, "name": contact.name, **changes}


def organisation_fields(organisation, **changes):
    fields = {"name": organisation.name, "kind": organisation.kind, "active": "on"}
    return {**fields, "municipality": organisation.municipality_id, **changes}


def test_a_contact_edited_from_an_organisations_page_leads_back_there_even_after_a_mistake(
    client, staff
):
    solstuen = OrganisationFactory(name="Solstuen")
    lone = ContactFactory(organisation=solstuen, name="Lone Berg")
    edit_contact = link_on(client.get(page_url(solstuen)).content.decode(), "Lone Berg")

    mistake = client.post(edit_contact, contact_fields(lone, name="", role="Leder"))
    assert mistake.status_code == 200
    response = client.post(
        form_action(mistake.content.decode()), contact_fields(lone, role="Leder")
    )

    assert response.status_code == 302
    assert response.url == page_url(solstuen)
    assert Contact.objects.get(pk=lone.pk).role == "Leder"


def test_an_organisation_edited_from_its_page_leads_back_there(client, staff):
    solstuen = OrganisationFactory(name="Solstuen")
    page = client.get(page_url(solstuen)).content.decode()
    edit = link_on(page, "Ret organisationens oplysninger")

    response = client.post(edit, organisation_fields(solstuen, name="Solstuen i Odense"))

    assert response.status_code == 302
    assert response.url == page_url(solstuen)
    assert "Solstuen i Odense" in client.get(response.url).content.decode()


def test_a_postcode_with_a_letter_for_a_digit_is_refused_and_the_form_kept(client, staff):
    solstuen = OrganisationFactory(name="Solstuen", postcode="5000")
    edit = link_on(
        client.get(page_url(solstuen)).content.decode(), "Ret organisationens oplysninger"
    )

    response = client.post(
        edit, organisation_fields(solstuen, postcode="78OO", address="Havnegade 4")
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Et postnummer er fire cifre, fx 8000." in page
    assert 'value="Havnegade 4"' in page
    solstuen.refresh_from_db()
    assert solstuen.postcode == "5000"


def test_member_since_takes_dates_as_the_case_forms_do(client, staff):
    solstuen = OrganisationFactory(name="Solstuen")
    edit = reverse("organisationer:edit", args=[solstuen.pk])

    client.post(edit, organisation_fields(solstuen, member_since="1/5-2020"))
    mistake = client.post(edit, organisation_fields(solstuen, member_since="31.02.2021"))

    solstuen.refresh_from_db()
    assert solstuen.member_since.isoformat() == "2020-05-01"
    page = mistake.content.decode()
    assert "Skriv en gyldig dato som dd.mm.åååå, fx 05.03.2026." in page
    assert 'value="31.02.2021"' in page


def test_a_name_another_organisation_has_is_refused_in_danish(client, staff):
    OrganisationFactory(name="Solstuen")
    trappen = OrganisationFactory(name="Trappen")
    edit = reverse("organisationer:edit", args=[trappen.pk])

    page = client.post(edit, organisation_fields(trappen, name="Solstuen")).content.decode()

    assert "Der er allerede en organisation med det navn." in page


def delete_from(edit_form_url: str, client):
    """Press the edit form's "Slet", then confirm: the response to the confirmation."""
    form = client.get(edit_form_url).content.decode()
    confirm_url = html.unescape(re.search(r'href="([^"]*/delete/[^"]*)"', form)[1])
    confirmation = client.get(confirm_url).content.decode()
    action = html.unescape(re.search(r'<form action="([^"]+)" method="POST"', confirmation)[1])
    return client.post(action)


def test_a_contact_deleted_from_an_organisations_page_leads_back_there(client, staff):
    solstuen = OrganisationFactory(name="Solstuen")
    ContactFactory(organisation=solstuen, name="Lone Berg")
    edit_contact = link_on(client.get(page_url(solstuen)).content.decode(), "Lone Berg")

    response = delete_from(edit_contact, client)

    assert response.status_code == 302
    assert response.url == page_url(solstuen)
    assert not Contact.objects.exists()


def test_an_organisation_deleted_from_its_page_ends_on_the_list_as_its_page_is_gone(client):
    client.force_login(UserFactory(username="chef", is_superuser=True))
    solstuen = OrganisationFactory(name="Solstuen")
    edit = link_on(
        client.get(page_url(solstuen)).content.decode(), "Ret organisationens oplysninger"
    )

    response = delete_from(edit, client)

    assert response.url == reverse("organisationer:index")
    assert not Organisation.objects.exists()


def test_editing_from_the_lists_still_leads_back_to_the_lists(client, staff):
    solstuen = OrganisationFactory(name="Solstuen")
    lone = ContactFactory(organisation=solstuen, name="Lone Berg")

    contact = client.post(reverse("kontaktpersoner:edit", args=[lone.pk]), contact_fields(lone))
    organisation = client.post(
        reverse("organisationer:edit", args=[solstuen.pk]), organisation_fields(solstuen)
    )

    assert contact.url == reverse("kontaktpersoner:index")
    assert organisation.url == reverse("organisationer:index")


def test_an_edit_form_never_leads_away_to_another_site(client, staff):
    lone = ContactFactory(name="Lone Berg")
    edit = reverse("kontaktpersoner:edit", args=[lone.pk]) + "?next=https://evil.example/"

    form = client.get(edit).content.decode()
    response = client.post(edit, contact_fields(lone))

    assert "evil.example" not in form_action(form)
    assert response.url == reverse("kontaktpersoner:index")


def test_a_case_logged_from_an_organisations_page_has_it_chosen(client, staff):
    solstuen = OrganisationFactory(name="Solstuen")
    page = client.get(page_url(solstuen)).content.decode()
    log_a_case = html.unescape(re.search(r'<a [^>]*href="([^"]+)">Log en henvendelse', page)[1])

    form = BeautifulSoup(client.get(log_a_case).content, "html.parser")

    assert form.select_one("#id_organisation")["value"] == str(solstuen.pk)
    assert form.select_one("#id_organisation-title").get_text(strip=True) == "Solstuen"


def test_an_organisation_without_contacts_or_cases_says_so(client, staff):
    quiet = OrganisationFactory(name="Det stille sted", is_member=False)

    page = client.get(page_url(quiet)).content.decode()

    assert "Ingen kontaktpersoner endnu." in page
    assert "Sekretariatet har ingen sager fra organisationen endnu." in page


def filtered_by_organisation(client, organisation):
    response = client.get(reverse("sager:index"), {"organisation": organisation})
    return {case.subject for case in response.context["object_list"]}


def test_the_case_lists_organisation_filter_takes_part_of_a_name_or_a_whole_name_in_quotes(
    client, staff
):
    CaseFactory(organisation=OrganisationFactory(name="Stedet"), subject="Stedets sag")
    CaseFactory(organisation=OrganisationFactory(name="Mødestedet Lommen"), subject="Lommens sag")

    assert filtered_by_organisation(client, "stedet") == {"Stedets sag", "Lommens sag"}
    assert filtered_by_organisation(client, '"Stedet"') == {"Stedets sag"}


def test_the_case_lists_organisation_filter_reads_names_as_the_search_does(client, staff):
    CaseFactory(organisation=OrganisationFactory(name="Café Åen"), subject="Åens sag")
    CaseFactory(organisation=OrganisationFactory(name="Cafe Skrænten"), subject="Skræntens sag")
    CaseFactory(organisation=None, other_organisation="Aarhus Cafeen", subject="Aarhus' sag")

    assert filtered_by_organisation(client, "åen") == {"Åens sag"}
    assert filtered_by_organisation(client, "café") == {"Åens sag", "Skræntens sag", "Aarhus' sag"}
    assert filtered_by_organisation(client, "århus") == {"Aarhus' sag"}


def test_the_organisation_list_exports_for_danish_excel(client, staff):
    OrganisationFactory(
        name="Idrætsforeningen Løbet",
        kind=Organisation.Kind.SPORTS_CLUB,
        member_since=datetime(2019, 3, 5).date(),
        is_member=True,
        active=False,
    )

    response = client.get(reverse("organisationer:index"), {"export": "csv"})

    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")  # Excel reads æ, ø and å
    header, row = [line.split(";") for line in text.lstrip("\ufeff").splitlines()[:2]]
    exported = dict(zip(header, row, strict=True))
    assert exported["Type"] == "Idrætssocial forening"
    assert exported["Medlem siden"] == "05.03.2019"
    assert (exported["Medlem"], exported["Aktiv"]) == ("Ja", "Nej")
    assert exported["Region"] == "Region Syddanmark"


def test_an_organisations_page_is_titled_by_its_kind_and_name_once(client, staff):
    solstuen = OrganisationFactory(name="Solstuen")

    page = client.get(page_url(solstuen)).content.decode()

    assert "<title>Organisation: Solstuen - " in page
