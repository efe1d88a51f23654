import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Collection

from kb.models import KbDocument

pytestmark = pytest.mark.django_db


def upload(client, name: str, content: bytes):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().id,
        },
    )


def test_readable_pdf_is_searchable_and_the_editor_sees_how_much_text_was_read(
    admin_client, corpus_dir
):
    pdf = (corpus_dir / "pdf" / "sport-for-livet-evaluering.pdf").read_bytes()

    upload(admin_client, "evaluering.pdf", pdf)

    document = KbDocument.objects.get(title="evaluering.pdf")
    assert "Sport for LIVET" in document.extracted_text
    edit_page = admin_client.get(reverse("wagtaildocs:edit", args=[document.id])).content.decode()
    assert "Søgbar tekst:" in edit_page
    assert document in KbDocument.objects.search("stævner")


def test_corrupt_pdf_still_uploads_and_the_editor_is_told_no_text_could_be_read(admin_client):
    response = upload(admin_client, "ødelagt.pdf", b"%PDF-1.4 ikke en pdf")

    assert response.status_code == 302
    document = KbDocument.objects.get(title="ødelagt.pdf")
    assert document.extracted_text == ""
    edit_page = admin_client.get(reverse("wagtaildocs:edit", args=[document.id])).content.decode()
    assert "Der kunne ikke læses tekst fra filen." in edit_page
    assert "beskadiget" in edit_page
    # Above the form at full width, not in the narrow column beside it.
    assert edit_page.index('data-testid="text-extraction-status"') < edit_page.index("w-grid")


def test_replacing_the_file_reads_the_new_text(admin_client):
    upload(admin_client, "noter.txt", b"gammel tekst")
    document = KbDocument.objects.get(title="noter.txt")

    admin_client.post(
        reverse("wagtaildocs:edit", args=[document.id]),
        {
            "title": "noter.txt",
            "file": SimpleUploadedFile("nye-noter.txt", b"ny tekst om husmoedet"),
            "collection": document.collection_id,
        },
    )

    document.refresh_from_db()
    assert document.extracted_text == "ny tekst om husmoedet"
