"""A publication's document can be downloaded while the publication is published, and only then
(staff can still open it)."""

import pytest

from django.core.files.base import ContentFile

from tests.factories import KbDocumentFactory, PublicationPageFactory, blank_pdf, section

pytestmark = pytest.mark.django_db


@pytest.fixture
def publication(site):
    return PublicationPageFactory(parent=section("publikationer"), title="Havebrug")


def downloaded(response) -> bytes:
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_a_published_publications_document_can_be_downloaded(client, publication):
    assert downloaded(client.get(publication.document.url)) == b"Tekst om frivillige"


def test_a_pdf_is_not_said_to_be_compressed(client, site):
    """Wagtail sent "Content-Encoding: None": a compression no browser knows."""
    document = KbDocumentFactory(file=ContentFile(blank_pdf(), name="rapport.pdf"))

    response = client.get(document.url)

    assert response["Content-Type"] == "application/pdf"
    assert "Content-Encoding" not in response
    assert response["Content-Disposition"].startswith("inline")


def test_an_unpublished_publications_document_is_not_handed_out(client, admin_client, publication):
    publication.unpublish()

    response = client.get(publication.document.url)

    assert response.status_code == 404
    assert "Siden findes ikke" in response.content.decode()
    assert admin_client.get(publication.document.url).status_code == 200


def test_a_document_no_publication_uses_can_be_downloaded(client, site):
    document = KbDocumentFactory()
    assert downloaded(client.get(document.url)) == b"Tekst om frivillige"
