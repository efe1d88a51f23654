"""What the editors' group may do besides pages: upload and choose documents and images, keep
the taxonomy, the synonyms and the editor's picks, and read what people search for. The
secretariat may not read the search log."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Collection

from kb.models import Audience, KbDocument, SearchQueryLog, Synonym
from tests.advisory.factories import editor, secretary
from tests.factories import KbDocumentFactory, MethodPageFactory, section

pytestmark = pytest.mark.django_db


def test_an_editor_keeps_audiences_synonyms_and_editors_picks(client, site):
    page = MethodPageFactory(parent=section("metoder"), title="Husmødet")
    client.force_login(editor())

    client.post("/admin/snippets/kb/audience/add/", {"name": "Pårørende", "slug": ""})
    client.post("/admin/snippets/kb/synonym/add/", {"term": "ildsjæl", "synonyms": "frivillig"})
    client.post(
        "/admin/searchpicks/add/",
        {
            "query_string": "husmøde",
            "editors_picks-TOTAL_FORMS": "1",
            "editors_picks-INITIAL_FORMS": "0",
            "editors_picks-MIN_NUM_FORMS": "0",
            "editors_picks-MAX_NUM_FORMS": "1000",
            "editors_picks-0-page": str(page.pk),
            "editors_picks-0-description": "",
            "editors_picks-0-ORDER": "0",
            "editors_picks-0-DELETE": "",
        },
    )

    assert Audience.objects.filter(name="Pårørende").exists()
    assert Synonym.objects.filter(term="ildsjæl").exists()
    assert SearchPromotion.objects.filter(page=page, query__query_string="husmøde").exists()


def test_editors_read_the_search_reports_and_the_secretariat_does_not(client):
    SearchQueryLog.objects.create(query="frivillige", result_count=3, backend="database")

    client.force_login(editor())
    assert "frivillige" in client.get("/admin/soegerapporter/populaere/").content.decode()
    assert '"/admin/soegerapporter/populaere/"' in client.get("/admin/").content.decode()

    client.force_login(secretary())
    refused = client.get("/admin/soegerapporter/populaere/", follow=True)
    assert refused.redirect_chain == [("/admin/", 302)]
    assert "frivillige" not in refused.content.decode()
    assert '"/admin/soegerapporter/populaere/"' not in client.get("/admin/").content.decode()


def test_an_editor_uploads_a_document_and_chooses_it_and_another_for_a_publication(client, site):
    KbDocumentFactory(title="Årsberetning 2025")
    client.force_login(editor())

    client.post(
        "/admin/documents/add/",
        {
            "title": "Frivilligpolitik",
            "file": SimpleUploadedFile("frivilligpolitik.txt", b"Om frivillige"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    chooser = client.get("/admin/documents/chooser/").json()["html"]

    assert KbDocument.objects.filter(title="Frivilligpolitik").exists()
    assert "Frivilligpolitik" in chooser and "Årsberetning 2025" in chooser
    assert client.get("/admin/images/chooser/").status_code == 200
