"""What the two import commands share: a progress bar, a report, exit status 1 on bad rows."""

from pathlib import Path

from tqdm import tqdm

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import ngettext


class ImportCommand(BaseCommand):
    noun = ""

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def run_import(self, path: Path, progress):
        raise NotImplementedError

    def handle(self, *args, file: Path, verbosity=1, **options):
        if not file.is_file():
            raise CommandError(f"Filen findes ikke: {file}")

        def progress(rows):
            # No bar when quiet or when nobody watches (tests, logs); tqdm decides on None.
            return tqdm(rows, desc=self.noun, unit=" rækker", disable=None if verbosity else True)

        report = self.run_import(file, progress)
        for line, message in report.warnings:
            self.stderr.write(f"{file}:{line}: advarsel: {message}")
        for line, message in report.errors:
            self.stderr.write(self.style.ERROR(f"{file}:{line}: {message}"))
        if verbosity:
            self.stdout.write(
                f"{self.noun}: {report.created} oprettet, {report.updated} opdateret, "
                f"{report.unchanged} uændret, {len(report.errors)} fejl"
            )
        if report.errors:
            failed = len(report.errors)
            message = ngettext(
                "%(count)d række kunne ikke importeres",
                "%(count)d rækker kunne ikke importeres",
                failed,
            )
            raise CommandError(message % {"count": failed}, returncode=1)
