"""`samordna withdrawal-date --notice 2020-06-15 [--years 3] [--rule end_of_notice_year|from_notice]`:
the last day of membership after a notice of withdrawal (rules.md R4.1; no database)."""
import json

from samordna.commandline import JsonCommand
from samordna.rules.deadlines import WITHDRAWAL_RULES, withdrawal_effective


class Command(JsonCommand):
    help = "Visar när ett utträde träder i kraft (JSON)."
    command_name = "withdrawal-date"

    def add_arguments(self, parser):
        # Validated in handle() so that every complaint is in Swedish.
        parser.add_argument("--notice", help="dag för uppsägningen, ÅÅÅÅ-MM-DD")
        parser.add_argument("--years", default="3", help="uppsägningstid i år (standard 3)")
        parser.add_argument("--rule", default="end_of_notice_year",
                            help="end_of_notice_year (standard) eller from_notice")

    def handle(self, *args, notice=None, years="3", rule="end_of_notice_year", **options):
        if notice is None:
            self.fail("Ange dagen för uppsägningen med --notice ÅÅÅÅ-MM-DD.")
        notice = self.parse_date(notice, "--notice")
        if isinstance(years, str):  # from the command line; call_command may pass an int
            try:
                years = int(years)
            except ValueError:
                self.fail(f"--years ska vara ett helt antal år, inte {years!r}.")
        if rule not in WITHDRAWAL_RULES:
            self.fail(f"Okänd regel för --rule: {rule!r}. Välj end_of_notice_year eller from_notice.")
        try:
            effective = withdrawal_effective(notice, years, rule)
        except ValueError as error:
            self.fail(str(error))
        self.stdout.write(json.dumps({"effective": effective.isoformat()}, ensure_ascii=False))
