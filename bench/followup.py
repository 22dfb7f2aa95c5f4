"""Follow-up at national scale: `python bench/followup.py [--associations 80] [--years 10] [--postgres] [--via-service]`.

Generates N associations × 40 interventions × Y years of monthly count reports with every breakdown (gender, age band
and source of support for participants at the end, started and ended; exit reasons; one goal's outcome; referrals by
Member) into a throwaway database — an SQLite file in a temporary folder by default, or the PostgreSQL database
`samordna_bench_followup` on 127.0.0.1:5432, dropped and created fresh, with --postgres — then times what the board
uses and prints ONE JSON line:

- load_s: generating and storing the data;
- dashboard_p50_ms / dashboard_p95_ms: the board's dashboard page (GET through the Django test client as a board
  member, so with suppression, charts and template), 40 requests spread over the associations after 5 warm-ups;
- annual_report_ms: the association's annual report data (reports.association_report) for one association, median
  of 5; annual_report_pdf_ms: the same report written as PDF (once);
- region_report_ms: the annual reports of 12 associations built one after the other (a region's overview).

How the data are written: by default every month's figures go through the same validation rule as the app
(rules.followup.check_report: totals add up across every breakdown, no negatives, previous end + started − ended =
end) and are then bulk-inserted; a month that fails the check aborts the run. With --via-service every month goes
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
    for _ in range(total):
        cells[rng.choice(keys)] += 1
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
    from django.core.exceptions import ValidationError

    from samordna.interventions import services
    from samordna.interventions.models import GoalOutcome, Referral, Report, ReportCount, ReportExit
    from samordna.rules import followup

    rng = random.Random(20261124)
    months = months_back(today, args.years)
    associations, reports_written = [], 0
    started = time.perf_counter()
    for index in range(args.associations):
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
                counts, exits, outcomes, referrals = [], [], [], []
                for report, (_, f) in zip(reports, batch):
                    counts += [ReportCount(report=report, measure=measure, dimension=dim, category=k, count=v)
                               for measure, dims in f.breakdowns.items() for dim, cells in dims.items()
                               for k, v in cells.items() if v]
                    exits += [ReportExit(report=report, exit_reason_id=int(k), count=v) for k, v in f.exits.items() if v]
                    outcomes += [GoalOutcome(report=report, goal_id=int(k), reached=r, asked=a)
                                 for k, (r, a) in f.goals.items() if a]
                    referrals += [Referral(report=report, member_id=int(k), count=v) for k, v in f.referrals.items() if v]
                ReportCount.objects.bulk_create(counts, batch_size=5000)
                ReportExit.objects.bulk_create(exits, batch_size=5000)
                GoalOutcome.objects.bulk_create(outcomes, batch_size=5000)
                Referral.objects.bulk_create(referrals, batch_size=5000)
            reports_written += len(months)
    return associations, reports_written, time.perf_counter() - started


def ms(fn):
    started = time.perf_counter()
    result = fn()
    return (time.perf_counter() - started) * 1000, result


def run(args):
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from samordna.accounts.models import AssociationRole
    from samordna.interventions import exports, reports
    from samordna.rules import followup

    today = date.today()
    associations, total, load_s = load(args, today)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    user = User.objects.create_user("styrelse-bench", password="bench-lösen-123")
    AssociationRole.objects.bulk_create(AssociationRole(user=user, association=a, role="board_member") for a in associations)
    client = Client()
    client.force_login(user)
    rng = random.Random(5)
    picks = [rng.choice(associations) for _ in range(45)]
    timings = []
    for n, association in enumerate(picks):
        url = reverse("intervention_dashboard", args=[association.slug])
        elapsed, response = ms(lambda: client.get(url))
        if response.status_code != 200:
            raise SystemExit(f"dashboard {url}: {response.status_code}")
        if n >= 5:
            timings.append(elapsed)
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("intervention_dashboard", args=[associations[0].slug]))
    dashboard_queries = len(queries)
    timings.sort()
    year = followup.make_period("year", today.year - 1, 1)
    reports.association_report(associations[0], year)  # warm-up
    annual = sorted(ms(lambda: reports.association_report(associations[0], year))[0] for _ in range(5))
    with CaptureQueriesContext(connection) as queries:
        report = reports.association_report(associations[0], year)
    report_queries = len(queries)
    pdf_ms, _ = ms(lambda: exports.report_pdf(report))
    region = associations[:12]
    region_ms, _ = ms(lambda: [reports.association_report(a, year) for a in region])
    return {"backend": connection.vendor, "associations": len(associations), "interventions": len(associations) * INTERVENTIONS,
            "years": args.years, "reports": total, "write_path": "import_report" if args.via_service else "check_report+bulk_create",
            "load_s": round(load_s, 1), "dashboard_p50_ms": round(statistics.median(timings), 1),
            "dashboard_p95_ms": round(timings[max(int(len(timings) * 0.95) - 1, 0)], 1), "dashboard_queries": dashboard_queries,
            "annual_report_ms": round(statistics.median(annual), 1), "annual_report_queries": report_queries,
            "annual_report_pdf_ms": round(pdf_ms, 1), "region_report_ms": round(region_ms, 1),
            "region_associations": len(region), "targets": {"dashboard_p95_ms": 150, "annual_report_ms": 1000,
                                                            "sqlite_factor": 2}}


def child(args):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samordna.settings")
    os.environ["SAMORDNA_ALLOWED_HOSTS"] = "testserver"
    sys.path.insert(0, str(ROOT / "src"))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    print(json.dumps(run(args)), flush=True)


def prepare_postgres():
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {PG_NAME}")
        conn.execute(f"CREATE DATABASE {PG_NAME}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--associations", type=int, default=80)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--postgres", action="store_true", help=f"use the fresh PostgreSQL database {PG_NAME}")
    parser.add_argument("--via-service", action="store_true", help="write every month through services.import_report")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args)
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, SAMORDNA_DATA_DIR=folder)
        env.pop("DATABASE_URL", None)
        if args.postgres:
            prepare_postgres()
            env["DATABASE_URL"] = PG_URL
        command = [sys.executable, __file__, "--child", "--associations", str(args.associations), "--years", str(args.years)]
        command += ["--via-service"] if args.via_service else []
        out = subprocess.run(command, env=env, capture_output=True, text=True)
        if out.returncode:
            sys.stderr.write(out.stderr + out.stdout)
            raise SystemExit(out.returncode)
        print(out.stdout.strip().splitlines()[-1], flush=True)


if __name__ == "__main__":
    main()
