"""`samordna withdrawal-date --notice 2020-06-15 [--years 3] [--rule end_of_notice_year|from_notice]`:
the last day of membership after a notice of withdrawal (rules.md R4.1; no database)."""
import json
import sys
from datetime import date

from django.core.management.base import BaseCommand

from samordna.rules.deadlines import WITHDRAWAL_RULES, withdrawal_effective


def _fail(message):
    # Exit 2 like argparse, with a Swedish message and without Django's "CommandError:" prefix.
    sys.stderr.write(f"samordna withdrawal-date: {message}\n")
    raise SystemExit(2)


class Command(BaseCommand):
    help = "Visar när ett utträde träder i kraft (JSON)."
    requires_system_checks = []

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        # The only argparse errors left (all options are optional) are these two; say them in Swedish.
        parser.error = lambda message: _fail(message.replace("unrecognized arguments", "okända argument")
                                             .replace("expected one argument", "värde saknas"))
        return parser

    def add_arguments(self, parser):
        # Validated in handle() so that every complaint is in Swedish.
        parser.add_argument("--notice", help="dag för uppsägningen, ÅÅÅÅ-MM-DD")
        parser.add_argument("--years", default="3", help="uppsägningstid i år (standard 3)")
        parser.add_argument("--rule", default="end_of_notice_year",
                            help="end_of_notice_year (standard) eller from_notice")

    def handle(self, *args, notice=None, years="3", rule="end_of_notice_year", **options):
        if notice is None:
            _fail("Ange dagen för uppsägningen med --notice ÅÅÅÅ-MM-DD.")
        if not isinstance(notice, date):
            try:
                notice = date.fromisoformat(notice)
            except (TypeError, ValueError):
                _fail(f"Ogiltigt datum för --notice: {notice!r}. Skriv datumet som ÅÅÅÅ-MM-DD.")
        if isinstance(years, str):  # from the command line; call_command may pass an int
            try:
                years = int(years)
            except ValueError:
                _fail(f"--years ska vara ett helt antal år, inte {years!r}.")
        if rule not in WITHDRAWAL_RULES:
            _fail(f"Okänd regel för --rule: {rule!r}. Välj end_of_notice_year eller from_notice.")
        try:
            effective = withdrawal_effective(notice, years, rule)
        except ValueError as error:
            _fail(str(error))
        self.stdout.write(json.dumps({"effective": effective.isoformat()}, ensure_ascii=False))
