"""Load test: `python bench/load.py [--users 50] [--duration 60] [--workers N] [--database-url postgres://…]`.

Serves samordna with gunicorn and the production settings (DEBUG off, a random secret key, two-factor authentication
required for secretaries) on 127.0.0.1 only, loads the demo into a throw-away database (an SQLite file in a temporary
folder, or a PostgreSQL database the script creates and drops), creates load-test accounts with known passwords and
confirmed TOTP devices, and runs a bounded locust swarm in a child process:

- board members log in and read the association's overview, the follow-up dashboard and protocols;
- secretaries log in with password and a TOTP code (computed with django_otp's totp) and save protocol paragraphs;
- the public reads the notice board and the intervention catalogue.

Prints one JSON line: requests/s, p50/p95/max in ms, errors, and the same per page, measured over --duration seconds
once every user has started; the ramp-up before it (every user logging in, at --spawn-rate a second) is reported
apart, with its errors and the logins' p95. Only SAMORDNA_HTTPS is left off
(TLS belongs to the proxy in front; the client would not send secure cookies over plain HTTP on the loopback).
Target on the 2-core machine: 50 users, p95 <= 300 ms, zero errors.
"""
from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
PASSWORD = "last-test-lösen-1"
LOOPBACK = "127.0.0.1"
WEIGHTS = {"board": 5, "secretary": 2, "public": 3}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50, help="concurrent users (1–200)")
    parser.add_argument("--spawn-rate", type=float, default=5.0, help="users started per second")
    parser.add_argument("--duration", type=int, default=60, help="seconds measured once every user has started (10–600)")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1,
                        help="gunicorn worker processes (1–12; default two per core and one more)")
    parser.add_argument("--threads", type=int, default=2, help="threads per gunicorn worker (1–8)")
    parser.add_argument("--port", type=int, default=8023, help="port on 127.0.0.1")
    parser.add_argument("--data-dir", help="SQLite folder to reuse (the demo is loaded once); default a temporary one")
    parser.add_argument("--database-url", help="a PostgreSQL URL on the loopback; the database is created and dropped")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--prepare", help=argparse.SUPPRESS)  # child: create accounts, write them to this file
    parser.add_argument("--swarm", help=argparse.SUPPRESS)  # child: run locust with the accounts in this file
    args = parser.parse_args(argv)
    bounds = {"users": (1, 200), "duration": (10, 600), "workers": (1, 12), "threads": (1, 8), "port": (1024, 65535)}
    for name, (low, high) in bounds.items():
        if not low <= getattr(args, name) <= high:
            parser.error(f"--{name} must be between {low} and {high}")
    if not 0 < args.spawn_rate <= 50:
        parser.error("--spawn-rate must be above 0 and at most 50")
    if args.database_url:
        url = urlparse(args.database_url)
        if url.scheme not in ("postgres", "postgresql") or url.hostname not in (LOOPBACK, "localhost"):
            parser.error("--database-url must be a PostgreSQL database on 127.0.0.1")
        if not url.path.strip("/"):
            parser.error("--database-url must name a database")
    return args


# Parent: database, server, swarm ------------------------------------------------------------------------------------

def server_env(args, data_dir):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAMORDNA_") and k != "DATABASE_URL"}
    env.update(DJANGO_SETTINGS_MODULE="samordna.settings", SAMORDNA_SECRET_KEY=secrets.token_urlsafe(50),
               SAMORDNA_ALLOWED_HOSTS=LOOPBACK, SAMORDNA_DATA_DIR=str(data_dir), SAMORDNA_TWO_FACTOR_REQUIRED="1",
               SAMORDNA_DEMO_PASSWORD=PASSWORD, PYTHONPATH=str(ROOT / "src"))
    if args.database_url:
        env["DATABASE_URL"] = args.database_url
    return env


def _pg_admin(url, sql):
    import psycopg

    parsed = urlparse(url)
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(sql)


def create_database(args):
    name = urlparse(args.database_url).path.strip("/")
    try:
        _pg_admin(args.database_url, f'CREATE DATABASE "{name}"')
        return True
    except Exception as error:  # an existing database is reused, as --data-dir does for SQLite
        if "already exists" not in str(error):
            raise
        return False


def drop_database(args):
    name = urlparse(args.database_url).path.strip("/")
    _pg_admin(args.database_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def wait_for_port(port, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped with code {process.returncode}")
        with socket.socket() as probe:
            if probe.connect_ex((LOOPBACK, port)) == 0:
                return
        time.sleep(0.3)
    raise SystemExit("gunicorn did not start in time")


def warm_up(args, plan, rounds=4):
    """Each worker imports the views and compiles the templates on its first requests (seconds on a busy machine);
    a real server has long done that, so the measured swarm starts after it."""
    from concurrent.futures import ThreadPoolExecutor
    from urllib.request import urlopen

    paths = ["/", "/logga-in/"] + [f"/f/{a['slug']}/{page}/" for a in plan["associations"]
                                     for page in ("anslagstavla", "insatskatalog")]

    def fetch(path):
        with urlopen(f"http://{LOOPBACK}:{args.port}{path}", timeout=300) as response:
            response.read()

    with ThreadPoolExecutor(max_workers=args.workers * args.threads * 2) as pool:
        list(pool.map(fetch, paths * rounds * args.workers))


def run(args):
    temporary = None
    data_dir = Path(args.data_dir) if args.data_dir else Path(temporary := tempfile.mkdtemp(prefix="samordna-load-"))
    env = server_env(args, data_dir)
    created = create_database(args) if args.database_url else False
    server = None
    try:
        demo = subprocess.run([str(VENV_BIN / "samordna"), "demo", "--no-serve"], env=env, capture_output=True, text=True)
        if demo.returncode:
            raise SystemExit(f"demo failed:\n{demo.stderr[-2000:]}")
        accounts = data_dir / "load-accounts.json"
        subprocess.run([sys.executable, __file__, "--prepare", str(accounts)], env=env, check=True)
        server = subprocess.Popen(
            [str(VENV_BIN / "gunicorn"), "--config", "python:samordna.gunicorn_conf", "samordna.wsgi:application",
             "--bind", f"{LOOPBACK}:{args.port}", "--workers", str(args.workers), "--threads", str(args.threads)],
            env=env, cwd=str(ROOT), stdout=subprocess.DEVNULL, start_new_session=True)
        wait_for_port(args.port, server)
        warm_up(args, json.loads(accounts.read_text(encoding="utf-8")))
        swarm = subprocess.run(
            [sys.executable, __file__, "--swarm", str(accounts), "--users", str(args.users), "--spawn-rate",
             str(args.spawn_rate), "--duration", str(args.duration), "--port", str(args.port)],
            env=env, capture_output=True, text=True)
        if swarm.returncode:
            raise SystemExit(f"locust failed:\n{swarm.stderr[-3000:]}")
        result = json.loads(swarm.stdout.strip().splitlines()[-1])
        # The machine's load from other processes during the run: the figures mean little when it is far above the cores.
        result["load_average_1min_after"] = round(os.getloadavg()[0], 1)
        result["cpu_cores"] = os.cpu_count()
        result.update(database="postgresql" if args.database_url else "sqlite", gunicorn_workers=args.workers,
                      gunicorn_threads=args.threads, settings="production (DEBUG off, 2FA required; HTTPS off on loopback)")
        return result
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        if args.database_url and created and not args.keep:
            drop_database(args)
        if temporary and not args.keep:
            shutil.rmtree(temporary, ignore_errors=True)


# Child 1: accounts ----------------------------------------------------------------------------------------------------

def prepare(path, per_association=40):
    """Board members and secretaries in every demo association, and what they read and edit."""
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.db import transaction
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from samordna.accounts.models import AssociationRole
    from samordna.associations.models import Association
    from samordna.board.models import Meeting, Paragraph

    plan = {"associations": [], "board": [], "secretary": []}
    with transaction.atomic():
        for association in Association.objects.order_by("slug"):
            meetings = list(Meeting.objects.filter(body__association=association, paragraphs__isnull=False)
                            .distinct().order_by("-date").values_list("pk", flat=True)[:10])
            paragraphs = list(Paragraph.objects.filter(meeting__body__association=association,
                                                       meeting__protocol_status=Meeting.ProtocolStatus.DRAFT)
                              .order_by("meeting_id", "pk").values_list("meeting_id", "pk")[:40])
            if not meetings or not paragraphs:
                continue
            plan["associations"].append({"slug": association.slug, "meetings": meetings, "paragraphs": paragraphs})
            for kind, role in (("board", AssociationRole.Role.BOARD_MEMBER), ("secretary", AssociationRole.Role.SECRETARY)):
                for n in range(per_association):
                    username = f"last-{association.slug}-{kind}-{n}"
                    user = User.objects.filter(username=username).first()
                    if user is None:
                        user = User.objects.create_user(username, f"{username}@last.invalid", PASSWORD)
                        AssociationRole.objects.create(user=user, association=association, role=role)
                    entry = {"username": username, "slug": association.slug}
                    if kind == "secretary":
                        TOTPDevice.objects.filter(user=user).delete()
                        entry["totp_key"] = TOTPDevice.objects.create(user=user, name="Last", confirmed=True).key
                    plan[kind].append(entry)
    Path(path).write_text(json.dumps(plan), encoding="utf-8")


# Child 2: the swarm ---------------------------------------------------------------------------------------------------

def swarm(args):
    import re
    from html.parser import HTMLParser
    from itertools import count

    import gevent
    from django_otp.oath import totp
    from locust import HttpUser, between, task
    from locust.env import Environment

    plan = json.loads(Path(args.swarm).read_text(encoding="utf-8"))
    by_slug = {a["slug"]: a for a in plan["associations"]}
    taken = {kind: count() for kind in ("board", "secretary")}
    csrf = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

    class Forms(HTMLParser):
        """Every POST form's fields as a browser would send them (first submit button excluded)."""

        def __init__(self):
            super().__init__()
            self.forms, self._field = [], None

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "form":
                self.forms.append({"method": (a.get("method") or "get").lower(), "fields": {}})
            elif not self.forms:
                return
            elif tag == "input" and a.get("name") and a.get("type") not in ("submit", "button", "file"):
                if a.get("type") not in ("checkbox", "radio") or "checked" in a:
                    self.forms[-1]["fields"][a["name"]] = a.get("value") or ""
            elif tag == "textarea" and a.get("name"):
                self._field = a["name"]
                self.forms[-1]["fields"][self._field] = ""
            elif tag == "select" and a.get("name"):
                self._field = a["name"]
                self.forms[-1]["fields"].setdefault(self._field, "")
            elif tag == "option" and self._field and "selected" in a:
                self.forms[-1]["fields"][self._field] = a.get("value", "")

        def handle_endtag(self, tag):
            if tag in ("textarea", "select"):
                self._field = None

        def handle_data(self, data):
            if self._field and self.lasttag == "textarea":
                self.forms[-1]["fields"][self._field] += data

    def check(response, *, status=200, contains=None):
        if response.status_code != status:
            response.failure(f"status {response.status_code}, expected {status}")
        elif contains and contains not in response.text:
            response.failure(f"missing {contains!r}")
        else:
            response.success()

    class Staff(HttpUser):
        abstract = True
        wait_time = between(1, 3)
        kind = ""

        def on_start(self):
            mine = plan[self.kind][next(taken[self.kind]) % len(plan[self.kind])]
            self.slug, self.association = mine["slug"], by_slug[mine["slug"]]
            login = self.client.get("/logga-in/", name="login")
            token = csrf.search(login.text).group(1)
            with self.client.post("/logga-in/", {"username": mine["username"], "password": PASSWORD,
                                                 "csrfmiddlewaretoken": token, "next": f"/f/{self.slug}/"},
                                  name="login", allow_redirects=False, catch_response=True) as response:
                check(response, status=302)
                step = response.headers.get("Location", "")
            if "totp_key" in mine:
                page = self.client.get(step, name="two-factor")
                code = f"{totp(bytes.fromhex(mine['totp_key'])):06d}"
                with self.client.post("/konto/tvastegs/", {"token": code, "csrfmiddlewaretoken": csrf.search(page.text).group(1),
                                                           "next": f"/f/{self.slug}/"},
                                      name="two-factor", allow_redirects=False, catch_response=True) as response:
                    check(response, status=302)

    class BoardMember(Staff):
        weight = WEIGHTS["board"]
        kind = "board"

        @task(2)
        def overview(self):
            with self.client.get(f"/f/{self.slug}/", name="overview", catch_response=True) as response:
                check(response)

        @task(2)
        def dashboard(self):
            with self.client.get(f"/f/{self.slug}/insatser/oversikt/", name="dashboard", catch_response=True) as response:
                check(response)

        @task(3)
        def protocol(self):
            meeting = secrets.choice(self.association["meetings"])
            with self.client.get(f"/f/{self.slug}/moten/{meeting}/protokoll/las/", name="protocol (read)",
                                 catch_response=True) as response:
                check(response, contains="§")

    class Secretary(Staff):
        weight = WEIGHTS["secretary"]
        kind = "secretary"

        @task(1)
        def protocol(self):
            meeting, _ = secrets.choice(self.association["paragraphs"])
            with self.client.get(f"/f/{self.slug}/moten/{meeting}/protokoll/", name="protocol (edit view)",
                                 catch_response=True) as response:
                check(response)

        @task(2)
        def save_paragraph(self):
            meeting, paragraph = secrets.choice(self.association["paragraphs"])
            url = f"/f/{self.slug}/moten/{meeting}/protokoll/{paragraph}/"
            page = self.client.get(url, name="paragraph (form)")
            parser = Forms()
            parser.feed(page.text)
            form = next((f for f in parser.forms if f["method"] == "post" and "decisions_text" in f["fields"]), None)
            if form is None:
                return
            with self.client.post(url, form["fields"], name="paragraph (save)", allow_redirects=False,
                                  catch_response=True) as response:
                check(response, status=302)

    class Public(HttpUser):
        weight = WEIGHTS["public"]
        wait_time = between(1, 3)

        def on_start(self):
            self.slug = secrets.choice(plan["associations"])["slug"]

        @task(3)
        def notice_board(self):
            with self.client.get(f"/f/{self.slug}/anslagstavla/", name="notice board", catch_response=True) as response:
                check(response)

        @task(1)
        def catalogue(self):
            with self.client.get(f"/f/{self.slug}/insatskatalog/", name="catalogue", catch_response=True) as response:
                check(response)

    env = Environment(user_classes=[BoardMember, Secretary, Public], host=f"http://{LOOPBACK}:{args.port}")
    runner = env.create_local_runner()
    ramp_up = {}

    def all_started(user_count):
        # The ramp-up is every user logging in at once; the measured window is the steady state that follows.
        ramp_up.update(requests=env.stats.total.num_requests, errors=env.stats.total.num_failures,
                       seconds=round(time.time() - env.stats.total.start_time, 1),
                       login_p95_ms=env.stats.get("login", "POST").get_response_time_percentile(0.95))
        env.stats.reset_all()
        gevent.spawn_later(args.duration, runner.quit)

    env.events.spawning_complete.add_listener(all_started)
    runner.start(args.users, spawn_rate=args.spawn_rate)
    runner.greenlet.join()
    total = env.stats.total
    elapsed = max(1e-9, (total.last_request_timestamp or time.time()) - total.start_time)
    pages = {name: {"requests": entry.num_requests, "errors": entry.num_failures,
                    "p50_ms": entry.get_response_time_percentile(0.5), "p95_ms": entry.get_response_time_percentile(0.95)}
             for (name, _method), entry in sorted(env.stats.entries.items())}
    errors = {f"{e.method} {e.name}: {e.error}": e.occurrences for e in env.stats.errors.values()}
    print(json.dumps({
        "users": args.users, "duration_s": args.duration, "requests": total.num_requests,
        "requests_per_s": round(total.num_requests / elapsed, 1), "p50_ms": total.get_response_time_percentile(0.5),
        "p95_ms": total.get_response_time_percentile(0.95), "max_ms": round(total.max_response_time),
        "errors": total.num_failures, "error_kinds": errors, "pages": pages, "ramp_up": ramp_up,
        "target_met": total.num_failures == 0 and not ramp_up.get("errors") and total.get_response_time_percentile(0.95) <= 300,
    }, ensure_ascii=False), flush=True)


def main(argv=None):
    args = parse_args(argv)
    if args.prepare:
        prepare(args.prepare)
    elif args.swarm:
        swarm(args)
    else:
        print(json.dumps(run(args), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
