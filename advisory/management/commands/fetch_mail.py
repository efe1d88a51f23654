"""Read the secretariat's mailbox (IMAP_URL) and file the mail on cases.

Run every few minutes in production, e.g. from cron: ``python manage.py fetch_mail``."""

import imaplib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from advisory.mailbox import Mailbox, fetch


class Command(BaseCommand):
    help = "Henter e-mails fra sekretariatets postkasse og lægger dem på sagerne."

    def add_arguments(self, parser):
        parser.add_argument("--url", default=settings.IMAP_URL, help="Standard: IMAP_URL.")

    def handle(self, *args, url, **options):
        if not url:
            raise CommandError("Sæt IMAP_URL (fx imaps://bruger:kode@mail.example.dk/INBOX).")
        try:
            outcome = fetch(Mailbox.from_url(url))
        except (ValueError, OSError, imaplib.IMAP4.error) as error:
            raise CommandError(f"Kunne ikke læse postkassen: {error}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(outcome.replies)} svar på sager, {len(outcome.opened)} nye sager, "
                f"{outcome.skipped} allerede behandlet."
            )
        )
