from email.message import EmailMessage

import pytest

from django.core.management import call_command

from advisory import workflow
from advisory.mailbox import handle
from advisory.models import Case, CaseEvent
from advisory.models.cases import Channel, Status
from advisory.public import emails
from advisory.public.intake import receive_message
from tests.advisory.factories import CaseFactory, editor, secretary

pytestmark = pytest.mark.django_db


def mail(sender: str, subject: str, text: str, message_id: str, attachment=None) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "lvsinfo@lavs.dk"
    message["Subject"] = subject
    message["Message-ID"] = message_id
    message.set_content(text)
    if attachment:
        message.add_attachment(
            attachment, maintype="application", subtype="pdf", filename="regnskab.pdf"
        )
    return message


@pytest.fixture
def run_fetch_mail(django_capture_on_commit_callbacks):
    """Run the command; what waits for the commit (emails) runs as in production."""

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            call_command("fetch_mail", verbosity=0)

    return run


def test_fetch_mail_files_replies_and_new_mail_once(
    imap_server, mailoutbox, settings, run_fetch_mail
):
    settings.IMAP_URL = imap_server.url
    staff = secretary(email="sagsbehandler@lavs.dk")
    case = CaseFactory(requester_email="karen@example.org", channel=Channel.WEB)
    workflow.assign(case, staff, staff)
    workflow.change_status(case, Status.IN_PROGRESS, staff)
    workflow.change_status(case, Status.WAITING, staff)
    imap_server.deliver(
        mail(
            "Karen Jensen <karen@example.org>",
            f"Re: Svar på dit spørgsmål {case.reference}: {case.subject}",
            "Vi har 12 frivillige nu.\n\n> Hvor mange frivillige har I?",
            "<svar-1@example.org>",
            attachment=b"%PDF-1.4 regnskab",
        )
    )
    imap_server.deliver(
        mail(
            "Ole Hansen <ole@example.net>",
            "Vi vil starte et værested i Tønder",
            "Hvordan kommer vi i gang?",
            "<ny-1@example.net>",
        )
    )

    run_fetch_mail()

    case.refresh_from_db()
    message = case.events.get(kind=CaseEvent.Kind.MESSAGE)
    assert message.body == "Vi har 12 frivillige nu."
    assert case.status == Status.IN_PROGRESS
    [attachment] = case.attachments.all()
    assert attachment.title == "regnskab.pdf" and attachment.file.read() == b"%PDF-1.4 regnskab"
    new = Case.objects.get(requester_email="ole@example.net")
    assert (new.channel, new.subject, new.requester_name) == (
        Channel.EMAIL,
        "Vi vil starte et værested i Tønder",
        "Ole Hansen",
    )
    assert new.question == "Hvordan kommer vi i gang?"
    assert {m.to[0] for m in mailoutbox} == {"sagsbehandler@lavs.dk", "ole@example.net"}

    counts = (Case.objects.count(), CaseEvent.objects.count(), len(mailoutbox))
    run_fetch_mail()
    assert (Case.objects.count(), CaseEvent.objects.count(), len(mailoutbox)) == counts


def test_a_reference_from_a_stranger_opens_a_new_case(imap_server, settings, run_fetch_mail):
    settings.IMAP_URL = imap_server.url
    case = CaseFactory(requester_email="karen@example.org")
    imap_server.deliver(
        mail("fremmed@example.net", f"Re: {case.reference}", "Hej", "<fremmed-1@example.net>")
    )
    run_fetch_mail()
    assert not case.events.filter(kind=CaseEvent.Kind.MESSAGE).exists()
    assert Case.objects.filter(requester_email="fremmed@example.net").exists()


def test_staff_download_an_attachment_from_the_case_page_and_editors_cannot(
    imap_server, settings, run_fetch_mail, client
):
    settings.IMAP_URL = imap_server.url
    imap_server.deliver(
        mail("ole@example.net", "Vores budget", "Se bilag", "<b-1@example.net>", b"%PDF budget")
    )
    run_fetch_mail()
    case = Case.objects.get()
    attachment = case.attachments.get()
    client.force_login(secretary())
    assert "regnskab.pdf" in client.get(f"/admin/sager/{case.pk}/").content.decode()
    url = f"/admin/sager/{case.pk}/bilag/{attachment.pk}/"
    assert b"".join(client.get(url).streaming_content) == b"%PDF budget"
    client.force_login(editor())
    assert client.get(url).status_code in (302, 403)


def test_an_automatic_reply_opens_a_case_but_gets_no_receipt(
    django_capture_on_commit_callbacks, mailoutbox
):
    message = mail("ferie@example.net", "Fraværsbesked", "Jeg er på ferie.", "<auto@example.net>")
    message["Auto-Submitted"] = "auto-replied"
    with django_capture_on_commit_callbacks(execute=True):
        kind, case = handle(message.as_bytes())
    assert kind == "new" and case.requester_email == "ferie@example.net"
    assert mailoutbox == []


def test_the_sites_own_notices_in_the_secretariats_mailbox_open_no_case(
    imap_server, mailoutbox, settings, run_fetch_mail, django_capture_on_commit_callbacks
):
    """The secretariat's address is often the mailbox fetch_mail reads: the notices the site
    sends there must not come back as cases (whose receipts would come back as more)."""
    settings.IMAP_URL = imap_server.url
    case = CaseFactory(requester_email="karen@example.org", channel=Channel.WEB)
    emails.notify_new_question(case)
    with django_capture_on_commit_callbacks(execute=True):
        receive_message(case, "Vi har fundet en dato.")  # unassigned: to the shared address
    assert [mail.to for mail in mailoutbox] == [[settings.SECRETARIAT_EMAIL]] * 2
    for notice in mailoutbox:
        imap_server.deliver(notice.message())
    mailoutbox.clear()
    counts = (Case.objects.count(), CaseEvent.objects.count())

    run_fetch_mail()
    run_fetch_mail()

    assert (Case.objects.count(), CaseEvent.objects.count()) == counts
    assert mailoutbox == []


def test_a_mail_in_an_unknown_charset_or_with_nul_characters_is_read_all_the_same():
    raw = (
        b"From: Ole Hansen <ole@example.net>\r\nSubject: Budget\x00 til 2027\r\n"
        b"Message-ID: <tegnsaet-1@example.net>\r\n"
        b'Content-Type: text/plain; charset="x-ukendt"\r\n\r\n'
        b"Vi har brug for hj\xe6lp\x00 med budgettet.\r\n"
    )
    kind, case = handle(raw)
    assert kind == "new"
    assert (case.subject, case.question) == (
        "Budget til 2027",
        "Vi har brug for hjælp med budgettet.",
    )


def test_a_mail_with_direction_overrides_shows_its_words_in_the_order_written():
    raw = (
        "From: Ole Hansen <ole@example.net>\r\nSubject: Budget \u202eRTL\u202c\r\n"
        "Message-ID: <retning-1@example.net>\r\n"
        'Content-Type: text/plain; charset="utf-8"\r\n\r\n'
        "Se \u202eRTL\u202c i budgettet.\r\n"
    ).encode()
    _kind, case = handle(raw)
    assert (case.subject, case.question) == ("Budget RTL", "Se RTL i budgettet.")


def test_an_out_of_office_answer_from_the_requester_is_noted_without_reopening_the_case(
    django_capture_on_commit_callbacks, mailoutbox
):
    staff = secretary(email="sagsbehandler@lavs.dk")
    case = CaseFactory(requester_email="karen@example.org")
    workflow.assign(case, staff, staff)
    workflow.change_status(case, Status.IN_PROGRESS, staff)
    workflow.change_status(case, Status.ANSWERED, staff)
    message = mail(
        "karen@example.org",
        f"Automatisk svar: Svar på dit spørgsmål {case.reference}",
        "Jeg er på ferie til og med 3. januar.",
        "<ferie-2@example.org>",
    )
    message["Auto-Submitted"] = "auto-replied"

    with django_capture_on_commit_callbacks(execute=True):
        handle(message.as_bytes())

    case.refresh_from_db()
    assert case.status == Status.ANSWERED
    note = case.events.filter(kind=CaseEvent.Kind.NOTE).latest("created_at")
    assert note.body == "Automatisk svar fra spørgeren:\nJeg er på ferie til og med 3. januar."
    assert mailoutbox == []
