from django.core.management.base import BaseCommand

from kb.search import vocabulary


class Command(BaseCommand):
    help = "Rebuild the vocabulary that search uses for æ/ø/å folding and typo correction."

    def handle(self, *args, **options):
        self.stdout.write(f"{vocabulary.rebuild()} ord i ordforrådet")
