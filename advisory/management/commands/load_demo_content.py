from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

import kb

PROJECT_DEMO_DIR = Path(kb.__file__).parent / "demo"


class Command(BaseCommand):
    help = "Indlæs demoindhold: korpusset fra CORPUS_DIR, hvis det findes, ellers projektets eget."

    def handle(self, *args, **options):
        corpus = settings.CORPUS_DIR
        source = corpus if (corpus / "documents").is_dir() else PROJECT_DEMO_DIR
        self.stdout.write(f"Demoindhold fra {source}")
        call_command("import_corpus", str(source), verbosity=options["verbosity"])
