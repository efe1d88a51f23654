import re

import pytest

from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from advisory import workflow
from advisory.models import CaseEvent
from advisory.models.cases import Status
from advisory.roles import EDITORS
from kb.models import FaqPage, Topic
from kb.removed_text import RemovedTextError
from tests.advisory.factories import CaseFactory, OrganisationFactory, editor, secretary
from tests.factories import FaqPageFactory, GuidePageFactory, MethodPageFactory, section

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_case(site):
    staff = secretary()
    case = CaseFactory(
        requester_name="Mette Madsen",
        requester_email="mette@example.net",
        organisation=OrganisationFactory(name="Café Lyspunktet"),
        topic=Topic.objects.get(slug="frivillige"),
        subject="Frivillige der stopper hurtigt",
        question="Hos Café Lyspunktet stopper de frivillige efter en måned.\n\nHilsen Mette Madsen",
    )
    workflow.send_reply(case, staff, "Kære Mette\n\nLav en velkomstsamtale og en mentorordning.")
    workflow.change_status(case, Status.CLOSED, staff)
    return case


def test_staff_turn_a_closed_case_into_a_draft_faq_without_personal_details(client, closed_case):
    client.force_login(secretary())
    page = client.get(f"/admin/sager/{closed_case.pk}/").content.decode()
    assert "Gør til spørgsmål og svar" in page
    client.post(f"/admin/sager/{closed_case.pk}/til-faq/")
    faq = FaqPage.objects.get()
    assert not faq.live and faq.has_unpublished_changes
    assert list(faq.topics.values_list("slug", flat=True)) == ["frivillige"]
    text = f"{faq.title} {faq.summary} {faq.body}"
    assert "velkomstsamtale" in text and "stopper de frivillige" in text
    for detail in ["Mette", "Madsen", "mette@example.net", "Lyspunktet"]:
        assert detail not in text
        assert detail not in str(faq.latest_revision.content)
    assert closed_case.related_pages.filter(pk=faq.pk).exists()
    assert Page.objects.get(pk=faq.pk).get_parent().slug == "spoergsmaal-og-svar"
    # Waiting for the approvers, as the case page promises an editor will review it.
    assert faq.workflow_in_progress and faq.current_workflow_task.name == "Godkendelse"


def test_the_draft_leaves_out_the_name_of_a_place_being_started_and_any_cpr_number(client, site):
    staff = secretary()
    case = CaseFactory(
        other_organisation="Spiren i Vejle",
        question="Vi starter Spiren i Vejle. Må vores bruger (cpr 010180-1234) være frivillig?",
    )
    workflow.send_reply(case, staff, "Ja, hvis Spiren i Vejle tegner en forsikring.")
    workflow.change_status(case, Status.CLOSED, staff)
    client.force_login(staff)

    client.post(f"/admin/sager/{case.pk}/til-faq/")

    text = str(FaqPage.objects.get().latest_revision.content)
    assert "tegner en forsikring" in text
    assert "Spiren" not in text and "010180" not in text


def test_a_short_name_given_for_a_new_place_takes_nothing_from_the_other_words(client, site):
    staff = secretary()
    case = CaseFactory(other_organisation="Vi", question="Vi vil holde weekend-vi-tur.")
    workflow.send_reply(case, staff, "Vi anbefaler en forsikring.")
    workflow.change_status(case, Status.CLOSED, staff)
    client.force_login(staff)

    client.post(f"/admin/sager/{case.pk}/til-faq/")

    assert "anbefaler en forsikring" in str(FaqPage.objects.get().latest_revision.content)
    assert "[fjernet]" not in str(FaqPage.objects.get().latest_revision.content)


def test_an_answered_case_still_open_cannot_be_promoted(client, site):
    staff = secretary()
    case = CaseFactory(subject="Frivillige der stopper hurtigt")
    workflow.send_reply(case, staff, "Lav en velkomstsamtale og en mentorordning.")
    client.force_login(staff)

    response = client.post(f"/admin/sager/{case.pk}/til-faq/", follow=True)

    assert "Kun lukkede sager kan gøres til spørgsmål og svar." in response.content.decode()
    assert not FaqPage.objects.exists()


def test_an_answered_case_says_its_answer_can_become_a_page_once_closed(client, site):
    staff = secretary()
    case = CaseFactory(subject="Frivillige der stopper hurtigt")
    workflow.send_reply(case, staff, "Lav en velkomstsamtale og en mentorordning.")
    client.force_login(staff)

    page = client.get(f"/admin/sager/{case.pk}/").content.decode()

    assert "Når sagen er lukket, kan svaret blive til en side i Spørgsmål og svar." in page
    assert "Gør til spørgsmål og svar" not in page


def test_a_secretary_who_cannot_edit_pages_is_sent_back_to_the_case_with_the_draft_named(
    client, closed_case
):
    client.force_login(secretary())
    response = client.post(f"/admin/sager/{closed_case.pk}/til-faq/", follow=True)
    faq = FaqPage.objects.get()
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == f"/admin/sager/{closed_case.pk}/"
    assert f"Kladden »{faq.title}« er oprettet" in html
    assert f"/admin/pages/{faq.pk}/edit/" not in html


@pytest.mark.parametrize("also_editor", [False, True])
def test_the_case_page_keeps_naming_the_draft_made_from_it(client, closed_case, also_editor):
    user = secretary()
    if also_editor:
        user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    client.post(f"/admin/sager/{closed_case.pk}/til-faq/")
    faq = FaqPage.objects.get()

    page = client.get(f"/admin/sager/{closed_case.pk}/").content.decode()

    drafts = page.split("Gjort til spørgsmål og svar</h3>")[1].split("</ul>")[0]
    assert faq.title in drafts and f"({faq.status_string})" in drafts
    assert (f'href="/admin/pages/{faq.pk}/edit/"' in drafts) is also_editor


def test_a_secretary_who_is_also_an_editor_gets_a_link_to_edit_the_draft(client, closed_case):
    user = secretary()
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    html = client.post(f"/admin/sager/{closed_case.pk}/til-faq/", follow=True).content.decode()
    assert f"/admin/pages/{FaqPage.objects.get().pk}/edit/" in html


def test_promoting_the_same_answer_again_shows_the_existing_draft(client, closed_case):
    client.force_login(secretary())
    client.post(f"/admin/sager/{closed_case.pk}/til-faq/")
    response = client.post(f"/admin/sager/{closed_case.pk}/til-faq/", follow=True)
    faq = FaqPage.objects.get()
    assert f"Svaret er allerede gjort til kladden »{faq.title}«." in response.content.decode()
    assert closed_case.events.filter(kind=CaseEvent.Kind.EDIT).count() == 1


def test_an_answer_typed_in_the_browser_becomes_paragraphs_without_greeting_and_sign_off(
    client, site
):
    staff = secretary()
    case = CaseFactory(
        subject="Frivillige der stopper",
        question=(
            "Hej LVS\r\n\r\nVores frivillige stopper hurtigt.\r\n\r\nHvad gør andre?"
            "\r\n\r\nMvh Karen"
        ),
    )
    # A textarea's line breaks reach the server as \r\n; the standard replies open and close
    # like a letter.
    answer = (
        "Kære Karen,\r\n\r\nTak for spørgsmålet.\r\n\r\nLav en velkomstsamtale.\r\n \r\n"
        "Følg op efter en måned.\r\n\r\nVenlig hilsen\r\nSofie Holm\r\nLVS"
    )
    workflow.send_reply(case, staff, answer)
    workflow.change_status(case, Status.CLOSED, staff)
    client.force_login(staff)
    client.post(f"/admin/sager/{case.pk}/til-faq/")
    faq = FaqPage.objects.get()

    assert faq.summary == "Vores frivillige stopper hurtigt."
    question, answer = faq.body[1].value.source, faq.body[3].value.source
    assert question == "<p>Vores frivillige stopper hurtigt.</p><p>Hvad gør andre?</p>"
    assert answer == (
        "<p>Tak for spørgsmålet.</p><p>Lav en velkomstsamtale.</p><p>Følg op efter en måned.</p>"
    )


def test_greetings_in_the_first_line_and_one_above_a_standard_replys_are_left_out(client, site):
    staff = secretary()
    case = CaseFactory(
        requester_name="Birthe Sørensen",
        subject="Museumsbesøg",
        question="Hej sekretariatet. Vi vil gerne tage brugerne med på museum.",
    )
    answer = "Hej Birthe.\n\nKære Birthe,\n\nAftal besøget med brugerne.\n\nVenlig hilsen\nSofie"
    workflow.send_reply(case, staff, answer)
    workflow.change_status(case, Status.CLOSED, staff)
    client.force_login(staff)
    client.post(f"/admin/sager/{case.pk}/til-faq/")
    faq = FaqPage.objects.get()

    assert faq.summary == "Vi vil gerne tage brugerne med på museum."
    assert faq.body[3].value.source == "<p>Aftal besøget med brugerne.</p>"


def test_of_several_answers_staff_choose_the_one_the_draft_builds_on(client, site):
    staff = secretary()
    case = CaseFactory(subject="Frivillige der stopper", question="Hvad gør andre?")
    full = workflow.send_reply(case, staff, "Lav en velkomstsamtale og en mentorordning.")
    workflow.send_reply(case, staff, "Her er linket til vejledningen.")
    workflow.change_status(case, Status.CLOSED, staff)
    client.force_login(staff)

    page = client.get(f"/admin/sager/{case.pk}/").content.decode()
    choices = re.findall(r'<input type="radio" name="svar" value="(\d+)"( checked)?>', page)
    assert len(choices) == 2 and choices[0][1] == " checked"  # the latest answer first

    client.post(f"/admin/sager/{case.pk}/til-faq/", {"svar": full.pk})

    body = str(FaqPage.objects.get().body)
    assert "velkomstsamtale" in body and "linket" not in body


def test_the_draft_keeps_the_secretariats_own_contacts_and_gets_a_danish_web_address(client, site):
    staff = secretary()
    case = CaseFactory(
        requester_phone="2233 4455",
        subject="Vi vil starte et værested – hvor begynder vi?",
        question="Vi er tre, der vil åbne et værested. Ring til mig på 2233 4455.",
    )
    workflow.send_reply(
        case, staff, "Start med en forening. Ring på 7592 4000 eller skriv til lvsinfo@lavs.dk."
    )
    workflow.change_status(case, Status.CLOSED, staff)
    client.force_login(staff)

    client.post(f"/admin/sager/{case.pk}/til-faq/")

    faq = FaqPage.objects.get()
    assert faq.slug == "vi-vil-starte-et-vaerested-hvor-begynder-vi"
    text = str(faq.body)
    assert (
        'Ring på 7592 4000 eller skriv til <a href="mailto:lvsinfo@lavs.dk">lvsinfo@lavs.dk</a>.'
        in text
    )
    assert "2233 4455" not in f"{faq.summary} {text}"


def test_with_the_faq_section_renamed_staff_are_told_where_the_draft_should_go(client, closed_case):
    faq = Page.objects.get(slug="spoergsmaal-og-svar")
    faq.slug = "faq"
    faq.save()
    client.force_login(secretary())

    page = client.post(f"/admin/sager/{closed_case.pk}/til-faq/", follow=True).content.decode()

    assert "Vidensbanken har ingen sektion med adressen »spoergsmaal-og-svar«" in page
    assert not FaqPage.objects.exists()


def drafted_answer(client, answer: str) -> str:
    """The rich text of the answer in the FAQ draft made from a closed case ``answer`` closed."""
    staff = secretary()
    case = CaseFactory(subject="Nye frivillige", question="Hvordan tager vi imod dem?")
    workflow.send_reply(case, staff, answer)
    workflow.change_status(case, Status.CLOSED, staff)
    client.force_login(staff)
    client.post(f"/admin/sager/{case.pk}/til-faq/")
    return FaqPage.objects.get().body[3].value.source


def test_an_answers_numbered_and_bulleted_lines_stay_lists_in_the_draft(client, site):
    answer = (
        "Gør sådan:\r\n1. Hold en velkomstsamtale.\r\n2. Giv dem en mentor.\r\n\r\n"
        "Husk:\r\n- Følg op efter en måned.\r\n- Sig tak."
    )

    assert drafted_answer(client, answer) == (
        "<p>Gør sådan:</p><ol><li>Hold en velkomstsamtale.</li><li>Giv dem en mentor.</li></ol>"
        "<p>Husk:</p><ul><li>Følg op efter en måned.</li><li>Sig tak.</li></ul>"
    )


def test_an_editor_approves_the_draft_a_secretary_made(client, closed_case):
    client.force_login(secretary())
    client.post(f"/admin/sager/{closed_case.pk}/til-faq/")
    faq = FaqPage.objects.get()
    reviewer = editor()

    actions = [name for name, *_ in faq.current_workflow_task.specific.get_actions(faq, reviewer)]
    client.force_login(reviewer)
    edit_form = client.get(f"/admin/pages/{faq.pk}/edit/").content.decode()

    assert "approve" in actions
    assert "Kun godkendere af denne opgave kan redigere denne side" not in edit_form


def test_a_web_address_in_the_answer_is_a_link_in_the_draft(client, site):
    answer = "Læs vejledningen på https://lvs.dk/vejledninger/lokaler/ & ring til os."

    assert drafted_answer(client, answer) == (
        '<p>Læs vejledningen på <a href="https://lvs.dk/vejledninger/lokaler/">'
        "https://lvs.dk/vejledninger/lokaler/</a> &amp; ring til os.</p>"
    )


def test_the_guidance_the_case_was_answered_with_is_the_drafts_related_material(
    client, closed_case
):
    staff = secretary()
    guide = GuidePageFactory(parent=section("vejledninger"), title="Sådan finder I nye frivillige")
    mentor = MethodPageFactory(parent=section("metoder"), title="Mentorordning")
    workflow.link_pages(closed_case, [mentor, guide], staff)
    client.force_login(staff)

    client.post(f"/admin/sager/{closed_case.pk}/til-faq/")

    draft = FaqPage.objects.get().get_latest_revision_as_object()
    related = [item.article.title for item in draft.related_articles.all()]
    assert related == ["Mentorordning", "Sådan finder I nye frivillige"]


def faq_form(title: str, paragraph: str) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": "tavshedspligt",
            "summary": "Må frivillige fortælle om brugerne?",
            "body": streamfield([("paragraph", rich_text(f"<p>{paragraph}</p>"))]),
            "year": "2026",
            "authors": "",
            "related_articles": inline_formset([]),
            "comments": inline_formset([]),
        }
    )


def test_the_draft_has_an_address_without_removed_words_and_the_year_it_was_answered(client, site):
    staff = secretary()
    case = CaseFactory(
        organisation=OrganisationFactory(name="Mødestedet Mosen"),
        subject="Tavshedspligt på Mødestedet Mosen",
    )
    workflow.send_reply(case, staff, "Ja, frivillige har tavshedspligt.")
    answered = timezone.localtime().replace(year=2023)
    # As an old case imported with its timeline: the timeline itself refuses changes.
    replies = CaseEvent.objects.filter(case=case, kind=CaseEvent.Kind.REPLY)
    models.QuerySet.update(replies, created_at=answered)
    workflow.change_status(case, Status.CLOSED, staff)
    client.force_login(staff)

    client.post(f"/admin/sager/{case.pk}/til-faq/")

    faq = FaqPage.objects.get()
    assert faq.title == "Tavshedspligt på [fjernet]"
    assert faq.slug == "tavshedspligt-paa"
    assert faq.year == 2023


def test_a_page_with_removed_words_is_saved_as_a_draft_but_not_published(client, site):
    faq = FaqPageFactory(parent=section("spoergsmaal-og-svar"), title="Tavshedspligt", live=False)
    client.force_login(editor())
    edit = f"/admin/pages/{faq.pk}/edit/"
    removed = faq_form("Tavshedspligt på [fjernet]", "Spørg [fjernet] om lov.")

    refused = client.post(edit, {**removed, "action-publish": "action-publish"})

    errors = refused.context["form"].errors  # each said at the field that has the words
    assert set(errors) == {"title", "body"}
    assert errors["body"][0].startswith("Der står »[fjernet]«, hvor personoplysninger blev fjernet")
    assert 'value="Tavshedspligt på [fjernet]"' in refused.content.decode()  # typed text is kept
    faq.refresh_from_db()
    assert not faq.live

    client.post(edit, removed)  # a draft may still have them
    faq.refresh_from_db()
    assert faq.get_latest_revision().as_object().title == "Tavshedspligt på [fjernet]"

    client.post(edit, {**faq_form("Tavshedspligt", "Spørg lederen om lov."), "action-publish": "1"})
    faq.refresh_from_db()
    assert faq.live and faq.title == "Tavshedspligt"


def test_a_page_with_removed_words_is_not_published_in_bulk_or_by_any_other_way(client, site):
    faq = FaqPageFactory(parent=section("spoergsmaal-og-svar"), title="Tavshedspligt", live=False)
    faq.title = "Tavshedspligt på [fjernet]"
    faq.save_revision()
    client.force_login(editor())

    bulk = client.post(
        f"/admin/bulk/wagtailcore/page/publish/?id={faq.pk}&next=/admin/pages/", follow=True
    )

    assert "Ikke udgivet: Tavshedspligt. Der står »[fjernet]«" in bulk.content.decode()
    faq.refresh_from_db()
    assert not faq.live
    with pytest.raises(RemovedTextError):
        faq.get_latest_revision().publish()
    faq.refresh_from_db()
    assert not faq.live


def test_approving_a_draft_with_removed_words_from_the_dashboard_is_refused_in_a_message(
    admin_client, closed_case
):
    admin_client.post(f"/admin/sager/{closed_case.pk}/til-faq/")
    faq = FaqPage.objects.get()
    draft = faq.get_latest_revision().as_object()
    draft.title = "Frivillige på [fjernet] stopper hurtigt"
    draft.save_revision()
    task_state = faq.current_workflow_state.current_task_state
    approve = f"/admin/pages/workflow/action/{faq.pk}/approve/{task_state.pk}/"

    response = admin_client.post(
        approve, {"comment": ""}, headers={"referer": "/admin/"}, follow=True
    )

    assert response.status_code == 200
    refusal = "»Frivillige på [fjernet] stopper hurtigt« er ikke udgivet. Der står »[fjernet]«"
    assert refusal in response.content.decode()
    faq.refresh_from_db()
    assert not faq.live and faq.workflow_in_progress  # still waiting for its approval
