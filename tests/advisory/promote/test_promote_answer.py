import pytest

from wagtail.models import Page

from advisory import workflow
from advisory.models.cases import Status
from kb.models import FaqPage, Topic
from tests.advisory.factories import CaseFactory, OrganisationFactory, secretary

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
    response = client.post(f"/admin/sager/{closed_case.pk}/til-faq/")
    faq = FaqPage.objects.get()
    assert response.url == f"/admin/pages/{faq.pk}/edit/"
    assert not faq.live and faq.has_unpublished_changes
    assert list(faq.topics.values_list("slug", flat=True)) == ["frivillige"]
    text = f"{faq.title} {faq.summary} {faq.body}"
    assert "velkomstsamtale" in text and "stopper de frivillige" in text
    for detail in ["Mette", "Madsen", "mette@example.net", "Lyspunktet"]:
        assert detail not in text
        assert detail not in str(faq.latest_revision.content)
    assert closed_case.related_pages.filter(pk=faq.pk).exists()
    assert Page.objects.get(pk=faq.pk).get_parent().slug == "spoergsmaal-og-svar"


def test_an_open_case_cannot_be_promoted(client, site):
    case = CaseFactory()
    client.force_login(secretary())
    client.post(f"/admin/sager/{case.pk}/til-faq/")
    assert not FaqPage.objects.exists()
