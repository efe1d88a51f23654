"""Benchmark: the admin case list with 100,000 cases and filters applied.

Creates (once) a separate database ``bench_vidensbanken`` on the configured server, fills it
with 100,000 cases (each with a note, a reply and a message) over 200 organisations, then
opens the case list with a set of filters as a secretariat user and prints p50/p95 times and
query counts per URL.

    .venv/bin/python bench/case_list.py [--cases 100000] [--runs 30]

Not part of ``make test``; the target is p95 ≤ 300 ms with a bounded number of queries.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-not-for-production")
os.environ.setdefault("DJANGO_SECURE", "0")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

# Production settings otherwise; only the hashed-static manifest (built by collectstatic) is
# swapped for plain static files, as no collectstatic runs here.
override_settings(
    STORAGES={
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
).enable()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

BENCH_DB = "bench_vidensbanken"

FILL_SQL = """
INSERT INTO advisory_case (
    reference, organisation_id, requester_name, requester_email, requester_phone, channel,
    topic_id, subject, question, status, priority, assignee_id, due_date, opened_at,
    first_response_at, closed_at, waiting_since, contact_id, other_organisation)
SELECT
    'B-' || lpad(n::text, 7, '0'),
    orgs.ids[1 + mod(n, array_length(orgs.ids, 1))],
    'Spørger ' || n, 'spoerger' || n || '@example.org', '',
    (ARRAY['phone', 'email', 'web', 'meeting'])[1 + mod(n, 4)],
    topics.ids[1 + mod(n, array_length(topics.ids, 1))],
    'Spørgsmål nr. ' || n || ' om ' || (ARRAY['frivillige', 'fundraising', 'husmøder',
        'bestyrelsen', 'lokaler', 'fodbold'])[1 + mod(n, 6)],
    'Vi vil gerne høre, hvordan andre væresteder griber det an. Sag nummer ' || n || '.',
    CASE WHEN mod(n, 20) = 0 THEN 'new' WHEN mod(n, 20) = 1 THEN 'in_progress'
         WHEN mod(n, 20) = 2 THEN 'waiting' WHEN mod(n, 20) < 6 THEN 'answered' ELSE 'closed' END,
    'normal',
    CASE WHEN mod(n, 7) = 0 THEN NULL ELSE staff.ids[1 + mod(n, array_length(staff.ids, 1))] END,
    (opened + interval '4 days')::date,
    opened,
    CASE WHEN mod(n, 20) > 2 THEN opened + interval '2 days' END,
    CASE WHEN mod(n, 20) > 5 THEN opened + interval '9 days' END,
    NULL, NULL, ''
FROM generate_series(1, %(count)s) AS n,
    LATERAL (SELECT now() - (n * interval '17 minutes') AS opened) AS times,
    (SELECT array_agg(id) AS ids FROM advisory_organisation) AS orgs,
    (SELECT array_agg(id) AS ids FROM kb_topic) AS topics,
    (SELECT array_agg(u.id) AS ids FROM accounts_user u
        JOIN accounts_user_groups g ON g.user_id = u.id
        JOIN auth_group gr ON gr.id = g.group_id AND gr.name = 'Sekretariat') AS staff
"""

# A timeline for every case, as the case search reads it: a note, a reply and a message back.
# The note names a contact ("kontakt427") that one timeline in a thousand names.
EVENTS_SQL = """
INSERT INTO advisory_caseevent (
    case_id, kind, author_id, author_name, created_at, body, field, old_value, new_value,
    sent_to, delivery_error, asks_back, acknowledgement)
SELECT c.id, e.kind, NULL, '', c.opened_at + e.after,
    e.body || CASE WHEN e.kind = 'note' THEN ' Spurgte kontakt' || mod(c.id, 1000) ELSE '' END,
    '', '', '', '', '', false, false
FROM advisory_case AS c,
    (VALUES
        ('note', interval '1 hour', 'Ringede til spørgeren; de overvejer lokaler i kælderen.'),
        ('reply', interval '2 days', 'Tak for spørgsmålet. Se vores vejledning om frivillige.'),
        ('message', interval '3 days', 'Tak, vi prøver det på næste husmøde.')
    ) AS e(kind, after, body)
"""


def use_bench_database():
    connection.settings_dict["TEST"]["NAME"] = BENCH_DB
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=True, serialize=False)


def fill(count: int):
    from django.contrib.auth.models import Group

    from accounts.models import User
    from advisory.importers import import_organisations
    from advisory.models import Case, CaseEvent

    if not CaseEvent.objects.exists() or Case.objects.count() != count:
        CaseEvent.objects.all()._raw_delete(using="default")
        Case.objects.all()._raw_delete(using="default")
        import_organisations(ROOT.parent / "shared" / "corpus" / "organisations.csv")
        group = Group.objects.get(name="Sekretariat")
        for index in range(5):
            user, _ = User.objects.get_or_create(username=f"bench{index}")
            user.groups.add(group)
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(FILL_SQL, {"count": count})
            cursor.execute(EVENTS_SQL)
            cursor.execute("ANALYZE")
        print(f"Oprettede {count:,} sager med tidslinjer på {time.perf_counter() - started:.1f} s")
    return User.objects.get(username="bench0")


def urls(user):
    from advisory.models import Organisation
    from kb.models import Topic

    topic = Topic.objects.get(slug="frivillige").pk
    organisation = quote(Organisation.objects.order_by("name").first().name)
    return {
        "ingen filtre": "/admin/sager/",
        "åbne sager": "/admin/sager/?status=new&status=in_progress&status=waiting",
        "overskredet frist": "/admin/sager/?overdue=overskredet",
        "region + emne": f"/admin/sager/?region=syddanmark&topic={topic}",
        "mine i gang": f"/admin/sager/?assignee={user.pk}&status=in_progress",
        "periode + kanal": "/admin/sager/?opened_at_from=2025-01-01&opened_at_to=2025-06-30"
        "&channel=phone",
        "organisation, sorteret": f"/admin/sager/?organisation={organisation}&ordering=due_date",
        "side 20, åbne": "/admin/sager/?status=new&status=in_progress&p=20",
        "søgning (fritekst)": "/admin/sager/?q=fodbold&status=new",
        "søgning i tidslinjen": "/admin/sager/?q=kontakt427",
        "søgning i alle tidslinjer": "/admin/sager/?q=kælderen&status=new",
    }


def measure(client, url: str, runs: int):
    client.get(url)  # warm up caches and connections
    times, cpu_times, queries = [], [], 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started, cpu_started = time.perf_counter(), time.process_time()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            cpu_times.append((time.process_time() - cpu_started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = max(queries, len(captured))
        sql_ms = sum(float(query["time"]) for query in captured.captured_queries) * 1000
        cpu_times[-1] += sql_ms
    return statistics.median(times), percentile_95(times), percentile_95(cpu_times), queries


def percentile_95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    use_bench_database()
    user = fill(args.cases)
    client = Client()
    client.force_login(user)
    # Wall-clock time depends on what else the machine runs; "CPU+SQL" (this process's CPU
    # time plus the database's time) is what one request costs on an otherwise idle machine.
    print(f"Belastning (1 min): {os.getloadavg()[0]:.1f} på {os.cpu_count()} CPU'er")
    header = f"{'Liste':26} {'p50 ms':>8} {'p95 ms':>8} {'p95 CPU+SQL':>12} {'forespørgsler':>14}"
    print(header)
    worst = worst_cpu = 0.0
    for label, url in urls(user).items():
        p50, p95, p95_cpu, queries = measure(client, url, args.runs)
        if "søgning" not in label:
            worst, worst_cpu = max(worst, p95), max(worst_cpu, p95_cpu)
        print(f"{label:26} {p50:8.1f} {p95:8.1f} {p95_cpu:12.1f} {queries:14d}")
    print(f"Højeste p95 med filtre: {worst:.1f} ms, CPU+SQL {worst_cpu:.1f} ms (mål ≤ 300 ms)")


if __name__ == "__main__":
    main()
