import pytest

from django.urls import reverse

from advisory import workflow
from advisory.models import CaseAccess, CaseEvent, ReplyTemplate
from advisory.models.cases import Status
from tests.advisory.factories import CaseFactory, secretary

pytestmark = pytest.mark.django_db


def tracking_page(client, case) -> str:
    token = CaseAccess.objects.get(case=case).token
    return client.get(reverse("advisory_public:track", args=[token])).content.decode()


def test_a_question_back_to_the_requester_waits_for_their_answer(
    client, staff, post_reply, mailoutbox
):
    case = workflow.change_status(CaseFactory(requester_email="lone@example.org"), "in_progress")
    response = post_reply(
        case, "Kan du sende os budgettet som regneark?", awaits_answer=True, follow=True
    )
    assert "Sagen afventer nu spørgeren." in response.content.decode()
    assert [message.to for message in mailoutbox] == [["lone@example.org"]]
    assert mailoutbox[0].subject.startswith(f"Vi har et spørgsmål til dig om {case.reference}:")
    case.refresh_from_db()
    assert case.status == Status.WAITING
    assert case.first_response_at is None
    tracking = tracking_page(client, case)
    assert "Vi venter på svar fra dig" in tracking
    assert "Spørgsmål fra sekretariatet" in tracking and "Svar fra sekretariatet" not in tracking


def test_a_new_case_goes_straight_to_waiting_with_the_question_back(client, staff, post_reply):
    case = CaseFactory()
    post_reply(case, "Hvor mange frivillige har I?", awaits_answer=True)
    statuses = case.events.filter(kind=CaseEvent.Kind.STATUS).values_list("new_value", flat=True)
    assert list(statuses.order_by("pk")) == [Status.NEW, Status.IN_PROGRESS, Status.WAITING]


@pytest.mark.parametrize("status", [Status.ANSWERED, Status.CLOSED])
def test_a_question_back_on_an_answered_or_closed_case_reopens_it_to_wait(
    client, staff, post_reply, status
):
    case = CaseFactory(requester_email="lone@example.org")
    post_reply(case, "Her er vores svar.")
    if status == Status.CLOSED:
        workflow.change_status(case, Status.CLOSED)

    post_reply(case, "Vil du sende os budgettet også?", awaits_answer=True)

    case.refresh_from_db()
    assert case.status == Status.WAITING
    assert "Vi venter på svar fra dig" in tracking_page(client, case)
    # A question back is nothing to make a FAQ answer from.
    assert case.latest_reply().body == "Her er vores svar."


def closed_after_an_answer(post_reply, **fields):
    case = CaseFactory(**fields)
    post_reply(case, "Her er vores svar.")
    return workflow.change_status(case, Status.CLOSED)


def test_a_closed_case_says_a_reply_reopens_it(client, staff, post_reply):
    case = closed_after_an_answer(post_reply, requester_email="lone@example.org")

    page = client.get(reverse("sager:detail", args=[case.pk])).content.decode()

    assert "Sagen er lukket. Svarer du spørgeren her, genåbnes den" in page


def test_an_answer_on_a_closed_case_reopens_it_on_the_timeline(
    client, staff, post_reply, mailoutbox
):
    case = closed_after_an_answer(post_reply, requester_email="lone@example.org")

    response = post_reply(case, "Et link, jeg glemte: ...", follow=True)

    html = response.content.decode()
    assert "Sagen var lukket og er genåbnet. Svaret er sendt til lone@example.org." in html
    assert len(mailoutbox) == 2
    case.refresh_from_db()
    assert (case.status, case.closed_at) == (Status.ANSWERED, None)
    changes = case.events.filter(kind=CaseEvent.Kind.STATUS).order_by("pk")
    assert list(changes.values_list("old_value", "new_value"))[-2:] == [
        (Status.CLOSED, Status.IN_PROGRESS),
        (Status.IN_PROGRESS, Status.ANSWERED),
    ]
    assert "Sagen er lukket." not in html


def test_an_answer_given_by_phone_on_a_closed_case_reopens_it(client, staff, post_reply):
    case = closed_after_an_answer(post_reply, requester_email="")

    html = post_reply(case, "Jeg ringede igen.", follow=True).content.decode()

    assert "Sagen var lukket og er genåbnet. Svaret er gemt på sagen" in html
    case.refresh_from_db()
    assert case.status == Status.ANSWERED


def test_send_svar_still_marks_the_case_answered(client, staff, post_reply):
    case = CaseFactory()
    post_reply(case, "Her er vores svar.")
    case.refresh_from_db()
    assert case.status == Status.ANSWERED
    assert case.first_response_at is not None


def test_the_same_reply_form_sent_twice_is_sent_once(client, staff, post_reply, mailoutbox):
    case = CaseFactory(requester_email="lone@example.org")
    token = post_reply.page_token(case)
    post_reply(case, "Her er vores svar.", token=token)
    again = post_reply(case, "Her er vores svar.", token=token, follow=True)
    assert "Svaret er allerede sendt." in again.content.decode()
    assert len(mailoutbox) == 1
    assert case.events.filter(kind=CaseEvent.Kind.REPLY).count() == 1
    assert tracking_page(client, case).count("Her er vores svar.") == 1


def test_a_reply_written_while_a_colleague_answered_is_held_once_with_who_answered(
    client, staff, post_reply, mailoutbox
):
    case = CaseFactory(requester_email="lone@example.org")
    token = post_reply.page_token(case)
    workflow.send_reply(case, secretary(first_name="Mette", last_name="Holm"), "Mettes svar.")

    response = post_reply(case, "Sofies svar.", token=token)
    html = response.content.decode()

    assert "Mette Holm har svaret spørgeren kl." in html
    assert "Sofies svar." in html  # kept, to send after all
    assert len(mailoutbox) == 1
    held = response.context["forms"]["reply"]["form_token"].value()
    post_reply(case, "Sofies svar.", token=held)
    assert [mail.body.split("\n")[0] for mail in mailoutbox] == ["Mettes svar.", "Sofies svar."]


def test_a_reply_form_without_a_valid_token_is_shown_again_with_the_text(
    client, staff, post_reply, mailoutbox
):
    case = CaseFactory()
    response = post_reply(case, "Her er vores svar.", token="forfalsket")
    html = response.content.decode()
    assert "Formularen er for gammel. Send svaret igen." in html
    assert "Her er vores svar." in html
    assert mailoutbox == []


def test_a_reply_with_a_gap_left_from_a_standard_reply_is_not_sent(
    client, staff, post_reply, mailoutbox
):
    case = CaseFactory(requester_email="lone@example.org")
    body = "Kære Lone\n\nSe vores vejledning her:\n\n[Indsæt link til vejledningen]\n\nHilsen"

    html = post_reply(case, body).content.decode()

    assert "Svaret har stadig et hul fra standardsvaret: [Indsæt link til vejledningen]." in html
    assert "Se vores vejledning her:" in html
    assert mailoutbox == [] and not case.events.filter(kind=CaseEvent.Kind.REPLY).exists()


def test_an_acknowledgement_is_sent_but_leaves_the_case_unanswered(
    client, staff, post_reply, mailoutbox
):
    case = CaseFactory(requester_email="lone@example.org")

    response = post_reply(
        case, "Tak for din henvendelse. Vi vender tilbage.", acknowledgement=True, follow=True
    )

    html = response.content.decode()
    assert "Kvitteringen er sendt til lone@example.org. Sagen står som »I gang«." in html
    assert "Kvittering til spørger" in html
    assert [message.to for message in mailoutbox] == [["lone@example.org"]]
    assert mailoutbox[0].subject.startswith(f"Vi har modtaget dit spørgsmål {case.reference}:")
    assert "Kvittering fra sekretariatet" in tracking_page(client, case)
    case.refresh_from_db()
    assert (case.status, case.first_response_at) == (Status.IN_PROGRESS, None)
    assert case.latest_reply() is None  # nothing to make a FAQ answer from


def test_an_acknowledgement_on_an_answered_case_says_the_case_stays_answered(
    client, staff, post_reply, mailoutbox
):
    case = CaseFactory(requester_email="lone@example.org", status=Status.ANSWERED)

    response = post_reply(
        case, "Tak for din besked. Vi ser på den.", acknowledgement=True, follow=True
    )

    assert "Kvitteringen er sendt til lone@example.org. Sagen står som »Besvaret«." in (
        response.content.decode()
    )
    case.refresh_from_db()
    assert case.status == Status.ANSWERED


def test_inserting_a_standard_acknowledgement_ticks_kun_en_kvittering(client, staff):
    case = CaseFactory()
    thanks = ReplyTemplate.objects.create(
        title="Tak for henvendelsen", body="Tak, {navn}.", acknowledgement=True
    )
    url = reverse("sager:detail", args=[case.pk])

    response = client.post(
        url, {"action": "reply", "insert_template": "", "standardsvar": thanks.pk}
    )

    assert response.context["forms"]["reply"]["acknowledgement"].value() is True


def test_an_answer_given_by_phone_is_recorded_when_there_is_no_email_address(
    client, staff, post_reply, mailoutbox
):
    case = CaseFactory(requester_email="", requester_phone="75924000")
    url = reverse("sager:detail", args=[case.pk])
    page = client.get(url).content.decode()
    assert "Svaret, du gav spørgeren" in page
    assert "Send og afvent svar" not in page and "Kun en kvittering" not in page

    response = post_reply(case, "Jeg ringede og forklarede om fondsansøgninger.", follow=True)

    html = response.content.decode()
    assert "Svaret er gemt på sagen, og sagen er markeret som besvaret." in html
    assert "Givet uden e-mail (telefon eller møde)" in html
    assert mailoutbox == []
    case.refresh_from_db()
    assert case.status == Status.ANSWERED and case.first_response_at is not None
    assert case.latest_reply().body == "Jeg ringede og forklarede om fondsansøgninger."


def test_a_standard_reply_with_a_mistyped_placeholder_is_refused_with_the_right_ones(client, staff):
    staff.is_superuser = True  # may add standard replies
    staff.save()
    add = reverse("wagtailsnippets_advisory_replytemplate:add")
    body = "Kære {nanv}\n\nTak for din henvendelse ({reference}). Ring på {telefon}."

    response = client.post(add, {"title": "Tak", "body": body})

    assert response.status_code == 200
    assert response.context["form"].errors["body"] == [
        "Ukendte pladsholdere: {nanv}, {telefon}. Brug {navn}, {reference}, {emne}, "
        "{sagsbehandler}."
    ]
    assert body in response.content.decode()  # kept as typed
    assert not ReplyTemplate.objects.exists()
    mended = "Kære {navn}\n\nTak for din henvendelse ({reference})."
    client.post(add, {"title": "Tak", "body": mended})
    assert ReplyTemplate.objects.get().body == mended
