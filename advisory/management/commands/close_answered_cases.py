"""Close answered cases nothing has happened on for CASE_CLOSE_ANSWERED_DAYS.

Run daily in production, e.g. from cron: ``python manage.py close_answered_cases``."""

from django.conf import settings
from django.core.management.base import BaseCommand

from advisory.workflow import close_long_answered


class Command(BaseCommand):
    help = "Lukker besvarede sager, hvor der ikke er sket noget i et stykke tid."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.CASE_CLOSE_ANSWERED_DAYS,
            help="Dage uden nyt, før en besvaret sag lukkes (standard: CASE_CLOSE_ANSWERED_DAYS).",
        )

    def handle(self, *args, days, **options):
        closed = close_long_answered(days)
        self.stdout.write(self.style.SUCCESS(f"{len(closed)} besvarede sager lukket."))
