"""Anonymise the requester data of cases closed longer than CASE_RETENTION_DAYS.

Run daily in production, e.g. from cron: ``python manage.py anonymise_cases``."""

from django.conf import settings
from django.core.management.base import BaseCommand

from advisory.privacy import anonymise_expired, expired_cases


class Command(BaseCommand):
    help = "Anonymiserer spørgerens oplysninger på sager, der har været lukket for længe."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.CASE_RETENTION_DAYS,
            help="Opbevaringstid i dage efter lukning (standard: CASE_RETENTION_DAYS).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Vis kun, hvor mange sager det gælder."
        )

    def handle(self, *args, days, dry_run, **options):
        if dry_run:
            count = expired_cases(days).count()
            self.stdout.write(f"{count} sager ville blive anonymiseret.")
            return
        references = anonymise_expired(days)
        self.stdout.write(self.style.SUCCESS(f"{len(references)} sager anonymiseret."))
