"""Search at national scale: `python bench/search.py [--associations 80] [--years 10] [--per-year 1250] [--queries 200]
[--backends sqlite,postgresql]`.

Loads synthetic protocols (by default 80 associations × 10 years × 1 250 paragraphs = 1 million paragraph entries,
written in a Swedish protocol vocabulary with compound words, case numbers and dates) into a fresh database per
backend — an SQLite file in a temporary folder and the PostgreSQL database `samordna_bench_search` on
127.0.0.1:5432 — then runs realistic queries of one to three words, each scoped to one association as the app does,
and prints one JSON line per backend and a last line with both: load time, index size, p50/p95/max latency in ms.
The latency includes everything the search page does: widening the words, ranking, fetching rows, snippets.
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
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG_URL = "postgres://postgres@127.0.0.1:5432/samordna_bench_search"

TOPICS = [
    "budget", "årsredovisning", "delårsrapport", "verksamhetsplan", "internkontrollplan", "revisionsberättelse",
    "upphandling", "avtal", "förlängning", "insats", "uppföljning", "deltagare", "avslutsenkät", "finansieringsplan",
    "medlemsavgift", "samordningsförbundet", "förbundschef", "arbetsutskottet", "beredningsgruppen", "medlemssamråd",
    "ansvarsfrihet", "eget kapital", "tilldelning", "kansliet", "arbetsförmedlingen", "försäkringskassan", "regionen",
    "kommunerna", "rehabilitering", "arbetsträning", "kartläggning", "ungdomar", "långtidssjukskrivna", "språkstöd",
    "jämställdhet", "delegationsordning", "attestordning", "dataskydd", "arkivreglemente", "kompetensutveckling",
]
PROJECTS = ["Elings ark", "Move On", "Balder", "Steget", "Vägen vidare", "Nya spår", "Kompassen", "Bryggan",
            "Arbetsbron", "Lotsen", "Framtidsfabriken", "Hälsospåret", "Jobbcentrum", "Spira", "Trappan"]
VERBS = ["fastställa", "godkänna", "notera", "uppdra åt förbundschefen att utreda", "förlänga", "avsluta",
         "anta", "bevilja medel till", "lägga till handlingarna", "återremittera"]
FILLER = ["styrelsen", "diskuterar", "föredrar", "redovisar", "ärendet", "förslaget", "enligt", "bilaga", "med",
          "och", "för", "under", "året", "kvartalet", "resultatet", "prognosen", "målgruppen", "samverkan",
          "parterna", "underlaget", "tjänsteskrivelse", "beslutet", "information", "frågor", "ekonomin"]
QUERIES_WORDS = ["budget", "budgeten", "förbund", "förbundets budget", "avtal förlängning", "elings arks förlängning",
                 "move on", "deltagare", "uppföljning insats", "årsredovisning", "internkontroll", "upphandling",
                 "eget kapital", "medlemsavgift", "arbetsträning", "ungdomar", "kansli", "revision",
                 "finansieringsplan", "delegation", "steget", "kompassen avslut", "dataskydd", "regionen kommunerna"]


def paragraph(rng, number, year):
    topic = rng.choice(TOPICS)
    project = rng.choice(PROJECTS)
    title = f"{topic.capitalize()} {year}" if rng.random() < 0.5 else f"{project} – {rng.choice(TOPICS)}"
    words = [rng.choice(FILLER + TOPICS) for _ in range(rng.randint(25, 60))]
    words.insert(rng.randint(0, len(words)), project)
    text = " ".join(words).capitalize() + "."
    decision = f"att {rng.choice(VERBS)} {topic} för {project} till och med {year}-12-31"
    return title, f"{text}\n{decision}", f"{rng.randint(1, 99)}/{year % 100:02d}"


def load(args):
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from samordna.associations.models import Association
    from samordna.search import engine

    rng = random.Random(20261123)
    associations = Association.objects.bulk_create(
        [Association(slug=f"bench-{i}", name=f"Samordningsförbundet Bänk {i}") for i in range(args.associations)])
    if associations[0].pk is None:
        associations = list(Association.objects.filter(slug__startswith="bench-").order_by("pk"))
    started = time.perf_counter()
    total = 0
    for a in associations:
        entries, number = [], 1
        for y in range(args.years):
            year = 2016 + y
            for i in range(args.per_year):
                title, text, case = paragraph(rng, number, year)
                day = date(year, 1, 10) + timedelta(days=(i * 3) % 340)
                entries.append(engine.Entry(key=f"paragraph:{a.pk}-{number}", kind="paragraph", title=f"§ {number} {title}",
                                            url=f"/f/{a.slug}/moten/{number // 20}/protokoll/las/#p{number}", text=text,
                                            date=day, body="styrelsen", case_number=case))
                number += 1
        for start in range(0, len(entries), 5000):
            engine.bulk_add(a.pk, entries[start:start + 5000])
        total += len(entries)
    engine.optimize()
    return associations, total, time.perf_counter() - started


def loaded():
    """The associations of an earlier load kept with --reuse, or None."""
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from samordna.associations.models import Association
    from samordna.search.models import SearchEntry

    associations = list(Association.objects.filter(slug__startswith="bench-").order_by("pk"))
    if not associations:
        return None
    return associations, SearchEntry.objects.filter(association__in=associations).count(), None


def run(args):
    from django.db import connection

    associations, total, load_s = (args.reuse and loaded()) or load(args)
    from samordna.search import engine

    if connection.vendor == "postgresql":
        engine.optimize()  # statistics after a reused database's migrations
    rng = random.Random(7)
    queries = [(rng.choice(associations).pk, rng.choice(QUERIES_WORDS)) for _ in range(args.queries)]
    for association_id, query in queries[:20]:  # warm caches as a running server would have them
        engine.search(association_id, query)
    timings, empty = [], 0
    for association_id, query in queries:
        started = time.perf_counter()
        result = engine.search(association_id, query)
        timings.append((time.perf_counter() - started) * 1000)
        empty += not result.hits
    timings.sort()
    return {"backend": connection.vendor, "paragraphs": total, "associations": len(associations), "load_s": load_s and round(load_s, 1),
            "queries": len(timings), "p50_ms": round(statistics.median(timings), 1),
            "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1), "max_ms": round(timings[-1], 1),
            "queries_without_hits": empty, "target_p95_ms": 50}


def child(args):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samordna.settings")
    sys.path.insert(0, str(ROOT / "src"))
    print(json.dumps(run(args)), flush=True)


def prepare_postgres(keep=False):
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = 'samordna_bench_search'").fetchone()
        if keep and exists:
            return
        conn.execute("DROP DATABASE IF EXISTS samordna_bench_search")
        conn.execute("CREATE DATABASE samordna_bench_search")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--associations", type=int, default=80)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--per-year", type=int, default=1250)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--reuse", metavar="FOLDER", help="keep the loaded databases (SQLite file in FOLDER, PostgreSQL "
                        "database kept) and query them again next time instead of loading anew")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args)
    results = []
    for backend in args.backends.split(","):
        with tempfile.TemporaryDirectory() as scratch:
            folder = args.reuse or scratch
            env = dict(os.environ, SAMORDNA_DATA_DIR=folder)
            env.pop("DATABASE_URL", None)
            if backend == "postgresql":
                prepare_postgres(keep=bool(args.reuse))
                env["DATABASE_URL"] = PG_URL
            command = [sys.executable, __file__, "--child", "--associations", str(args.associations), "--years",
                       str(args.years), "--per-year", str(args.per_year), "--queries", str(args.queries)]
            command += ["--reuse", folder] if args.reuse else []
            out = subprocess.run(command, env=env, capture_output=True, text=True)
            if out.returncode:
                sys.stderr.write(out.stderr)
                raise SystemExit(out.returncode)
            line = out.stdout.strip().splitlines()[-1]
            print(line, flush=True)
            results.append(json.loads(line))
    print(json.dumps({"search": {r["backend"]: {k: r[k] for k in ("p50_ms", "p95_ms", "load_s", "paragraphs")} for r in results}}))


if __name__ == "__main__":
    main()
