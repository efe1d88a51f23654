import pytest

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Collection

from kb.models import KbDocument
from tests.factories import KbDocumentFactory, blank_pdf
from tests.office_files import odt_paragraphs

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


def upload_on_the_multiple_upload_screen(client, name: str, content: bytes) -> str:
    """Upload as the "Tilføj dokumenter" screen's script does; return the file's edit form."""
    response = client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile(name, content),
            "title": name.rsplit(".", 1)[0],
            "collection": Collection.get_first_root_node().id,
        },
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.json()["success"]
    return response.json()["form"]


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


def damaged_pdf(corpus_dir) -> bytes:
    """The first half of a real PDF, as a broken download leaves it."""
    pdf = (corpus_dir / "pdf" / "haandbog-god-bestyrelsespraksis.pdf").read_bytes()
    return pdf[: len(pdf) // 2]


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("scannet.pdf", lambda corpus_dir: blank_pdf(), "ingen tekst"),
        ("hemmelig.pdf", lambda corpus_dir: blank_pdf(password="hemmelig"), "krypteret"),
        ("afbrudt.pdf", damaged_pdf, "beskadiget"),
    ],
)
def test_multiple_upload_warns_at_once_that_an_unreadable_pdfs_text_cannot_be_searched(
    admin_client, corpus_dir, name, content, reason
):
    form = upload_on_the_multiple_upload_screen(admin_client, name, content(corpus_dir))

    document = KbDocument.objects.get(title=name.removesuffix(".pdf"))
    assert "Der kunne ikke læses tekst fra filen." in form
    assert reason in form
    assert "Dokumentet er gemt og kan hentes, men søgningen finder ikke ord inde i det." in form
    assert "Gem filen som PDF direkte fra det program" in form
    assert reverse("wagtaildocs:edit", args=[document.id]) in form


def test_multiple_upload_of_a_readable_pdf_gives_no_warning(admin_client, corpus_dir):
    pdf = (corpus_dir / "pdf" / "sport-for-livet-evaluering.pdf").read_bytes()

    form = upload_on_the_multiple_upload_screen(admin_client, "evaluering.pdf", pdf)

    assert 'name="doc-' in form  # the file's title form, as Wagtail gives it
    assert "Der kunne ikke læses tekst fra filen." not in form
    assert "text-extraction-status" not in form


def test_uploaded_odt_is_searchable_and_not_marked_unreadable_in_the_list(admin_client):
    odt = odt_paragraphs("Referat af husmødet", "Vi talte om frivillige og kaffeordningen.")

    form = upload_on_the_multiple_upload_screen(admin_client, "husmøde.odt", odt)

    assert "Der kunne ikke læses tekst fra filen." not in form
    document = KbDocument.objects.get(title="husmøde")
    assert "kaffeordningen" in document.extracted_text
    assert document in KbDocument.objects.search("kaffeordningen")
    listing = admin_client.get(reverse("wagtaildocs:index")).content.decode()
    assert "Teksten kunne ikke læses" not in row_of("husmøde", listing)


def test_old_word_file_uploads_and_the_editor_is_told_to_save_it_as_docx_or_pdf(admin_client):
    form = upload_on_the_multiple_upload_screen(admin_client, "vedtægter.doc", b"\xd0\xcf\x11\xe0")

    assert KbDocument.objects.filter(title="vedtægter").exists()
    assert "Der kunne ikke læses tekst fra filen." in form
    assert "gem den som DOCX eller PDF" in form


def test_document_list_marks_the_documents_whose_text_could_not_be_read(admin_client):
    KbDocumentFactory(title="Læsbare noter")
    KbDocumentFactory(title="Scannet referat", file=ContentFile(blank_pdf(), name="referat.pdf"))

    listing = admin_client.get(reverse("wagtaildocs:index")).content.decode()

    assert "Teksten kunne ikke læses og kan ikke søges" in row_of("Scannet referat", listing)
    assert "Teksten kunne ikke læses" not in row_of("Læsbare noter", listing)


def test_document_list_can_show_only_the_documents_whose_text_could_not_be_read(admin_client):
    KbDocumentFactory(title="Læsbare noter")
    KbDocumentFactory(title="Scannet referat", file=ContentFile(blank_pdf(), name="referat.pdf"))

    listing = admin_client.get(
        reverse("wagtaildocs:index"), {"searchable_text": "nej"}
    ).content.decode()

    assert "Scannet referat" in listing
    assert "Læsbare noter" not in listing


def row_of(title: str, listing: str) -> str:
    start = listing.index(title)
    return listing[listing.rindex("<tr", 0, start) : listing.index("</tr>", start)]


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [("falsk.pdf", b"Dette er bare tekst.", "PDF"), ("falsk.docx", b"%PDF-1.7 ...", "DOCX")],
)
def test_a_file_named_as_another_kind_than_it_is_is_refused_in_danish(
    admin_client, name, content, kind
):
    response = upload(admin_client, name, content)

    assert response.status_code == 200
    assert f"men er ikke en {kind}-fil." in response.content.decode()
    assert not KbDocument.objects.exists()
    multiple = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content), "title": "falsk"},
        headers={"x-requested-with": "XMLHttpRequest"},
    ).json()
    assert not multiple["success"] and f"men er ikke en {kind}-fil." in multiple["error_message"]
    assert not KbDocument.objects.exists()


def test_a_document_over_the_size_limit_is_refused_in_danish_and_not_stored(admin_client, settings):
    settings.DOCUMENT_MAX_UPLOAD_MB = 1
    too_big = blank_pdf() + b"\0" * (2 * 1024 * 1024)

    page = upload(admin_client, "stor-rapport.pdf", too_big).content.decode()

    assert "Filen fylder 2,0\xa0MB, men højst 1,0\xa0MB kan lægges op." in page
    assert not KbDocument.objects.exists()
