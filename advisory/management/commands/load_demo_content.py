from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

import advisory
import kb
from advisory.demo.reply_templates import ensure_reply_templates

PROJECT_DEMO_DIR = Path(kb.__file__).parent / "demo"
ADVISORY_DEMO_DIR = Path(advisory.__file__).parent / "demo"


class Command(BaseCommand):
    help = (
        "Indlæs demoindhold: korpusset fra CORPUS_DIR (vidensbank, organisationer og sager), "
        "hvis det findes, ellers projektets eget."
    )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        corpus = settings.CORPUS_DIR
        from_corpus = (corpus / "documents").is_dir()
        source = corpus if from_corpus else PROJECT_DEMO_DIR
        self.stdout.write(f"Demoindhold fra {source}")
        call_command("import_corpus", str(source), verbosity=verbosity)
        cases_dir = (
            corpus if from_corpus and (corpus / "cases.jsonl").is_file() else ADVISORY_DEMO_DIR
        )
        call_command(
            "import_organisations", str(cases_dir / "organisations.csv"), verbosity=verbosity
        )
        call_command("import_cases", str(cases_dir / "cases.jsonl"), verbosity=verbosity)
        ensure_reply_templates()
