"""Forget searches older than SEARCH_LOG_RETENTION_DAYS: what people typed may name a person,
and the reports look back a year or two at most.

Run daily in production (docker-compose.yml's worker does)."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from kb.models import SearchQueryLog


class Command(BaseCommand):
    help = "Sletter søgninger, der er ældre end SEARCH_LOG_RETENTION_DAYS, fra søgeloggen."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.SEARCH_LOG_RETENTION_DAYS,
            help="Hvor mange dage søgninger gemmes (standard: SEARCH_LOG_RETENTION_DAYS).",
        )

    def handle(self, *args, days, **options):
        cutoff = timezone.now() - timedelta(days=days)
        deleted, _ = SearchQueryLog.objects.filter(searched_at__lt=cutoff).delete()
        self.stdout.write(self.style.SUCCESS(f"{deleted} søgninger slettet fra søgeloggen."))
