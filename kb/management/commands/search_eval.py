from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from kb.search.backends import DATABASE, ENGINE, backend_name, get_backend
from kb.search.evaluation import evaluate, mean, read_queries


class Command(BaseCommand):
    help = (
        "Print MRR@10, nDCG@10 and success@3 per search backend for a graded query file; a query"
        " without relevant pages should find nothing, and is counted apart."
    )

    def add_arguments(self, parser):
        parser.add_argument("queries", type=Path, help="TSV with query<TAB>slug:grade,…")

    def handle(self, *args, queries: Path, **options):
        graded = read_queries(queries)
        aliases = [DATABASE] + ([ENGINE] if DATABASE in settings.WAGTAILSEARCH_BACKENDS else [])
        for alias in aliases:
            scores = evaluate(graded, alias)
            answered = [s for s in scores if not s.query.expects_nothing]
            unanswered = [s for s in scores if s.query.expects_nothing]
            name = backend_name(get_backend(alias))
            self.stdout.write(
                f"{name:<14} queries={len(answered)}  "
                f"MRR@10={mean(s.reciprocal_rank for s in answered):.3f}  "
                f"nDCG@10={mean(s.ndcg for s in answered):.3f}  "
                f"success@3={mean(s.success for s in answered):.3f}"
            )
            if unanswered:
                found_nothing = sum(not s.ranking for s in unanswered)
                self.stdout.write(
                    f"{'':<14} without answers={len(unanswered)}  found nothing={found_nothing}"
                )
            for failed in (s for s in answered if not s.success):
                best = ", ".join(f"{slug}:{g}" for slug, g in failed.query.grades.items())
                self.stdout.write(
                    f"  failed: {failed.query.text!r} → {failed.ranking[:3]} ({best})"
                )
            for failed in (s for s in unanswered if not s.success):
                self.stdout.write(
                    f"  found something: {failed.query.text!r} → {failed.ranking[:3]}"
                )
