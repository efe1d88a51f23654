import sys
from pathlib import Path

from tqdm import tqdm

from django.core.management.base import BaseCommand, CommandError

from kb.corpus_import import CorpusImporter


class Command(BaseCommand):
    help = "Importér vidensbankens korpus (Markdown med front matter og PDF'er) som sider."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="Korpusmappen med documents/ og pdf/")

    def handle(self, *args, path: Path, **options):
        importer = CorpusImporter(path)
        if not importer.files():
            raise CommandError(f"Ingen dokumenter fundet i {importer.documents_dir}")
        quiet = options["verbosity"] == 0
        result = importer.import_all(
            lambda files: tqdm(files, desc="Importerer", unit="fil", disable=quiet)
        )
        for name, reason in result.failed:
            self.stderr.write(self.style.ERROR(f"FEJL i {name}: {reason}"))
        self.stdout.write(
            f"{result.created} oprettet, {result.changed} ændret, "
            f"{result.unchanged} uændret, {len(result.failed)} fejlet"
        )
        if result.failed:
            sys.exit(1)
