"""`samordna financing-plan INPUT.json`: each Member's contribution for one year (rules.md R1.1,
R1.2, computed by rules/financing.py; no database).

Input: {"total": 18022, "unit": 0.1, "shares": {party: share, …, "municipalities": share},
"population": {municipality: people, …}}. Output: {"contributions": {name: amount}, "total": …}."""
import json
from decimal import Decimal

from samordna.commandline import JsonCommand
from samordna.rules.financing import contributions


class Command(JsonCommand):
    help = "Räknar ut medlemmarnas bidrag enligt andelar och folkmängd (JSON)."
    command_name = "financing-plan"

    def _population(self, raw):
        if not isinstance(raw, dict):
            self.fail('"population" ska vara ett objekt med kommun och folkmängd.')
        people = {}
        for name, value in raw.items():
            # 9710.0 is a whole number of people; 9710.5 is not.
            if isinstance(value, Decimal) and value == value.to_integral_value():
                value = int(value)
            people[name] = value
        return people

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="JSON-fil med total, unit, shares och population")

    def handle(self, *args, path=None, **options):
        if path is None:
            self.fail("Ange JSON-filen: samordna financing-plan UNDERLAG.json")
        # Decimal, not float: 0.25 + 0.25 + 0.25 + 0.25 must be exactly 1 and 0.1 exactly 0.1.
        data = self.read_json(path, parse_float=Decimal)
        if not isinstance(data, dict) or "total" not in data or not isinstance(data.get("shares"), dict):
            self.fail('Filen ska innehålla ett objekt med minst "total" och "shares".')
        try:
            parts = contributions(data["total"], data["shares"], self._population(data.get("population", {})),
                                  data.get("unit", 1))
        except ValueError as error:
            self.fail(str(error))
        # JSON numbers as the contract says; the amounts are exact multiples of the unit, so
        # float's shortest repr prints them as entered (2252.1, not 2252.0999…).
        self.stdout.write(json.dumps({
            "contributions": {name: float(amount) for name, amount in parts.items()},
            "total": float(sum(parts.values(), Decimal(0))),
        }, ensure_ascii=False))
