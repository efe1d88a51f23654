"""Speed of the search page at 20,000 pages, on PostgreSQL and on the search engine.

Builds a separate database (vidensbanken_bench) from the corpus multiplied into varied copies,
reindexes both backends (timed), then runs the same queries through the full search page
(query understanding, facets, highlights, logging, rendering) and straight against each engine
(each backend's ranking of the typed words, straight: the SQL over the word postings;
modelsearch's query as a bare ``_search``), and prints p50/p95 and the page's overhead (as a
ratio of the p95s and as the milliseconds the page adds) for each of several rounds
(--rounds), with the median of their ratios, and browsing without a query (everything, and
each facet value chosen on its own). For comparison it also prints the textbook ts_rank
query, what the page itself asks each backend (ranking with facet values; the multi-search
with aggregations), and the plainest engine search (one multi_match).

    make search-up && .venv/bin/python bench/search.py [--pages 20000] [--queries 200]
"""

import argparse
import csv
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BENCH_DB = "vidensbanken_bench"


def configure(args) -> None:
    """Point Django at the bench database and the engine before it starts."""
    import psycopg2

    from config.database import embedded_postgres_url

    url = os.environ.get("BENCH_DATABASE_URL") or embedded_postgres_url(ROOT / "var")
    server = psycopg2.connect(url)
    server.autocommit = True
    with server.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [BENCH_DB])
        if not cursor.fetchone():
            cursor.execute(f"CREATE DATABASE {BENCH_DB}")
    server.close()
    os.environ["DATABASE_URL"] = url.replace("/postgres?", f"/{BENCH_DB}?", 1)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.test_settings"
    os.environ["ELASTICSEARCH_URL"] = args.engine_url
    os.environ["ELASTICSEARCH_INDEX_PREFIX"] = "bench_"
    os.environ["ELASTICSEARCH_TIMEOUT"] = "60"

    import config.wsgi  # noqa: F401 - the app set up as the server sets it up


def build(target: int, corpus: Path) -> None:
    """The corpus, then varied copies of it until there are ``target`` articles."""
    from django.core.management import call_command
    from django.test import override_settings

    from kb.models import ArticlePage
    from kb.search import signals

    call_command("migrate", verbosity=0)
    quiet = {"default": {"BACKEND": "modelsearch.backends.database", "AUTO_UPDATE": False}}
    signals.disconnect()
    with override_settings(WAGTAILSEARCH_BACKENDS=quiet):
        call_command("import_corpus", str(corpus), stdout=open(os.devnull, "w"))  # noqa: SIM115
        have = ArticlePage.objects.count()
        if have < target:
            started = time.perf_counter()
            multiply(target - have, corpus)
            print(f"{target - have} kopier oprettet på {time.perf_counter() - started:.0f} s")
    signals.connect()


def multiply(count: int, corpus: Path) -> None:
    """Varied copies of the corpus articles: another place in the title, another sentence in
    the summary, an extra paragraph, another year and an extra topic. Written in bulk (page
    rows in one insert, then each subclass row) because saving 20,000 pages one by one
    through the page tree takes most of an hour."""
    from kb.models import ArticlePage, Topic

    rng = random.Random(20261127)
    originals = list(originals_of(ArticlePage).live().specific())
    places = [row["municipality"] for row in csv.DictReader((corpus / "municipalities.csv").open())]
    sentences = [
        s.strip() + "." for page in originals for s in page.summary.split(".") if s.strip()
    ]
    topics = list(Topic.objects.all())
    start = ArticlePage.objects.count()
    for first in range(start, start + count, 1000):
        numbers = range(first, min(first + 1000, start + count))
        copies = [
            copy_of(originals[n % len(originals)], n, rng, places, sentences) for n in numbers
        ]
        insert(copies, rng, topics)


def copy_of(source, number: int, rng, places: list[str], sentences: list[str]):
    place = rng.choice(places)
    extra = " ".join(rng.sample(sentences, 3))
    copy = type(source)(
        title=f"{source.title} i {place}",
        slug=f"{source.slug}-{number}",
        summary=f"{source.summary} {rng.choice(sentences)}",
        body=[*source.body.raw_data, {"type": "paragraph", "value": f"<p>{place}: {extra}</p>"}],
        year=rng.randint(2008, 2026),
        authors=source.authors,
    )
    copy.source = source
    return copy


def insert(copies: list, rng, topics: list) -> None:
    """Page rows in one go under each section, then the article and subclass rows."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.db.models import F
    from django.utils import timezone

    from wagtail.models import Page

    from kb.models import ArticlePage
    from kb.site_setup import SECTIONS

    sections = section_pages()
    parents = {s.page_model: sections[s.slug] for s in SECTIONS.values()}
    now = timezone.now()
    with transaction.atomic():
        rows = []
        for copy in copies:
            parent = parents[type(copy)]
            last = parent.get_last_child()
            step = (
                Page._str2int(last.path[-Page.steplen :])
                + 1
                + sum(1 for row in rows if row.path.startswith(parent.path))
            )
            rows.append(
                Page(
                    title=copy.title,
                    draft_title=copy.title,
                    slug=copy.slug,
                    content_type=ContentType.objects.get_for_model(type(copy)),
                    path=Page._get_path(parent.path, parent.depth + 1, step),
                    depth=parent.depth + 1,
                    url_path=f"{parent.url_path}{copy.slug}/",
                    live=True,
                    first_published_at=now,
                    last_published_at=now,
                    locale_id=parent.locale_id,
                )
            )
        Page.objects.bulk_create(rows)
        for row, copy in zip(rows, copies, strict=True):
            save_article_rows(row.pk, copy)
            copy.pk = row.pk
        for parent in parents.values():
            added = sum(1 for row in rows if row.path.startswith(parent.path))
            Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + added)
        link(ArticlePage.topics.through, "topic_id", copies, rng, topics)
        link(ArticlePage.audiences.through, "audience_id", copies, rng, None)


def save_article_rows(pk: int, copy) -> None:
    """The kb_articlepage row and the subclass row for a page row that exists."""
    from kb.models import ArticlePage

    article = ArticlePage(
        page_ptr_id=pk,
        summary=copy.summary,
        body=copy.body,
        year=copy.year,
        authors=copy.authors,
    )
    article.save_base(raw=True, force_insert=True)
    leaf = type(copy)(page_ptr_id=pk, articlepage_ptr_id=pk)
    if hasattr(copy.source, "document_id"):
        leaf.document_id = copy.source.document_id
    leaf.save_base(raw=True, force_insert=True)


def link(through, field: str, copies: list, rng, extra: list | None) -> None:
    """The source's topics (plus one at random) or audiences for every copy."""
    relation = "topics" if field == "topic_id" else "audiences"
    rows = set()
    for copy in copies:
        targets = {item.pk for item in getattr(copy.source, relation).all()}
        if extra:
            targets.add(rng.choice(extra).pk)
        rows |= {(copy.pk, target) for target in targets}
    through.objects.bulk_create([through(articlepage_id=a, **{field: b}) for a, b in rows])


def originals_of(model):
    """The imported corpus articles (copies have no source checksum)."""
    return model.objects.exclude(source_checksum="")


def section_pages():
    from kb.models import SectionPage

    return {page.slug: page for page in SectionPage.objects.all()}


def reindex() -> dict[str, float]:
    from django.core.management import call_command

    from kb.search import vocabulary

    seconds = {}
    for alias in ("database", "default"):
        started = time.perf_counter()
        call_command("update_index", backend_name=alias, verbosity=0)
        seconds[alias] = time.perf_counter() - started
    started = time.perf_counter()
    vocabulary.rebuild()
    seconds["vocabulary"] = time.perf_counter() - started
    return seconds


def settle() -> None:
    """Vacuum and analyse what the build and the reindex wrote, as autovacuum does in time on a
    running site. Left to autovacuum, the first round on the database measured 410 ms at p95
    where the rounds after it measured 55 ms."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def bench_queries(count: int, corpus: Path) -> list[str]:
    """The public queries plus generated ones of the same kinds: title words, word pairs,
    inflections, typos and ae/oe/aa spellings."""
    from kb.models import ArticlePage
    from kb.search.evaluation import read_queries

    rng = random.Random(42)
    queries = [query.text for query in read_queries(corpus / "queries" / "public.tsv")]
    titles = originals_of(ArticlePage).values_list("title", flat=True)
    words = sorted({w.lower() for t in titles for w in t.split() if len(w) > 4 and w.isalpha()})
    while len(queries) < count:
        word = rng.choice(words)
        kind = rng.randrange(4)
        if kind == 0:
            word = f"{word} {rng.choice(words)}"
        elif kind == 1 and len(word) > 6:
            cut = rng.randrange(2, len(word) - 2)
            word = word[:cut] + word[cut + 1 :]
        elif kind == 2:
            word = word.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
        queries.append(word)
    return queries[:count]


def percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(share * 100) - 1]


def measure(run, queries: list[str]) -> list[float]:
    for query in queries[:20]:  # warm caches and connections
        run(query)
    times = []
    for query in queries:
        started = time.perf_counter()
        run(query)
        times.append((time.perf_counter() - started) * 1000)
    return times


def page_runner():
    from django.test import Client

    client = Client()

    def run(query: str | dict) -> None:
        params = query if isinstance(query, dict) else {"q": query}
        response = client.get("/soeg/", params)
        assert response.status_code == 200, response.status_code

    return run


def browsing() -> list[dict]:
    """Browsing without a query: everything, newest first, and each type, topic, audience and
    year chosen on its own, as the home page's and the section pages' links do."""
    from kb.search.facets import FacetSelection, counts_before_choosing

    counts = counts_before_choosing()
    return [{}] + [{param: value} for param in FacetSelection.params for value in counts[param]]


def bare_database(query: str) -> None:
    """The ranking the page uses, straight: postings SQL for the typed words, ten hits."""
    from modelsearch.query import PlainText

    from kb.models import ArticlePage
    from kb.search import postings

    postings.ranked_rows(PlainText(query, operator="or"), ArticlePage.objects.all(), 10, ("pk",))


def classic_ts_rank(query: str) -> None:
    """For comparison: the textbook full-text query, ts_rank over every match's vector."""
    from django.db import connection

    words = " or ".join(w.strip("§") for w in query.split())
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT object_id FROM wagtailsearch_indexentry, websearch_to_tsquery('danish', %s) q"
            " WHERE (title || body) @@ q ORDER BY ts_rank(title || body, q) DESC LIMIT 10",
            [words],
        )
        cursor.fetchall()


def database_as_the_page_ranks(queries: list[str]):
    """For comparison: the ranking as the page runs it, with the facet values of the best
    MAX_MATCHES, so the page's own overhead shows apart from what it asks the database."""
    from kb.search import postings
    from kb.search.facets import FACET_COLUMNS, with_facet_values
    from kb.search.query import parse
    from kb.search.results import MAX_MATCHES
    from kb.search.visibility import visible_articles

    parsed = {query: parse(query) for query in queries}

    def run(query: str) -> None:
        if not parsed[query].is_empty:
            articles = with_facet_values(visible_articles())
            engine_query = parsed[query].engine_query()
            postings.ranked_rows(engine_query, articles, MAX_MATCHES, FACET_COLUMNS)

    return run


def engine_as_the_page_asks(queries: list[str]):
    """For comparison: the multi-search the page sends (hits; total and every facet's counts),
    sent straight."""
    from django.http import QueryDict

    from kb.models import ArticlePage
    from kb.search import engine
    from kb.search.backends import get_backend
    from kb.search.facets import FacetSelection
    from kb.search.query import parse
    from kb.search.visibility import visible_articles

    backend = get_backend("default")
    index = backend.get_index_for_model(ArticlePage).name
    bodies = {}
    for query in queries:
        parsed = parse(query)
        if not parsed.is_empty:
            results = backend.search(parsed.engine_query(), visible_articles(), operator="or")
            selection = FacetSelection(QueryDict())
            bodies[query] = [
                engine.hits_body(backend, results, selection, False, [], 0, 10),
                engine.counts_body(backend, results, selection, []),
            ]

    def run(query: str) -> None:
        if query in bodies:
            engine.answers(backend, index, bodies[query])

    return run


def bare_engine(queries: list[str]):
    """The ranking the page uses, straight: modelsearch's query for the typed words (the
    Danish-analysed fields, the title boosted), ten hits, as bare_database asks the database.
    The queries are built beforehand: only the engine's answer is timed."""
    from modelsearch.query import PlainText

    from kb.models import ArticlePage
    from kb.search.backends import get_backend

    backend = get_backend("default")
    index = backend.get_index_for_model(ArticlePage).name
    bodies = {}
    for query in queries:
        results = backend.search(PlainText(query, operator="or"), ArticlePage.objects.all())
        bodies[query] = {"query": results.query_compiler.get_query(), "size": 10, "_source": False}

    def run(query: str) -> None:
        backend.es.search(index=index, body=bodies[query])

    return run


def plain_match():
    """For comparison: the plainest search, one multi_match over the indexed text."""
    from kb.models import ArticlePage
    from kb.search.backends import get_backend

    backend = get_backend("default")
    index = backend.get_index_for_model(ArticlePage).name

    def run(query: str) -> None:
        body = {
            "query": {"multi_match": {"query": query, "fields": ["_all_text", "_all_text_*"]}},
            "size": 10,
            "_source": False,
        }
        backend.es.search(index=index, body=body)

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--measure-only", action="store_true", help="skip building and reindexing")
    # The bare engine's p95 moves from run to run (6–17 ms here): one round can mislead.
    parser.add_argument("--rounds", type=int, default=3, help="page and bare timings per backend")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    port = os.environ.get("ES_PORT", "9201")
    parser.add_argument("--engine-url", default=f"http://127.0.0.1:{port}")
    args = parser.parse_args()
    configure(args)

    from django.conf import settings
    from django.test import override_settings

    from config.search import DATABASE_BACKEND
    from kb.models import ArticlePage

    seconds = {}
    if not args.measure_only:
        build(args.pages, args.corpus)
        seconds = reindex()
        settle()
    queries = bench_queries(args.queries, args.corpus)
    print(
        f"{ArticlePage.objects.live().count()} sider, {len(queries)} forespørgsler,"
        f" Python {platform.python_version()} ({sys.executable})"
    )
    if seconds:
        print("reindeksering: " + ", ".join(f"{k} {v:.1f} s" for k, v in seconds.items()))
    engine_backends = settings.WAGTAILSEARCH_BACKENDS
    runs = [
        ("database", {"default": DATABASE_BACKEND}, bare_database),
        (os.environ.get("SEARCH_ENGINE", "opensearch"), engine_backends, None),
    ]
    columns = ["side p50", "side p95", "motor p50", "motor p95", "p95-forhold", "p95-tillæg"]
    print(f"{'backend':<16} " + " ".join(f"{column:>11}" for column in columns))
    for name, backends, bare in runs:
        ratios = []
        with override_settings(WAGTAILSEARCH_BACKENDS=backends):
            for number in range(1, args.rounds + 1):
                page = measure(page_runner(), queries)
                engine = measure(bare or bare_engine(queries), queries)
                p95, bare95 = percentile(page, 0.95), percentile(engine, 0.95)
                ratios.append(p95 / bare95)
                print(
                    f"{name + f' ({number})':<16} {statistics.median(page):>9.1f}ms "
                    f"{p95:>9.1f}ms {statistics.median(engine):>9.1f}ms {bare95:>9.1f}ms "
                    f"{p95 / bare95:>10.1f}x {p95 - bare95:>9.1f}ms"
                )
            ratio = statistics.median(ratios)
            print(f"{name:<16} p95-forhold, median af {args.rounds} runder: {ratio:.1f}x")
            choices = browsing()
            times = measure(page_runner(), choices)
            print(
                f"{name:<16} gennemsyn uden søgeord ({len(choices)} afgrænsninger):"
                f" p50 {statistics.median(times):.1f}ms, p95 {percentile(times, 0.95):.1f}ms"
            )
    comparisons = [
        ("ts_rank over alle træf", classic_ts_rank),
        ("databasen, som siden spørger", database_as_the_page_ranks(queries)),
        ("motoren, som siden spørger", engine_as_the_page_asks(queries)),
        ("motoren, én multi_match", plain_match()),
    ]
    for label, run in comparisons:
        times = measure(run, queries)
        print(
            f"til sammenligning, {label}: p50 {statistics.median(times):.1f}ms,"
            f" p95 {percentile(times, 0.95):.1f}ms"
        )


if __name__ == "__main__":
    main()
