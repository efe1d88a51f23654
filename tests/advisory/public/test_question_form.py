import json
import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup

from django.utils import timezone
from django.utils.formats import date_format

from advisory.models import Case, CaseEvent, UsedFormToken
from advisory.models.cases import Channel, Status
from kb.models import Topic
from tests.advisory.factories import OrganisationFactory
from tests.factories import GuidePageFactory, section

from .conftest import ASK_URL, form_token, mails_to, question_data

pytestmark = pytest.mark.django_db


def test_landing_page_tells_what_the_secretariat_helps_with_and_how(client):
    page = client.get("/raadgivning/").content.decode()
    assert "Frivillige" in page and "7592 4000" in page and "lvsinfo@lavs.dk" in page
    assert 'href="/raadgivning/spoerg/"' in page
    assert "Vi svarer normalt inden for tre arbejdsdage." in page


def test_the_pages_promise_the_response_time_the_secretariat_works_to(client, settings):
    settings.CASE_RESPONSE_WORKING_DAYS = 5
    for url in ["/raadgivning/", ASK_URL]:
        assert "Vi svarer normalt inden for fem arbejdsdage." in client.get(url).content.decode()


def test_form_asks_for_everything_with_labels_and_a_privacy_link(client):
    page = client.get(ASK_URL).content.decode()
    for label in ["Dit navn", "Din e-mail", "Telefon", "Værested eller forening", "Kommune"]:
        assert label in page
    assert "Vi er ved at starte et værested" in page
    assert 'href="/raadgivning/persondata/"' in page
    privacy = client.get("/raadgivning/persondata/").content.decode()
    assert "Sådan behandler vi" in privacy
    assert "Når en sag har været lukket i to år, sletter vi" in privacy  # not "730 dage"
    # What the data protection regulation says a person must be told.
    assert "Landsforeningen af Væresteder (LVS) er dataansvarlig" in privacy
    assert "Du kan til enhver tid trække dit samtykke tilbage." in privacy
    assert "kan du klage til Datatilsynet" in privacy


def test_the_fields_that_must_be_filled_in_say_so_before_sending(client):
    """ "Værested eller forening" is needed unless the person is starting one: it said nothing
    until the form came back with an error under it."""
    form = BeautifulSoup(client.get(ASK_URL).content, "html.parser")

    def marked(field_id: str) -> bool:
        return "(skal udfyldes)" in form.find("label", attrs={"for": field_id}).get_text()

    for field_id in ["id_subject", "id_question", "id_name", "id_email", "id_organisation"]:
        assert marked(field_id), field_id
    for field_id in ["id_phone", "id_municipality", "id_topic", "id_starting_up"]:
        assert not marked(field_id), field_id
    consent = form.find("label", attrs={"for": "id_consent"}).get_text()
    assert "(skal markeres)" in consent  # a box is ticked, not filled in


def test_a_question_becomes_a_new_web_case_with_a_deadline_and_a_receipt(ask, mailoutbox):
    topic = Topic.objects.get(slug="frivillige")
    response = ask(topic=topic.pk, phone="7592 4000")
    case = Case.objects.get()
    assert (case.channel, case.status, case.topic) == (Channel.WEB, Status.NEW, topic)
    assert case.requester_phone == "7592 4000"
    assert case.due_date is not None
    assert response.redirect_chain[-1][0] == "/raadgivning/spoerg/tak/"
    assert case.reference in response.content.decode()
    [mail] = mails_to(mailoutbox, "karen@example.org")
    assert case.reference in mail.subject
    assert f"/raadgivning/sag/{case.access.token}/" in mail.body
    due = date_format(case.due_date, "l \\d\\e\\n j. F")  # "onsdag den 2. december"
    assert due.split()[0] in ["mandag", "tirsdag", "onsdag", "torsdag", "fredag"]
    assert f"du hører fra os senest {due}." in mail.body
    assert f"Du hører fra os senest {due}." in response.content.decode()


def test_the_secretariat_is_told_of_a_new_web_question_and_where_to_find_it(
    ask, mailoutbox, settings
):
    settings.SECRETARIAT_EMAIL = "raadgivning@lavs.dk"
    settings.WAGTAILADMIN_BASE_URL = "https://vidensbanken.lavs.dk"
    ask(topic=Topic.objects.get(slug="frivillige").pk, subject="Frivillige til weekenden")
    case = Case.objects.get()

    [notice] = mails_to(mailoutbox, "raadgivning@lavs.dk")
    assert notice.subject == f"Nyt spørgsmål fra hjemmesiden: {case.reference}"
    assert "Emnelinje: Frivillige til weekenden" in notice.body
    assert "Emne: Frivillige" in notice.body
    assert f"Svarfrist: {case.due_date.day}. " in notice.body
    assert f"https://vidensbanken.lavs.dk/admin/sager/{case.pk}/" in notice.body
    # Who asked and what they wrote are read in the case, not kept in an inbox.
    assert "Karen" not in notice.body and "weekendåbningen" not in notice.body


def test_the_secretariat_is_told_that_someone_is_starting_a_vaerested_and_where(
    ask, mailoutbox, settings
):
    from advisory.models import Municipality

    settings.SECRETARIAT_EMAIL = "raadgivning@lavs.dk"
    ask(municipality=Municipality.objects.get(name="Odense").pk)

    [notice] = mails_to(mailoutbox, "raadgivning@lavs.dk")
    assert "Organisation: Ingen (ikke medlem)\n" in notice.body
    assert "Kommune: Odense (Region Syddanmark)\n" in notice.body
    assert "Er ved at starte et værested.\n" in notice.body


def test_a_member_typed_by_name_is_linked_to_the_case(ask):
    member = OrganisationFactory(name="Café Solstrålen")
    ask(organisation="café solstrålen", starting_up="")
    assert Case.objects.get().organisation == member


def test_a_member_typed_without_its_accent_is_linked_to_the_case(ask):
    member = OrganisationFactory(name="Café Solstrålen")
    OrganisationFactory(name="Cafe Solstralen")  # å is a letter of its own, no a with a ring
    ask(organisation="cafe  solstrålen", starting_up="")
    assert Case.objects.get().organisation == member


def test_a_member_typed_with_aa_for_aa_is_linked_to_the_case(ask):
    member = OrganisationFactory(name="Værestedet Åhuset")
    ask(organisation="vaerestedet aahuset", starting_up="")
    assert Case.objects.get().organisation == member


def test_an_unknown_place_and_the_municipality_are_kept_on_the_case(ask):
    from advisory.models import Municipality

    odense = Municipality.objects.get(name="Odense")
    ask(organisation="Det nye sted", municipality=odense.pk)
    case = Case.objects.get()
    assert case.organisation is None
    assert case.organisation_label == "Det nye sted (ikke medlem)"
    assert (case.municipality, case.region) == (odense, "Region Syddanmark")
    assert "starte et værested" in case.events.get(kind=CaseEvent.Kind.NOTE).body


def test_a_member_is_linked_only_in_the_kommune_the_person_chose(ask):
    from advisory.models import Municipality

    OrganisationFactory(name="Værestedet Trappen")  # in Odense
    randers = Municipality.objects.get(name="Randers")
    ask(organisation="Værestedet Trappen", municipality=randers.pk, starting_up="")

    case = Case.objects.get()
    assert case.organisation is None
    assert (case.other_organisation, case.municipality) == ("Værestedet Trappen", randers)


def test_seeing_suggestions_without_javascript_keeps_what_was_typed(client, site):
    GuidePageFactory(
        parent=section("vejledninger"),
        title="Rekruttering af frivillige",
        summary="Sådan finder I frivillige.",
    )
    data = question_data(subject="Vi mangler frivillige", suggest="1")
    del data["send"]
    page = client.post(ASK_URL, data).content.decode()
    assert "Rekruttering af frivillige" in page
    assert 'value="Vi mangler frivillige"' in page
    assert "Karen Jensen" in page
    assert "Der er noget, du skal rette" not in page
    assert not Case.objects.exists()


def test_asking_for_suggestions_before_writing_says_what_to_write_first(client, site):
    GuidePageFactory(parent=section("vejledninger"), title="Rekruttering af frivillige")
    data = question_data(subject="", question="", suggest="1")
    del data["send"]
    page = client.post(ASK_URL, data).content.decode()
    assert "Når du har skrevet overskrift og spørgsmål, viser vi her sider" in page
    assert "<p>Vi fandt ingen sider" not in page


def test_suggestions_endpoint_gives_at_most_five_pages(client, site):
    for n in range(7):
        GuidePageFactory(parent=section("vejledninger"), title=f"Frivillige i praksis {n}")
    results = json.loads(client.get("/raadgivning/spoerg/forslag/", {"q": "frivillige"}).content)
    assert 1 <= len(results["results"]) <= 5
    assert all(re.match(r"^/", page["url"]) for page in results["results"])


def test_quotation_marks_in_a_question_do_not_narrow_the_suggestions(client, site):
    GuidePageFactory(
        parent=section("vejledninger"),
        title="Sådan finder I nye frivillige",
        summary="Rekruttering af frivillige til weekenden.",
    )
    question = 'Vi mangler frivillige. Min kollega sagde "spørg LVS"'
    results = json.loads(client.get("/raadgivning/spoerg/forslag/", {"q": question}).content)
    assert [page["title"] for page in results["results"]] == ["Sådan finder I nye frivillige"]


def test_a_doubled_submit_shows_the_same_receipt_and_opens_one_case(post, mailoutbox):
    data = question_data()
    first = post(ASK_URL, data)
    second = post(ASK_URL, data)
    case = Case.objects.get()
    assert case.reference in first.content.decode()
    assert case.reference in second.content.decode()
    assert [mail.to for mail in mailoutbox] == [["karen@example.org"], ["lvsinfo@lavs.dk"]]


def test_a_form_token_is_spent_only_by_a_created_case(ask):
    token = form_token()
    ask(form_token=token, email="ikke-en-adresse")
    ask(form_token=token)
    assert Case.objects.count() == 1


def test_the_main_menu_marks_ask_the_secretariat_as_the_current_section(client):
    """The section, not the page: a screen reader said "current page" on a link elsewhere."""
    assert '<a href="/raadgivning/" aria-current="true">' in client.get(ASK_URL).content.decode()
    landing = client.get("/raadgivning/").content.decode()
    assert '<a href="/raadgivning/" aria-current="page">' in landing


def test_the_same_question_sent_again_after_going_back_opens_no_second_case(ask, mailoutbox):
    ask()
    # Back to the form, which the browser fills in again, and Send: a new form token.
    response = ask(form_token=form_token())

    case = Case.objects.get()
    page = response.content.decode()
    assert case.reference in page
    assert "Du havde allerede sendt dette spørgsmål, så vi har ikke oprettet en ny sag." in page
    assert [mail.to for mail in mailoutbox] == [["karen@example.org"], ["lvsinfo@lavs.dk"]]


def test_the_same_question_sent_again_at_once_after_going_back_shows_its_receipt(ask):
    ask()
    # The page the browser went back to was made anew, a moment ago, with a new form token.
    page = ask(form_token=form_token(seconds_ago=1)).content.decode()

    assert Case.objects.get().reference in page
    assert "Formularen blev sendt meget hurtigt" not in page


def test_the_receipt_shows_where_it_was_sent(ask):
    page = ask(email="karen@example.org").content.decode()
    assert "til <strong>karen@example.org</strong>" in page
    assert "Du havde allerede sendt" not in page


def test_a_question_of_5000_characters_over_several_lines_is_accepted(ask):
    line = "Vi mangler frivillige til weekendåbningen, og vi ved ikke, hvor vi skal lede."
    question = "\r\n".join([line] * 70)[:4995] + "\r\nTak."  # a browser sends two per break
    assert len(question.replace("\r\n", "\n")) <= 5000 < len(question)

    ask(question=question)

    assert Case.objects.get().question.endswith("Tak.")


def test_a_question_too_long_is_kept_and_refused_with_its_length_in_danish(ask):
    page = ask(question="a" * 6000, follow=False).content.decode()
    assert "Teksten må højst være 5.000 tegn (den er 6.000)." in page
    assert "a" * 6000 in page and 'maxlength="5000"' not in page
    assert not Case.objects.exists()


def test_a_hidden_field_filled_in_by_autofill_is_emptied_for_the_next_try(ask):
    page = ask(website="https://example.org", follow=False).content.decode()
    assert "Formularen kunne ikke sendes. Prøv igen." in page
    assert "https://example.org" not in page


def test_every_page_links_to_how_personal_data_is_handled(client, site):
    for url in ["/", ASK_URL, "/soeg/?q=frivillige"]:
        footer = BeautifulSoup(client.get(url).content, "html.parser").select_one("footer")
        link = footer.find("a", string="Sådan behandler vi dine oplysninger")
        assert link["href"] == "/raadgivning/persondata/", url


def test_spent_form_tokens_are_forgotten_once_too_old_to_be_sent_again(ask, settings):
    ask()
    UsedFormToken.objects.update(
        created_at=timezone.now() - timedelta(hours=settings.ASK_FORM_MAX_AGE_HOURS + 2)
    )

    ask(email="ole@example.net", subject="Et andet spørgsmål")

    assert UsedFormToken.objects.count() == 1  # only the new one
