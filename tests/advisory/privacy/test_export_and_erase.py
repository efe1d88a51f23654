import json
import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.log_actions import log as log_action
from wagtail.models import ModelLogEntry

from advisory import privacy, workflow
from advisory.models import Case, CaseAttachment, Contact, Municipality
from advisory.models.cases import Channel, Status
from advisory.public.intake import open_requester_case
from tests.advisory.factories import CaseFactory, OrganisationFactory, editor, secretary

pytestmark = pytest.mark.django_db
PERSON_DATA = "/admin/persondata/"


@pytest.fixture
def web_case():
    return open_requester_case(
        Channel.WEB,
        requester_name="Søren Kierkegaard",
        requester_email="soeren@example.net",
        requester_phone="12 34 56 78",
        subject="Spørgsmål fra Søren",
        question="Jeg hedder Søren Kierkegaard, ring på 12345678 eller skriv til "
        "soeren@example.net.",
    )


def test_export_lists_every_case_of_the_person_and_nobody_elses(web_case):
    CaseFactory(requester_email="anden@example.net", subject="Andens sag")
    data = json.loads(json.dumps(privacy.export("SOEREN@example.net")))
    assert [case["reference"] for case in data["cases"]] == [web_case.reference]
    assert data["cases"][0]["phone"] == "12 34 56 78"
    assert "Andens sag" not in json.dumps(data)
    # In the time the person knows (Danish), not UTC.
    opened = timezone.localtime(web_case.opened_at).isoformat()
    assert data["cases"][0]["opened_at"] == opened and opened.endswith(("+01:00", "+02:00"))


def test_export_keeps_internal_notes_apart_from_what_the_person_saw(web_case):
    staff = secretary()
    workflow.add_note(web_case, staff, "Virker urealistisk; ring til kommunen først.")
    workflow.send_reply(web_case, staff, "Se vores vejledning om at starte et værested.")

    case = privacy.export("soeren@example.net")["cases"][0]

    timeline = [event["text"] for event in case["timeline"]]
    assert "Se vores vejledning om at starte et værested." in timeline
    assert "Virker urealistisk; ring til kommunen først." not in timeline
    notes = [note["text"] for note in case["internal_notes"]]
    assert "Virker urealistisk; ring til kommunen først." in notes


def test_export_names_the_place_the_question_came_from_member_or_not():
    aarhus = Municipality.objects.get(name="Aarhus")
    CaseFactory(
        requester_email="soeren@example.dk",
        organisation=None,
        other_organisation="Café Ø",
        municipality=aarhus,
    )
    CaseFactory(
        requester_email="soeren@example.dk",
        organisation=OrganisationFactory(name="Værestedet Tangen"),  # in Odense
    )

    places = {
        (case["organisation"], case["municipality"])
        for case in privacy.export("soeren@example.dk")["cases"]
    }

    assert places == {("Café Ø (ikke medlem)", "Aarhus"), ("Værestedet Tangen", "Odense")}


def test_erasing_a_person_removes_them_from_case_text_timeline_link_and_files(client, web_case):
    staff = secretary()
    workflow.send_reply(web_case, staff, "Kære Søren, se vores vejledning.")
    CaseAttachment.objects.create(
        case=web_case, title="soeren-cv.pdf", file=ContentFile(b"%PDF", name="soeren-cv.pdf")
    )
    token = web_case.access.token
    assert privacy.erase("soeren@example.net", staff) == [web_case.reference]
    web_case.refresh_from_db()
    texts = [web_case.requester_name, web_case.subject, web_case.question]
    texts += [f"{e.body} {e.sent_to} {e.old_value} {e.new_value}" for e in web_case.events.all()]
    for personal in ["Søren", "Kierkegaard", "soeren@example.net", "12345678", "12 34 56 78"]:
        assert not any(personal in text for text in texts), personal
    assert web_case.status == Status.ANSWERED and web_case.channel == Channel.WEB
    assert not web_case.attachments.exists()
    assert client.get(f"/raadgivning/sag/{token}/").status_code == 404
    assert web_case.events.filter(field=privacy.ANONYMISED_FIELD, author=staff).exists()


def test_erasing_also_removes_a_cpr_number_written_in_the_case(web_case):
    workflow.add_note(web_case, secretary(), "Brugerens cpr er 0101801234 ifølge Søren.")

    privacy.erase("soeren@example.net", secretary())

    assert not any("0101801234" in event.body for event in web_case.events.all())


def test_after_erasing_the_timeline_still_tells_what_happened(client, web_case, settings):
    settings.SECRETARIAT_PHONE, settings.SECRETARIAT_EMAIL = "7592 4000", "lvsinfo@lavs.dk"
    staff = secretary()
    workflow.send_reply(
        web_case, staff, "Kære Søren, ring på 75 92 40 00 eller skriv til lvsinfo@lavs.dk."
    )
    privacy.erase("soeren@example.net", staff)

    client.force_login(staff)
    html = client.get(f"/admin/sager/{web_case.pk}/").content.decode()
    page = " ".join(BeautifulSoup(html, "html.parser").get_text().split())
    assert "Kære [fjernet], ring på 75 92 40 00 eller skriv til lvsinfo@lavs.dk." in page
    assert "Sendt til [fjernet]" in page
    assert "Givet uden e-mail" not in page


def test_erasing_a_contact_takes_their_name_out_of_the_admins_history(web_case):
    staff = secretary()
    contact = Contact.objects.create(
        organisation=OrganisationFactory(name="Café Solstrålen"),
        name="Søren Kierkegaard",
        email="soeren@example.net",
    )
    log_action(contact, "wagtail.create", user=staff)  # as the admin's contact form does
    assert ModelLogEntry.objects.filter(label__contains="Kierkegaard").exists()

    privacy.erase("soeren@example.net", staff)

    assert not ModelLogEntry.objects.filter(label__contains="Kierkegaard").exists()


def test_the_daily_run_anonymises_cases_closed_longer_ago_than_the_retention_only(db):
    now = timezone.now()
    closed_long_ago, closed_lately, open_long = (
        CaseFactory(requester_name=name) for name in ("Anna Ager", "Bent Bro", "Carl Dam")
    )
    Case.objects.filter(pk=closed_long_ago.pk).update(
        status=Status.CLOSED, closed_at=now - timedelta(days=731)
    )
    Case.objects.filter(pk=closed_lately.pk).update(
        status=Status.CLOSED, closed_at=now - timedelta(days=729)
    )
    Case.objects.filter(pk=open_long.pk).update(opened_at=now - timedelta(days=2000))

    assert privacy.anonymise_expired(730) == [closed_long_ago.reference]

    names = set(Case.objects.values_list("requester_name", flat=True))
    assert "Anna Ager" not in names
    assert {"Bent Bro", "Carl Dam"} <= names


def test_an_organisations_registered_contact_is_kept(web_case):
    leader = Contact.objects.create(
        organisation=OrganisationFactory(), name="Lis Leder", role="Leder", email="lis@example.net"
    )
    case = CaseFactory(contact=leader, organisation=leader.organisation)
    privacy.anonymise(case, "test")
    assert Contact.objects.filter(pk=leader.pk).exists()


def test_staff_find_download_and_erase_a_persons_data_with_nothing_of_it_in_a_url(client, web_case):
    client.force_login(secretary())
    person = {"person": "soeren@example.net"}

    found = client.post(PERSON_DATA, {**person, "action": "find"}).content.decode()
    assert web_case.reference in found
    crumbs = BeautifulSoup(found, "html.parser").select("[data-w-breadcrumbs] li")
    assert [crumb.get_text(strip=True) for crumb in crumbs] == ["Hjem", "Persondata"]
    assert "soeren@example.net" not in "".join(re.findall(r'href="([^"]*)"', found))

    ticked = BeautifulSoup(found, "html.parser").select("input[name=case][checked]")
    assert [box["value"] for box in ticked] == [str(web_case.pk)]
    person["case"] = [web_case.pk]

    download = client.post(PERSON_DATA, {**person, "action": "export"})
    assert "attachment" in download["Content-Disposition"]
    assert json.loads(download.content)["cases"][0]["reference"] == web_case.reference

    unconfirmed = client.post(PERSON_DATA, {**person, "action": "erase"}).content.decode()
    assert "Bekræft sletningen ved at sætte kryds." in unconfirmed
    assert web_case.reference in unconfirmed  # the person is still shown, nothing erased

    erased = client.post(PERSON_DATA, {**person, "action": "erase", "confirm": "1"}, follow=True)
    assert erased.redirect_chain == [(PERSON_DATA, 302)]
    web_case.refresh_from_db()
    assert web_case.requester_email == "" and web_case.requester_name == privacy.NAME_PLACEHOLDER
    assert "Personoplysningerne er slettet fra 1 sag." in erased.content.decode()


def test_a_person_who_gave_only_a_phone_number_is_found_and_erased_by_it():
    case = open_requester_case(
        Channel.PHONE,
        requester_name="Mette Hansen",
        requester_phone="+45 21 43 65 87",
        subject="Opstart",
        question="Mette Hansen vil starte et værested.",
    )
    CaseFactory(requester_phone="11 22 33 44")

    assert [found.reference for found in privacy.cases_of("21436587")] == [case.reference]
    assert privacy.erase("2143 6587", secretary()) == [case.reference]

    case.refresh_from_db()
    assert (case.requester_name, case.requester_phone) == (privacy.NAME_PLACEHOLDER, "")
    assert "Mette" not in case.question


def test_a_number_several_people_gave_ticks_no_case_and_names_them(client):
    """A værested's landline: a case of each person who called from it."""
    birthe = CaseFactory(requester_name="Birthe Sørensen", requester_phone="20 12 34 56")
    soeren = CaseFactory(requester_name="Søren Østergaard", requester_phone="2012 3456")
    client.force_login(secretary())

    found = client.post(PERSON_DATA, {"person": "20123456", "action": "find"}).content.decode()

    assert "2 sager" in found
    assert "Sagerne står i flere personers navne: Birthe Sørensen, Søren Østergaard." in found
    assert not BeautifulSoup(found, "html.parser").select("input[name=case][checked]")
    person = {"person": "20123456", "case": [birthe.pk], "confirm": "1", "action": "erase"}
    client.post(PERSON_DATA, person)
    birthe.refresh_from_db()
    soeren.refresh_from_db()
    assert birthe.requester_name == privacy.NAME_PLACEHOLDER
    assert (soeren.requester_name, soeren.requester_phone) == ("Søren Østergaard", "2012 3456")


def test_a_person_who_gave_only_a_name_is_found_by_it_with_a_warning_and_erased(client):
    case = open_requester_case(
        Channel.MEETING,
        requester_name="Birthe Ødegård",
        subject="Opstart",
        question="Birthe Ødegård vil starte et værested.",
    )
    CaseFactory(requester_name="Birthe Ødegaard Hansen")
    namesake = Contact.objects.create(
        organisation=OrganisationFactory(), name="Birthe Ødegård", role="Leder"
    )
    client.force_login(secretary())

    found = client.post(PERSON_DATA, {"person": " birthe  ødegård", "action": "find"})

    page = found.content.decode()
    assert "1 sag" in page and f"{case.reference}: Opstart" in page
    assert "Fundet ud fra navnet alene" in page
    assert privacy.erase("Birthe Ødegård", secretary()) == [case.reference]
    case.refresh_from_db()
    assert "Birthe" not in case.question and case.requester_name == privacy.NAME_PLACEHOLDER
    assert Contact.objects.filter(pk=namesake.pk).exists()  # another person of the same name


def test_of_the_cases_found_by_a_name_only_the_ticked_ones_are_exported_and_erased(client):
    mine, namesakes = (
        CaseFactory(
            requester_name="Jens Hansen", subject=subject, question=f"Jens Hansen: {subject}"
        )
        for subject in ("Opstart i Vejle", "Frivillige i Aalborg")
    )
    client.force_login(secretary())
    person = {"person": "Jens Hansen", "case": [mine.pk], "confirm": "1"}

    download = client.post(PERSON_DATA, {**person, "action": "export"})
    assert [case["reference"] for case in json.loads(download.content)["cases"]] == [mine.reference]

    none_ticked = client.post(PERSON_DATA, {**person, "case": [], "action": "erase"})
    assert "Sæt kryds ved mindst én sag." in none_ticked.content.decode()
    client.post(PERSON_DATA, {**person, "action": "erase"})

    mine.refresh_from_db()
    namesakes.refresh_from_db()
    assert mine.requester_name == privacy.NAME_PLACEHOLDER and "Jens" not in mine.question
    assert namesakes.requester_name == "Jens Hansen"  # not ticked: another Jens Hansen


def test_a_phone_number_written_with_words_is_still_looked_up_as_a_number():
    case = CaseFactory(requester_phone="12 34 56 78")

    assert [found.pk for found in privacy.cases_of("tlf. 12 34 56 78 (mobil)")] == [case.pk]


def test_editors_cannot_reach_person_data(client, web_case):
    client.force_login(editor())
    response = client.post(PERSON_DATA, {"person": "soeren@example.net", "action": "find"})
    assert response.status_code in (302, 403)
    assert web_case.reference not in response.content.decode()


def test_a_contact_with_the_address_stays_while_a_case_with_it_is_left_out():
    contact = Contact.objects.create(
        organisation=OrganisationFactory(), name="Værestedets kontor", email="info@example.net"
    )
    first, second = (CaseFactory(requester_email="info@example.net") for _ in range(2))

    privacy.erase("info@example.net", secretary(), [first.pk])
    assert Contact.objects.filter(pk=contact.pk).exists()  # the other case may be another's

    privacy.erase("info@example.net", secretary(), [second.pk])
    assert not Contact.objects.filter(pk=contact.pk).exists()


def test_searching_for_nobody_says_what_to_type(client):
    client.force_login(secretary())

    # Spaces only: the box is required, so a browser sends nothing emptier.
    response = client.post(PERSON_DATA, {"person": "   ", "action": "find"})

    assert "Skriv en e-mailadresse, et telefonnummer eller et navn." in response.content.decode()
