"""`samordna demo [--no-serve] [--port 8000]`: migrate, load the demo, create the demo login, serve.

With DATABASE_URL unset the database is the SQLite file under SAMORDNA_DATA_DIR (default var/), whose
directory is created if missing. Running it again keeps the data already there (the demo loader skips
associations that exist) and only resets the demo user's password. The server is Django's runserver on
127.0.0.1 with static files served even without DEBUG (`--insecure`), which is fine for a local demo.
"""
import os
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from samordna.accounts.models import AssociationRole
from samordna.associations.models import Association
from samordna.board.demo import SLUGS, load_demo

USERNAME = "demo"
PASSWORD = "samordna-demo"


def _ensure_sqlite_directory():
    settings = connection.settings_dict
    name = str(settings.get("NAME") or "")
    if settings["ENGINE"].endswith("sqlite3") and name and not name.startswith(("file:", ":memory:")):
        Path(name).parent.mkdir(parents=True, exist_ok=True)


class Command(BaseCommand):
    help = "Lägger upp demodata (fyra samordningsförbund), skapar inloggningen demo och startar webbservern."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="lägg bara upp data, starta inte webbservern")
        parser.add_argument("--port", type=int, default=8000, help="port på 127.0.0.1 (standard 8000)")

    def handle(self, *args, no_serve=False, port=8000, **options):
        verbosity = options.get("verbosity", 1)
        _ensure_sqlite_directory()
        call_command("migrate", interactive=False, verbosity=0)
        # The demo's per-role accounts (skaraborg-sekreterare, …) get the demo password, and nobody has to enrol an
        # authenticator app to look around, unless SAMORDNA_TWO_FACTOR_REQUIRED says otherwise.
        os.environ.setdefault("SAMORDNA_DEMO_PASSWORD", PASSWORD)
        if "SAMORDNA_TWO_FACTOR_REQUIRED" not in os.environ:
            settings.SAMORDNA_TWO_FACTOR_REQUIRED = False
        created = load_demo()
        with transaction.atomic():
            user, _ = get_user_model().objects.get_or_create(username=USERNAME, defaults={"first_name": "Demo"})
            user.set_password(PASSWORD)
            user.is_active = True
            user.save()
            for association in Association.objects.filter(slug__in=SLUGS):
                AssociationRole.objects.get_or_create(user=user, association=association, role=AssociationRole.Role.ADMIN)

        url = f"http://127.0.0.1:{port}/"
        if verbosity:
            names = ", ".join(a.name for a in created)
            self.stdout.write(f"Demodata inlagd: {names}." if created else "Demodata fanns redan och har lämnats orörd.")
            self.stdout.write(f"Databas: {connection.settings_dict['NAME']}")
            self.stdout.write("")
            self.stdout.write(self.style.SUCCESS("Logga in i demon:"))
            self.stdout.write(f"  Adress:        {url}")
            self.stdout.write(f"  Användarnamn:  {USERNAME}")
            self.stdout.write(f"  Lösenord:      {PASSWORD}")
            self.stdout.write("  Per roll, samma lösenord: skaraborg-chef, skaraborg-sekreterare, skaraborg-ledamot,")
            self.stdout.write("  skaraborg-rapportor (likadant för insjoriket, goteborg, sjuharad) och demo-revisor.")
            if not settings.SAMORDNA_TWO_FACTOR_REQUIRED:
                self.stdout.write("  Tvåstegsverifiering krävs inte i demon (SAMORDNA_TWO_FACTOR_REQUIRED=1 slår på den).")
            self.stdout.write("")
        if no_serve:
            return
        if verbosity:
            self.stdout.write("Webbservern startar. Avsluta med Ctrl+C.")
        call_command("runserver", f"127.0.0.1:{port}", use_reloader=False, insecure_serving=True)
