"""Follow-up at national scale: `python bench/followup.py [--associations 80] [--years 10] [--postgres] [--via-service]
[--load-only] [--reuse]`.

Generates N associations × 40 interventions × Y years of monthly count reports with every breakdown (gender, age band
and source of support for participants at the end, started and ended; exit reasons; one goal's outcome; referrals by
Member) into a database, then times what the board uses and prints ONE JSON line. The database: DATABASE_URL (a
PostgreSQL database, dropped and created fresh), else SAMORDNA_DATA_DIR (an SQLite file there, emptied first), else a
throwaway SQLite file in a temporary folder; --postgres uses the PostgreSQL database `samordna_bench_followup` on
127.0.0.1:5432. --load-only stops after loading (prints load_s); --reuse keeps the data already in that database
and only measures (load_s is then null), so a national-scale load is paid once.

- load_s: generating and storing the data;
- dashboard_p50_ms / dashboard_p95_ms: the board's dashboard page (GET through the Django test client as a board
  member, so with suppression, charts and template), 40 requests spread over the associations after 5 warm-ups;
- annual_report_ms: the association's annual report data (reports.association_report) for one association, median
  of 5; annual_report_pdf_ms: the same report written as PDF (once);
- region_report_ms: the annual reports of 12 associations built one after the other (a region's overview);
- dashboard_cpu_p50_ms / dashboard_cpu_p95_ms / annual_report_cpu_ms: the same, as this process's CPU time (without the
  database server's), and loadavg_1m before and after: on a shared, busy machine the wall clock measures mostly the
  wait for a core.

How the data are written: by default every month's figures go through the same validation rule as the app
(rules.followup.check_report: totals add up across every breakdown, no negatives, previous end + started − ended =
end) and are then bulk-inserted (reports with bulk_create, their breakdown rows with COPY on PostgreSQL and executemany
on SQLite, one transaction per association); a month that fails the check aborts the run. With --via-service every month goes
through services.import_report itself (the app's write path: same checks plus one transaction per month) — exact
but far slower, for small runs. Targets: dashboard p95 ≤ 150 ms and annual report ≤ 1 s on PostgreSQL, ≤ 2× on SQLite.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG_NAME = "samordna_bench_followup"
PG_URL = f"postgres://postgres@127.0.0.1:5432/{PG_NAME}"
INTERVENTIONS = 40
MUNICIPALITIES = 5


def months_back(today, years):
    """The Y × 12 months up to and including last month."""
    first = date(today.year - years, today.month, 1)
    months, current = [], first
    last = date(today.year, today.month, 1)
    while current < last:
        months.append(current)
        current = date(current.year + (current.month == 12), current.month % 12 + 1, 1)
    return months


def split(rng, total, keys):
    """Spread `total` over the keys at random (a cell per category, most of them small)."""
    cells = {k: 0 for k in keys}
    for key in rng.choices(keys, k=total):
        cells[key] += 1
    return cells


def month_figures(rng, followup, previous, reasons, goal, members):
    started = rng.randint(0, 8)
    ended = min(previous + started, rng.randint(0, 7))
    end = previous + started - ended
    breakdowns = {}
    for measure, total in (("participants_end", end), ("started", started), ("ended", ended)):
        breakdowns[measure] = {dim: split(rng, total, [k for k, _ in cats]) for dim, _, cats in followup.DIMENSIONS}
    asked = rng.randint(0, ended)
    return followup.ReportFigures(
        participants_end=end, started=started, ended=ended, breakdowns=breakdowns,
        exits={str(k): v for k, v in split(rng, ended, reasons).items()}, queue_end=rng.randint(0, 12),
        median_wait_days=rng.randint(5, 60), goals={str(goal): (rng.randint(0, asked), asked)},
        referrals={str(k): v for k, v in split(rng, started, members).items()}, correction_note="")


def as_values(figures):
    """The flat form-field mapping services.import_report takes."""
    from samordna.rules.followup import breakdown_field

    values = {"participants_end": figures.participants_end, "started": figures.started, "ended": figures.ended,
              "queue_end": figures.queue_end, "median_wait_days": figures.median_wait_days}
    for measure, dims in figures.breakdowns.items():
        for dim, cells in dims.items():
            values.update({breakdown_field(measure, dim, k): v for k, v in cells.items()})
    values.update({f"exit__{k}": v for k, v in figures.exits.items()})
    for k, (reached, asked) in figures.goals.items():
        values[f"goal__{k}__reached"], values[f"goal__{k}__asked"] = reached, asked
    values.update({f"referral__{k}": v for k, v in figures.referrals.items()})
    return values


def create_association_with_interventions(index, rng, today):
    from samordna.associations.models import Member
    from samordna.associations.services import create_association
    from samordna.interventions import services
    from samordna.interventions.models import BudgetLine, ExitReason, Goal, Intervention, Orientation

    association = create_association(slug=f"bench-{index}", name=f"Samordningsförbundet Bänk {index}")
    members = [Member.objects.create(association=association, name=f"Kommun {index}-{m}", kind="municipality")
               for m in range(MUNICIPALITIES)]
    members += [Member.objects.create(association=association, name=name, kind=kind)
                for name, kind in (("Försäkringskassan", "fk"), ("Arbetsförmedlingen", "af"), ("Regionen", "region"))]
    services.ensure_defaults(association)
    orientations = list(Orientation.objects.filter(association=association, kind="individual"))
    reasons = list(ExitReason.objects.filter(association=association).values_list("pk", flat=True))
    interventions = []
    for n in range(INTERVENTIONS):
        i = services.save_intervention(
            Intervention(association=association, name=f"Insats {n + 1:02d}", kind="individual",
                         orientation=rng.choice(orientations), provider=f"Utförare {n % 7}", start=date(2000, 1, 1),
                         capacity_at_once=rng.choice([10, 12, 15, 20, 30]), target_group="Personer långt från arbete",
                         esf_funded=n % 9 == 0),
            owners=[rng.choice(members)], municipalities=rng.sample(members[:MUNICIPALITIES], 2))
        goal = services.save_goal(Goal(intervention=i, indicator="andel som upplever förbättrad hälsa", target=70, unit="%"))
        BudgetLine.objects.bulk_create(BudgetLine(intervention=i, year=y, amount=rng.randint(3, 30) * 100_000)
                                       for y in range(today.year - 11, today.year + 1))
        interventions.append((i, goal.pk))
    return association, interventions, reasons, [m.pk for m in members]


def load(args, today):
    from django.db import transaction

    rng = random.Random(20261124)
    months = months_back(today, args.years)
    associations, reports_written = [], 0
    rows = {"counts": [], "exits": [], "outcomes": [], "referrals": []}
    started = time.perf_counter()
    for index in range(args.associations):
        with transaction.atomic():  # one commit per association: per-statement commits were SQLite's load time
            load_association(args, index, rng, today, months, associations, rows)
        reports_written += INTERVENTIONS * len(months)
    flush(rows)
    return associations, reports_written, time.perf_counter() - started


def load_association(args, index, rng, today, months, associations, rows):
    """One association: its interventions and every month of figures (breakdown rows are collected in `rows`)."""
    from django.core.exceptions import ValidationError

    from samordna.interventions import services
    from samordna.interventions.models import Report
    from samordna.rules import followup

    association, interventions, reasons, members = create_association_with_interventions(index, rng, today)
    associations.append(association)
    for intervention, goal in interventions:
        previous, batch = None, []
        for month in months:
            figures = month_figures(rng, followup, previous or 0, reasons, goal, members)
            if args.via_service:
                try:
                    services.import_report(intervention, month, as_values(figures), saved_by=None, today=today)
                except ValidationError as error:
                    raise SystemExit(f"{intervention} {month}: {error}")
            else:
                problems = followup.check_report(figures, previous)
                if problems:
                    raise SystemExit(f"{intervention} {month}: {problems}")
                batch.append((month, figures))
            previous = figures.participants_end
        if batch:
            reports = Report.objects.bulk_create(
                Report(intervention=intervention, month=m, participants_end=f.participants_end, started=f.started,
                       ended=f.ended, queue_end=f.queue_end, median_wait_days=f.median_wait_days, saved_on=today)
                for m, f in batch)
            if reports[0].pk is None:
                reports = list(Report.objects.filter(intervention=intervention).order_by("month"))
            for report, (_, f) in zip(reports, batch):
                rows["counts"] += [(report.pk, measure, dim, k, v) for measure, dims in f.breakdowns.items()
                                   for dim, cells in dims.items() for k, v in cells.items() if v]
                rows["exits"] += [(report.pk, int(k), v) for k, v in f.exits.items() if v]
                rows["outcomes"] += [(report.pk, int(k), r, a) for k, (r, a) in f.goals.items() if a]
                rows["referrals"] += [(report.pk, int(k), v) for k, v in f.referrals.items() if v]
            if len(rows["counts"]) > 200_000:
                flush(rows)


def flush(rows):
    """Writes the collected breakdown rows straight to their tables (COPY on PostgreSQL, executemany on SQLite):
    model instances and bulk_create were most of the load time at national scale (about 15 million rows)."""
    from django.db import connection, transaction

    from samordna.interventions.models import GoalOutcome, Referral, ReportCount, ReportExit

    targets = {"counts": (ReportCount, ["report_id", "measure", "dimension", "category", "count"]),
               "exits": (ReportExit, ["report_id", "exit_reason_id", "count"]),
               "outcomes": (GoalOutcome, ["report_id", "goal_id", "reached", "asked"]),
               "referrals": (Referral, ["report_id", "member_id", "count"])}
    with transaction.atomic():
        for key, (model, columns) in targets.items():
            if not rows[key]:
                continue
            table = connection.ops.quote_name(model._meta.db_table)
            names = ", ".join(connection.ops.quote_name(c) for c in columns)
            with connection.cursor() as cursor:
                if connection.vendor == "postgresql":
                    with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                        for row in rows[key]:
                            copy.write_row(row)
                else:
                    cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})",
                                       rows[key])
            rows[key] = []


def ms(fn):
    started = time.perf_counter()
    result = fn()
    return (time.perf_counter() - started) * 1000, result


def cpu_ms(fn):
    """This process's CPU time for fn (not the database server's): on a machine shared with other work the wall
    clock mostly measures waiting for a core, so both are reported."""
    started = time.process_time()
    result = fn()
    return (time.process_time() - started) * 1000, result


def run(args):
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from samordna.accounts.models import AssociationRole
    from samordna.interventions import exports, reports
    from samordna.rules import followup

    from samordna.associations.models import Association
    from samordna.interventions.models import Report

    today = date.today()
    loaded = sorted(Association.objects.filter(slug__startswith="bench-"), key=lambda a: int(a.slug.split("-")[1]))
    if args.reuse and loaded:
        associations, total, load_s = loaded, Report.objects.filter(intervention__association__in=loaded).count(), None
    else:
        associations, total, load_s = load(args, today)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    if args.load_only:
        return {"backend": connection.vendor, "associations": len(associations), "years": args.years, "reports": total,
                "load_s": round(load_s, 1) if load_s is not None else None}
    user, _ = User.objects.get_or_create(username="styrelse-bench")
    AssociationRole.objects.bulk_create((AssociationRole(user=user, association=a, role="board_member") for a in associations),
                                        ignore_conflicts=True)
    client = Client()
    client.force_login(user)
    rng = random.Random(5)
    picks = [rng.choice(associations) for _ in range(45)]
    timings, cpu_timings = [], []
    load_before = os.getloadavg()[0]
    for n, association in enumerate(picks):
        url = reverse("intervention_dashboard", args=[association.slug])
        started_cpu = time.process_time()
        elapsed, response = ms(lambda: client.get(url))
        if response.status_code != 200:
            raise SystemExit(f"dashboard {url}: {response.status_code}")
        if n >= 5:
            timings.append(elapsed)
            cpu_timings.append((time.process_time() - started_cpu) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("intervention_dashboard", args=[associations[0].slug]))
    dashboard_queries = len(queries)
    timings.sort()
    year = followup.make_period("year", today.year - 1, 1)
    reports.association_report(associations[0], year)  # warm-up
    annual = sorted(ms(lambda: reports.association_report(associations[0], year))[0] for _ in range(5))
    annual_cpu = sorted(cpu_ms(lambda: reports.association_report(associations[0], year))[0] for _ in range(5))
    with CaptureQueriesContext(connection) as queries:
        report = reports.association_report(associations[0], year)
    report_queries = len(queries)
    pdf_ms, _ = ms(lambda: exports.report_pdf(report))
    region = associations[:12]
    region_ms, _ = ms(lambda: [reports.association_report(a, year) for a in region])
    cpu_timings.sort()
    return {"backend": connection.vendor, "associations": len(associations), "interventions": len(associations) * INTERVENTIONS,
            "years": args.years, "reports": total, "write_path": "import_report" if args.via_service else "check_report+bulk_create",
            "load_s": round(load_s, 1) if load_s is not None else None, "reused_data": load_s is None,
            "dashboard_p50_ms": round(statistics.median(timings), 1),
            "dashboard_p95_ms": round(timings[max(int(len(timings) * 0.95) - 1, 0)], 1), "dashboard_queries": dashboard_queries,
            "annual_report_ms": round(statistics.median(annual), 1), "annual_report_queries": report_queries,
            "annual_report_pdf_ms": round(pdf_ms, 1), "region_report_ms": round(region_ms, 1),
            "region_associations": len(region),
            "dashboard_cpu_p50_ms": round(statistics.median(cpu_timings), 1),
            "dashboard_cpu_p95_ms": round(cpu_timings[max(int(len(cpu_timings) * 0.95) - 1, 0)], 1),
            "annual_report_cpu_ms": round(statistics.median(annual_cpu), 1),
            "loadavg_1m": [round(load_before, 1), round(os.getloadavg()[0], 1)], "targets": {"dashboard_p95_ms": 150, "annual_report_ms": 1000,
                                                            "sqlite_factor": 2}}


def child(args):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samordna.settings")
    os.environ["SAMORDNA_ALLOWED_HOSTS"] = "testserver"
    sys.path.append(str(ROOT / "src"))  # after PYTHONPATH, so a run can use a fixed copy of the code
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    print(json.dumps(run(args)), flush=True)


NOT_A_BENCH = ("{where} holds associations that are not the benchmark's (bench-N); refusing to empty it. "
               "Point DATABASE_URL or SAMORDNA_DATA_DIR at a throwaway database.")


def _foreign_associations(cursor):
    try:
        cursor.execute("SELECT COUNT(*) FROM associations_association WHERE slug NOT LIKE 'bench-%%'")
    except Exception:  # no such table: an empty or unrelated database
        return 0
    return cursor.fetchone()[0]


def prepare_postgres(url):
    """A fresh, empty database at `url` (dropped and created again), unless it holds anything but benchmark data."""
    import psycopg
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    server = parts._replace(path="/postgres", scheme="postgresql").geturl()
    try:
        with psycopg.connect(parts._replace(scheme="postgresql").geturl()) as existing:
            if _foreign_associations(existing.cursor()):
                raise SystemExit(NOT_A_BENCH.format(where=name))
    except psycopg.OperationalError:
        pass  # the database does not exist yet
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def prepare_sqlite(folder):
    import sqlite3

    path = Path(folder) / "samordna.sqlite3"
    if path.exists():
        with sqlite3.connect(path) as conn:
            if _foreign_associations(conn.cursor()):
                raise SystemExit(NOT_A_BENCH.format(where=path))
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--associations", type=int, default=80)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--postgres", action="store_true", help=f"use the fresh PostgreSQL database {PG_NAME}")
    parser.add_argument("--via-service", action="store_true", help="write every month through services.import_report")
    parser.add_argument("--reuse", action="store_true",
                        help="keep the data of an earlier run in the same database and only measure")
    parser.add_argument("--load-only", action="store_true", help="generate the data and stop (time it with load_s)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args)
    # DATABASE_URL (PostgreSQL) or SAMORDNA_DATA_DIR (SQLite) name where the data go; that database is emptied
    # first unless --reuse. Without either, a temporary SQLite file (or --postgres) is used and thrown away.
    given_url = os.environ.get("DATABASE_URL", "") if not args.postgres else PG_URL
    given_dir = os.environ.get("SAMORDNA_DATA_DIR") if not given_url else None
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, SAMORDNA_DATA_DIR=given_dir or folder)
        env.pop("DATABASE_URL", None)
        if given_url:
            if not args.reuse:
                prepare_postgres(given_url)
            env["DATABASE_URL"] = given_url
        elif given_dir and not args.reuse:
            prepare_sqlite(given_dir)
        command = [sys.executable, __file__, "--child", "--associations", str(args.associations), "--years", str(args.years)]
        command += ["--via-service"] if args.via_service else []
        command += ["--reuse"] if args.reuse else []
        command += ["--load-only"] if args.load_only else []
        out = subprocess.run(command, env=env, capture_output=True, text=True)
        if out.returncode:
            sys.stderr.write(out.stderr + out.stdout)
            raise SystemExit(out.returncode)
        print(out.stdout.strip().splitlines()[-1], flush=True)


if __name__ == "__main__":
    main()
