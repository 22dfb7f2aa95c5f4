"""`samordna notice-dates --adjusted 2023-04-05 [--posted 2023-04-05]`: the notice and appeal dates
of an adjusted protocol as JSON (rules.md §5, computed by rules/deadlines.py; no database)."""
import json
import sys

from samordna.commandline import JsonCommand
from samordna.rules.deadlines import notice_dates


class Command(JsonCommand):
    help = "Visar anslagsdag, sista dag för överklagande och när anslaget får tas ned (JSON)."
    command_name = "notice-dates"

    def add_arguments(self, parser):
        # Not required=True: a missing date gets the Swedish message below, not argparse's English.
        parser.add_argument("--adjusted", help="justeringsdag, ÅÅÅÅ-MM-DD")
        parser.add_argument("--posted", help="dag då anslaget sattes upp (standard: justeringsdagen)")

    def handle(self, *args, adjusted=None, posted=None, **options):
        if adjusted is None:
            self.fail("Ange justeringsdagen med --adjusted ÅÅÅÅ-MM-DD.")
        adjusted = self.parse_date(adjusted, "--adjusted")
        posted = None if posted is None else self.parse_date(posted, "--posted")
        try:
            dates = notice_dates(adjusted, posted)
        except ValueError as error:
            self.fail(str(error))
        for warning in dates.warnings:
            sys.stderr.write(f"Varning: {warning}\n")
        self.stdout.write(json.dumps({
            "posted": dates.posted.isoformat(),
            "appeal_last_day": dates.appeal_last_day.isoformat(),
            "remove_after": dates.remove_after.isoformat(),
        }, ensure_ascii=False))
