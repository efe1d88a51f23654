"""The requester's private tracking page, answering back, and staff replies by email."""

import re
import secrets
from datetime import date

import pytest

from advisory import workflow
from advisory.models import CaseAccess, CaseEvent
from advisory.models.cases import Channel, Status
from advisory.public.intake import receive_message
from tests.advisory.factories import CaseFactory, secretary

from .conftest import form_token, tracking_url

pytestmark = pytest.mark.django_db


def test_tracking_page_shows_status_question_and_replies_but_nothing_internal(client, web_case):
    staff = secretary(first_name="Birgitte", last_name="Hemmelig", email="birgitte@lavs.dk")
    workflow.assign(web_case, staff, staff)
    workflow.add_note(web_case, staff, "INTERN NOTE: ring til kommunen først")
    workflow.send_reply(web_case, staff, "Prøv frivilligjob.dk og jeres lokale avis.")
    other = CaseFactory(subject="En helt anden sags emne")
    page = client.get(tracking_url(web_case)).content.decode()
    assert "Frivillige til weekenden" in page and "Hvor finder vi frivillige" in page
    assert "Prøv frivilligjob.dk" in page
    assert "Besvaret" in page
    for secret in ["INTERN NOTE", "Birgitte", "Hemmelig", "birgitte@lavs.dk", other.subject]:
        assert secret not in page


def test_the_tracking_page_says_when_to_expect_an_answer_until_it_comes(client, web_case):
    web_case.due_date = date(2026, 12, 2)
    web_case.save(update_fields=["due_date"])

    waiting = client.get(tracking_url(web_case)).content.decode()
    workflow.send_reply(web_case, secretary(), "Prøv frivilligjob.dk.")
    answered = client.get(tracking_url(web_case)).content.decode()

    assert "Du hører fra os senest</dt><dd>onsdag den 2. december 2026</dd>" in waiting
    assert "Du hører fra os senest" not in answered


def test_a_closed_case_says_that_writing_opens_it_again(client, web_case):
    waiting = client.get(tracking_url(web_case)).content.decode()
    workflow.send_reply(web_case, secretary(), "Prøv frivilligjob.dk.")
    workflow.change_status(web_case, Status.CLOSED)

    closed = client.get(tracking_url(web_case)).content.decode()

    assert "Skriver du til os, åbner vi sagen igen og svarer dig." in closed
    assert "åbner vi sagen igen" not in waiting


def test_a_call_noted_by_staff_is_not_shown_as_the_requesters_own_words(client, web_case):
    receive_message(web_case, "Vi er 12 brugere.")
    adviser = secretary()
    workflow.record_message(web_case, adviser, "Karen ringede: de har fundet lokaler.")
    adviser.delete()  # and the adviser has left since

    page = client.get(tracking_url(web_case)).content.decode()

    own, noted = re.findall(r'<p class="message__meta">([^<·]*)·', page)
    assert own.strip() == "Din besked"
    assert noted.strip() == "Noteret af sekretariatet"


def test_tracking_page_is_kept_out_of_referrers_caches_and_search_engines(client, web_case):
    response = client.get(tracking_url(web_case))
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]


def test_answering_back_reopens_a_waiting_case_and_tells_the_assignee(post, web_case, mailoutbox):
    staff = secretary(email="sagsbehandler@lavs.dk")
    workflow.assign(web_case, staff, staff)
    workflow.change_status(web_case, Status.IN_PROGRESS, staff)
    workflow.change_status(web_case, Status.WAITING, staff)
    mailoutbox.clear()
    response = post(
        tracking_url(web_case), {"body": "Vi er 12 brugere.", "form_token": form_token()}
    )
    web_case.refresh_from_db()
    assert web_case.status == Status.IN_PROGRESS
    message = web_case.events.get(kind=CaseEvent.Kind.MESSAGE)
    assert message.body == "Vi er 12 brugere." and message.author is None
    page = response.content.decode()
    # Focused when the page comes back, so a screen reader reads it out.
    assert 'role="status" tabindex="-1" autofocus>Tak. Din besked er sendt' in page
    assert "Vi er 12 brugere." in page
    assert re.search(r"\d{1,2}\. \w+ \d{4} kl\. \d{2}\.\d{2}</time>", page)  # kl. 14.05
    [notice] = mailoutbox
    assert notice.to == ["sagsbehandler@lavs.dk"] and web_case.reference in notice.subject
    assert f"/admin/sager/{web_case.pk}/" in notice.body
    assert "12 brugere" not in notice.body  # read in the case, not kept in an inbox


def test_sending_the_same_answer_twice_adds_it_once(post, web_case):
    data = {"body": "Tak for svaret!", "form_token": form_token()}
    post(tracking_url(web_case), data)
    post(tracking_url(web_case), data)
    assert web_case.events.filter(kind=CaseEvent.Kind.MESSAGE).count() == 1


def test_an_empty_answer_shows_an_error_and_adds_nothing(post, web_case):
    response = post(tracking_url(web_case), {"body": " ", "form_token": form_token()})
    assert "Udfyld feltet »Din besked«." in response.content.decode()
    assert not web_case.events.filter(kind=CaseEvent.Kind.MESSAGE).exists()


def test_staff_reply_email_carries_the_reference_and_the_tracking_link(web_case, mailoutbox):
    mailoutbox.clear()
    workflow.send_reply(web_case, secretary(), "Her er vores svar.")
    [mail] = mailoutbox
    # Called a question, as on the form, the receipt and the tracking page.
    assert mail.subject == f"Svar på dit spørgsmål {web_case.reference}: {web_case.subject}"
    assert mail.body.startswith("Her er vores svar.")
    assert f"/raadgivning/sag/{web_case.access.token}/" in mail.body


def test_a_phone_case_gets_a_tracking_link_with_its_first_reply(mailoutbox):
    case = CaseFactory(channel=Channel.PHONE, requester_email="ole@example.org")
    workflow.send_reply(case, secretary(), "Svar efter telefonsamtalen.")
    assert f"/raadgivning/sag/{CaseAccess.objects.get(case=case).token}/" in mailoutbox[0].body


def test_tokens_are_long_and_random():
    tokens = {CaseAccess(case_id=1).token for _ in range(100)}
    assert len(tokens) == 100
    assert all(len(token) >= 43 for token in tokens)  # 256 bits in base64


def test_random_tokens_references_and_revoked_links_all_give_a_plain_404(client, web_case):
    cases = [web_case, *(CaseFactory() for _ in range(3))]
    guesses = [secrets.token_urlsafe(32) for _ in range(1000)]
    guesses += [case.reference for case in cases] + [str(case.pk) for case in cases]
    revoked = web_case.access.token
    web_case.access.delete()
    guesses.append(revoked)
    statuses = {client.get(f"/raadgivning/sag/{guess}/").status_code for guess in guesses}
    assert statuses == {404}
    wrong = client.get(f"/raadgivning/sag/{guesses[0]}/").content.decode()
    assert web_case.reference not in wrong and web_case.subject not in wrong


def test_links_in_replies_and_messages_can_be_clicked_and_markup_stays_text(client, web_case):
    workflow.send_reply(web_case, secretary(), "Se https://frivilligjob.dk/opret?type=1&by=2 nu.")
    receive_message(web_case, "<script>alert(1)</script> www.lavs.dk")

    page = client.get(tracking_url(web_case)).content.decode()

    assert (
        '<a href="https://frivilligjob.dk/opret?type=1&amp;by=2" rel="nofollow">'
        "https://frivilligjob.dk/opret?type=1&amp;by=2</a>" in page
    )
    assert 'rel="nofollow">www.lavs.dk</a>' in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_link_that_does_not_work_says_so_in_danish_and_how_to_reach_the_secretariat(
    client, settings
):
    settings.DEBUG = False

    response = client.get("/raadgivning/sag/forkert-token/")

    page = response.content.decode()
    assert response.status_code == 404
    assert "<title>Linket til din sag virker ikke · Vidensbanken</title>" in page
    assert "<h1>Linket til din sag virker ikke</h1>" in page
    assert "lvsinfo@lavs.dk" in page and "7592 4000" in page
    assert '<a href="/raadgivning/spoerg/">Stil et nyt spørgsmål</a>' in page
