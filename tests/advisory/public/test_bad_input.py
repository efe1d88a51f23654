"""Every kind of bad input shows a clear message, keeps what was typed and creates nothing."""

import re
import time

import pytest

from django.urls import reverse

from advisory.models import Case, CaseEvent
from advisory.public import tokens
from tests.advisory.factories import secretary

from .conftest import form_token, mails_to

pytestmark = pytest.mark.django_db

BAD_INPUTS = {
    "too_long_question": (
        {"question": "x" * 5001},
        "Teksten må højst være 5.000 tegn (den er 5.001).",
    ),
    "too_long_name": ({"name": "K" * 201}, "Teksten må højst være 200 tegn (den er 201)."),
    "invalid_email": ({"email": "karen@"}, "Skriv en gyldig e-mailadresse"),
    "missing_email": ({"email": ""}, "Skriv din e-mailadresse"),
    "missing_consent": ({"consent": ""}, "Du skal give lov"),
    "missing_question": ({"question": ""}, "Udfyld feltet »Dit spørgsmål«."),
    "bad_phone": ({"phone": "ring mig op"}, "Skriv et telefonnummer"),
    "phone_without_digits": ({"phone": "--------"}, "Skriv et telefonnummer"),
    "no_place": ({"organisation": "", "starting_up": ""}, "Skriv navnet på jeres sted"),
    "honeypot": ({"website": "http://spam.example"}, "Formularen kunne ikke sendes"),
    "too_fast": ({"form_token": tokens.issue}, "Formularen blev sendt meget hurtigt"),
    "forged_token": ({"form_token": "falsk"}, "Formularen er for gammel"),
    "expired_token": ({"form_token": lambda: form_token(seconds_ago=13 * 3600)}, "for gammel"),
}


@pytest.mark.parametrize("overrides,message", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_shows_a_clear_error_and_creates_no_case_event_or_email(
    ask, mailoutbox, overrides, message
):
    # tokens are made when the test runs, since their age is what is checked
    response = ask(
        **{key: value() if callable(value) else value for key, value in overrides.items()}
    )
    page = response.content.decode()
    assert response.status_code == 400 or "Der er noget, du skal rette" in page
    assert message in page
    assert 'value="Hvordan finder vi frivillige?"' in page  # what was typed is kept
    assert not Case.objects.exists()
    assert not CaseEvent.objects.exists()
    assert mailoutbox == []


def test_field_errors_are_linked_to_their_fields_and_summarised_at_the_top(ask):
    page = ask(email="karen@").content.decode()
    assert 'aria-describedby="id_email-fejl id_email-hjaelp"' in page
    assert 'aria-invalid="true"' in page
    assert '<a href="#id_email">' in page
    assert page.index('class="error-summary"') < page.index('id="id_email-fejl"')


def test_the_error_summary_names_each_field_once(ask):
    page = ask(subject="", consent="", question="x" * 5001).content.decode()
    start = page.index('class="error-summary"')
    summary = page[start : page.index("</ul>", start)]

    assert '<a href="#id_subject">Udfyld feltet »Overskrift«.</a>' in summary
    assert '<a href="#id_consent">Du skal give lov' in summary
    # a message that does not say which field it is about gets the field's name
    assert '<a href="#id_question">Dit spørgsmål: Teksten må højst være 5.000 tegn' in summary


def test_a_wrong_phone_number_is_summarised_under_the_fields_name_alone(ask):
    page = ask(phone="ring mig op").content.decode()
    assert '<a href="#id_phone">Telefon: Skriv et telefonnummer med mindst 8 cifre' in page


def test_a_flood_from_one_address_creates_at_most_the_allowed_cases(ask, settings):
    settings.ASK_LIMIT_PER_HOUR = 5
    responses = [
        ask(follow=False, email=f"person{n}@example.org", meta={"REMOTE_ADDR": "203.0.113.9"})
        for n in range(50)
    ]
    assert Case.objects.count() == 5
    assert [r.status_code for r in responses].count(429) == 45
    refused = responses[-1].content.decode()
    assert "Du har sendt mange spørgsmål og beskeder" in refused
    assert "Det blev ikke sendt" in refused and "Der er noget, du skal rette" not in refused


def test_a_place_that_asked_its_hour_of_questions_can_still_answer_back(ask, post, settings):
    settings.ASK_LIMIT_PER_HOUR = 2
    office = {"REMOTE_ADDR": "203.0.113.9"}
    for n in range(3):
        ask(follow=False, email=f"person{n}@example.org", meta=office)
    case = Case.objects.first()

    data = {"body": "Tak, vi prøver det.", "form_token": form_token()}
    post(f"/raadgivning/sag/{case.access.token}/", data, **office)

    assert Case.objects.count() == 2
    assert case.events.filter(kind=CaseEvent.Kind.MESSAGE).count() == 1


def test_people_sharing_a_connection_each_answer_back_and_each_case_has_its_limit(
    ask, post, settings
):
    settings.ASK_LIMIT_PER_HOUR = 2
    for n in range(2):
        ask(follow=False, email=f"person{n}@example.org", meta={"REMOTE_ADDR": f"192.0.2.{n}"})
    first, second = Case.objects.order_by("pk")
    office = {"REMOTE_ADDR": "203.0.113.9"}

    def answer(case, text):
        data = {"body": text, "form_token": form_token()}
        return post(f"/raadgivning/sag/{case.access.token}/", data, **office)

    for text in ("Tak.", "Vi prøver det.", "Det virkede ikke."):
        refused = answer(first, text)
    answer(second, "Tak, det hjalp.")

    messages = CaseEvent.objects.filter(kind=CaseEvent.Kind.MESSAGE)
    assert messages.filter(case=first).count() == 2
    assert "Du har sendt mange spørgsmål og beskeder" in refused.content.decode()
    assert messages.filter(case=second).count() == 1


def test_one_email_from_many_addresses_is_limited_too(ask, settings):
    settings.ASK_LIMIT_PER_HOUR = 3
    for n in range(10):
        ask(follow=False, subject=f"Spørgsmål nr. {n}", meta={"REMOTE_ADDR": f"198.51.100.{n}"})
    assert Case.objects.count() == 3


def behind_the_proxy(forwarded_for: str) -> dict:
    """A request as production's TLS proxy passes it on: from the proxy's own address, with
    the client's address appended to X-Forwarded-For."""
    return {"REMOTE_ADDR": "172.18.0.1", "HTTP_X_FORWARDED_FOR": forwarded_for}


@pytest.mark.parametrize("trusted_proxies,cases", [(1, 6), (0, 2)])
def test_behind_a_trusted_proxy_each_client_has_its_own_limit(
    ask, settings, trusted_proxies, cases
):
    settings.ASK_LIMIT_PER_HOUR = 2
    settings.TRUSTED_PROXIES = trusted_proxies
    for n in range(6):
        ask(follow=False, email=f"person{n}@example.org", meta=behind_the_proxy(f"198.51.100.{n}"))
    # Untrusted, the header is ignored and every question counts against the proxy's address.
    assert Case.objects.count() == cases


def test_a_forged_forwarded_address_does_not_escape_the_limit(ask, settings):
    settings.ASK_LIMIT_PER_HOUR = 2
    settings.TRUSTED_PROXIES = 1
    for n in range(6):
        forged = f"10.0.0.{n}, 203.0.113.9"  # the client's own header, then what the proxy saw
        ask(follow=False, email=f"person{n}@example.org", meta=behind_the_proxy(forged))
    assert Case.objects.count() == 2


def test_html_and_scripts_are_shown_as_text_on_the_pages_the_admin_and_emails(
    ask, client, mailoutbox
):
    script = "<script>alert('x')</script>"
    ask(name=f"Karen {script}", subject=f"Hjælp {script}", question=f"Spørgsmål {script} slut")
    case = Case.objects.get()
    tracking = client.get(f"/raadgivning/sag/{case.access.token}/").content.decode()
    assert script not in tracking
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in tracking
    [mail] = mails_to(mailoutbox, "karen@example.org")
    assert mail.message().get_content_type() == "text/plain"
    assert script in mail.body  # plain text: shown as typed, never interpreted
    client.force_login(secretary())
    admin_page = client.get(reverse("sager:detail", args=[case.pk])).content.decode()
    assert script not in admin_page and "&lt;script&gt;" in admin_page


def test_pasted_control_characters_neither_reorder_nor_join_the_words(ask):
    ask(
        subject="Hjælp \u202eLTR\u202c i dag",
        question="Første linje\x0banden linje \u202eRTL\u202c\x07 slut",
    )

    case = Case.objects.get()
    assert case.subject == "Hjælp LTR i dag"
    assert case.question == "Første linje\nanden linje RTL slut"  # Word's line break kept


def test_an_old_form_sent_again_at_once_is_accepted(ask, client):
    page = ask(form_token=form_token(seconds_ago=13 * 3600)).content.decode()
    renewed = re.search(r'name="form_token" value="([^"]+)"', page).group(1)
    ask(form_token=renewed)
    assert Case.objects.count() == 1


def test_a_form_sent_too_fast_is_accepted_once_the_time_since_it_was_shown_has_passed(
    ask, settings
):
    settings.ASK_MIN_FILL_SECONDS = 1
    page = ask(form_token=form_token(seconds_ago=0.6)).content.decode()
    assert "Formularen blev sendt meget hurtigt" in page and not Case.objects.exists()
    renewed = re.search(r'name="form_token" value="([^"]+)"', page).group(1)

    time.sleep(0.6)  # over a second since the form was shown, not since it came back
    ask(form_token=renewed)

    assert Case.objects.count() == 1


def test_an_incomplete_form_sent_fast_lists_only_what_to_correct(ask):
    page = ask(form_token=tokens.issue(), subject="", question="").content.decode()

    assert "Udfyld feltet »Overskrift«." in page
    assert "Formularen blev sendt meget hurtigt" not in page
    assert not Case.objects.exists()
