"""`samordna notice-dates --adjusted 2023-04-05 [--posted 2023-04-05]`: the notice and appeal dates
of an adjusted protocol as JSON (rules.md §5, computed by rules/deadlines.py; no database)."""
import json
import sys
from datetime import date

from django.core.management.base import BaseCommand

from samordna.rules.deadlines import notice_dates


def _fail(message):
    # Exit 2 like argparse, with a Swedish message and without Django's "CommandError:" prefix.
    sys.stderr.write(f"samordna notice-dates: {message}\n")
    raise SystemExit(2)


def _date(value, option):
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        _fail(f"Ogiltigt datum för {option}: {value!r}. Skriv datumet som ÅÅÅÅ-MM-DD.")


class Command(BaseCommand):
    help = "Visar anslagsdag, sista dag för överklagande och när anslaget får tas ned (JSON)."
    requires_system_checks = []

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        # The only argparse errors left (all options are optional) are these two; say them in Swedish.
        parser.error = lambda message: _fail(message.replace("unrecognized arguments", "okända argument")
                                             .replace("expected one argument", "värde saknas"))
        return parser

    def add_arguments(self, parser):
        # Not required=True: a missing date gets the Swedish message below, not argparse's English.
        parser.add_argument("--adjusted", help="justeringsdag, ÅÅÅÅ-MM-DD")
        parser.add_argument("--posted", help="dag då anslaget sattes upp (standard: justeringsdagen)")

    def handle(self, *args, adjusted=None, posted=None, **options):
        if adjusted is None:
            _fail("Ange justeringsdagen med --adjusted ÅÅÅÅ-MM-DD.")
        adjusted = _date(adjusted, "--adjusted")
        posted = None if posted is None else _date(posted, "--posted")
        try:
            dates = notice_dates(adjusted, posted)
        except ValueError as error:
            _fail(str(error))
        for warning in dates.warnings:
            sys.stderr.write(f"Varning: {warning}\n")
        self.stdout.write(json.dumps({
            "posted": dates.posted.isoformat(),
            "appeal_last_day": dates.appeal_last_day.isoformat(),
            "remove_after": dates.remove_after.isoformat(),
        }, ensure_ascii=False))
