import shutil
from io import StringIO

import pytest

from django.conf import settings
from django.core.management import call_command
from django.test import TestCase

from kb.models import ArticlePage, MethodPage, PublicationPage
from tests.conftest import skip_or_fail


def import_corpus(path) -> tuple[str, str, int]:
    out, err = StringIO(), StringIO()
    try:
        call_command("import_corpus", str(path), stdout=out, stderr=err, verbosity=0)
        status = 0
    except SystemExit as exit:
        status = exit.code
    return out.getvalue(), err.getvalue(), status


class ImportedCorpusTests(TestCase):
    """The whole corpus imported once; each test looks at one promise of the import."""

    @classmethod
    def setUpTestData(cls):
        if not (settings.CORPUS_DIR / "documents").is_dir():
            skip_or_fail(f"Korpusset findes ikke i {settings.CORPUS_DIR}")
        cls.first_run = import_corpus(settings.CORPUS_DIR)

    def test_every_document_becomes_a_live_page_in_the_section_of_its_type(self):
        self.assertEqual(self.first_run[0].strip(), "45 oprettet, 0 ændret, 0 uændret, 0 fejlet")
        counts = {
            section: ArticlePage.objects.live().filter(url_path__contains=f"/{section}/").count()
            for section in ("metoder", "publikationer", "vejledninger", "spoergsmaal-og-svar")
        }
        self.assertEqual(
            counts,
            {"metoder": 10, "publikationer": 12, "vejledninger": 13, "spoergsmaal-og-svar": 10},
        )

    def test_page_carries_slug_topics_audiences_year_and_authors(self):
        page = MethodPage.objects.get(slug="de-smaa-skridts-metode")

        self.assertEqual(page.url, "/metoder/de-smaa-skridts-metode/")
        self.assertEqual(page.title, "De små skridts metode")
        self.assertEqual(
            {t.slug for t in page.topics.all()}, {"metoder-og-faglighed", "brugerinddragelse"}
        )
        self.assertEqual(
            {a.slug for a in page.audiences.all()}, {"personale", "frivillige", "ledelse"}
        )
        self.assertEqual(page.year, 2012)
        self.assertEqual(page.author_list, ["LVS sekretariatet"])
        self.assertIn("Fem bærende principper", str(page.body))

    def test_pdf_only_publications_store_their_danish_text(self):
        publications = PublicationPage.objects.filter(document__isnull=False)

        self.assertEqual(publications.count(), 8)
        for publication in publications:
            text = publication.document_text()
            with self.subTest(publication.slug):
                self.assertGreater(len(text.split()), 300)
                self.assertTrue(all(letter in text for letter in "æøå"))

    def test_an_imported_document_is_downloaded_with_its_own_etag(self):
        documents = [p.document for p in PublicationPage.objects.filter(document__isnull=False)]

        etags = {self.client.get(document.url)["ETag"] for document in documents}

        # An empty one ("") told a browser that any copy it had was still current.
        self.assertNotIn('""', etags)
        self.assertEqual(len(etags), len(documents))

    def test_second_run_changes_nothing(self):
        pages_before = list(ArticlePage.objects.values_list("id", "latest_revision_id"))

        out, _, status = import_corpus(settings.CORPUS_DIR)

        self.assertEqual(out.strip(), "0 oprettet, 0 ændret, 45 uændret, 0 fejlet")
        self.assertEqual(status, 0)
        self.assertEqual(
            list(ArticlePage.objects.values_list("id", "latest_revision_id")), pages_before
        )


@pytest.mark.django_db
def test_broken_file_is_reported_by_name_and_the_rest_is_imported(corpus_dir, tmp_path):
    copy = tmp_path / "korpus"
    shutil.copytree(corpus_dir, copy)
    (copy / "documents" / "oedelagt.md").write_text("---\ntitle: [ingen slutning\n---\nTekst")
    changed = copy / "documents" / "faq-landsmoedet.md"
    changed.write_text(changed.read_text().replace("type: faq", "type: podcast"))
    too_old = copy / "documents" / "etabler-et-brugerraad.md"
    too_old.write_text(too_old.read_text().replace("year: 2017", "year: 1850"))

    out, err, status = import_corpus(copy)

    assert status == 1
    assert "FEJL i oedelagt.md: front matter kan ikke læses" in err
    assert "FEJL i faq-landsmoedet.md: ukendt type 'podcast'" in err
    assert "FEJL i etabler-et-brugerraad.md: Skriv et årstal mellem 1900 og" in err
    assert out.strip() == "43 oprettet, 0 ændret, 0 uændret, 3 fejlet"
    assert ArticlePage.objects.count() == 43


@pytest.mark.django_db
def test_changed_document_updates_its_page_on_the_next_run(corpus_dir, tmp_path):
    copy = tmp_path / "korpus"
    (copy / "documents").mkdir(parents=True)
    source = copy / "documents" / "etabler-et-brugerraad.md"
    shutil.copy(corpus_dir / "documents" / source.name, source)
    import_corpus(copy)
    source.write_text(source.read_text().replace("year: 2017", "year: 2024"))

    out, _, _ = import_corpus(copy)

    assert out.strip() == "0 oprettet, 1 ændret, 0 uændret, 0 fejlet"
    assert ArticlePage.objects.get(slug="etabler-et-brugerraad").year == 2024
