"""A publication's edit form warns beside its document when the document's text could not be
read, also for a document the editor has just chosen or uploaded in the chooser."""

import pytest

from django.core.files.base import ContentFile
from django.urls import reverse

from tests.advisory.factories import editor, secretary
from tests.factories import KbDocumentFactory, PublicationPageFactory, blank_pdf, section

pytestmark = pytest.mark.django_db

SCAN_REASON = "Filen indeholder ingen tekst, der kan læses (måske et scannet billede)."


@pytest.fixture
def scan(site):
    return KbDocumentFactory(
        title="Scannet referat", file=ContentFile(blank_pdf(), name="scannet-referat.pdf")
    )


def test_publication_with_an_unreadable_pdf_says_so_beside_the_document(admin_client, scan):
    publication = PublicationPageFactory(parent=section("publikationer"), document=scan)

    edit_page = admin_client.get(reverse("wagtailadmin_pages:edit", args=[publication.pk]))

    html = edit_page.content.decode()
    assert "Der kunne ikke læses tekst fra filen." in html
    assert SCAN_REASON in html
    assert reverse("wagtaildocs:edit", args=[scan.pk]) in html
    assert html.index("Scannet referat") < html.index("Der kunne ikke læses tekst fra filen.")


def test_publication_with_a_readable_document_shows_no_warning(admin_client, site):
    publication = PublicationPageFactory(parent=section("publikationer"))

    edit_page = admin_client.get(reverse("wagtailadmin_pages:edit", args=[publication.pk]))

    assert "Der kunne ikke læses tekst fra filen." not in edit_page.content.decode()


def test_the_chosen_documents_warning_is_fetched_by_its_id(admin_client, scan):
    readable = KbDocumentFactory()
    status_url = reverse("kb_document_text_status")

    warning = admin_client.get(status_url, {"id": scan.pk}).content.decode()
    nothing = admin_client.get(status_url, {"id": readable.pk}).content.decode()

    assert SCAN_REASON in warning
    assert nothing.strip() == ""
    assert admin_client.get(status_url, {"id": "x"}).status_code == 404
    assert admin_client.get(status_url, {"id": scan.pk + readable.pk}).status_code == 404


def test_the_warning_is_only_for_editors_who_may_choose_the_document(client, scan):
    status_url = reverse("kb_document_text_status")
    assert client.get(status_url, {"id": scan.pk}).status_code == 302  # to the login

    # The secretariat works in the admin, but chooses no documents.
    client.force_login(secretary())
    refused = client.get(status_url, {"id": scan.pk})
    assert refused.status_code == 404
    assert SCAN_REASON not in refused.content.decode()

    client.force_login(editor())
    assert SCAN_REASON in client.get(status_url, {"id": scan.pk}).content.decode()
