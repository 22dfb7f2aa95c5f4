"""`samordna financing-plan INPUT.json`: each Member's contribution for one year (rules.md R1.1,
R1.2, computed by rules/financing.py; no database).

Input: {"total": 18022, "unit": 0.1, "shares": {party: share, …, "municipalities": share},
"population": {municipality: people, …}}. Output: {"contributions": {name: amount}, "total": …}."""
import json
import sys
from decimal import Decimal
from pathlib import Path

from django.core.management.base import BaseCommand

from samordna.rules.financing import contributions


def _fail(message):
    # Exit 2 like argparse, with a Swedish message and without Django's "CommandError:" prefix.
    sys.stderr.write(f"samordna financing-plan: {message}\n")
    raise SystemExit(2)


def _read_json(path):
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
        # Decimal, not float: 0.25 + 0.25 + 0.25 + 0.25 must be exactly 1 and 0.1 exactly 0.1.
        return json.loads(text, parse_float=Decimal)
    except FileNotFoundError:
        _fail(f"Filen {path} finns inte.")
    except (OSError, UnicodeDecodeError) as error:
        _fail(f"Filen {path} kan inte läsas som UTF-8-text: {error}.")
    except json.JSONDecodeError as error:
        _fail(f"Filen {path} är inte giltig JSON (rad {error.lineno}, kolumn {error.colno}).")


def _population(raw):
    if not isinstance(raw, dict):
        _fail('"population" ska vara ett objekt med kommun och folkmängd.')
    people = {}
    for name, value in raw.items():
        # 9710.0 is a whole number of people; 9710.5 is not.
        if isinstance(value, Decimal) and value == value.to_integral_value():
            value = int(value)
        people[name] = value
    return people


class Command(BaseCommand):
    help = "Räknar ut medlemmarnas bidrag enligt andelar och folkmängd (JSON)."
    requires_system_checks = []

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        # The only argparse errors left (all options are optional) are these two; say them in Swedish.
        parser.error = lambda message: _fail(message.replace("unrecognized arguments", "okända argument")
                                             .replace("expected one argument", "värde saknas"))
        return parser

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="JSON-fil med total, unit, shares och population")

    def handle(self, *args, path=None, **options):
        if path is None:
            _fail("Ange JSON-filen: samordna financing-plan UNDERLAG.json")
        data = _read_json(path)
        if not isinstance(data, dict) or "total" not in data or not isinstance(data.get("shares"), dict):
            _fail('Filen ska innehålla ett objekt med minst "total" och "shares".')
        try:
            parts = contributions(data["total"], data["shares"], _population(data.get("population", {})),
                                  data.get("unit", 1))
        except ValueError as error:
            _fail(str(error))
        # JSON numbers as the contract says; the amounts are exact multiples of the unit, so
        # float's shortest repr prints them as entered (2252.1, not 2252.0999…).
        self.stdout.write(json.dumps({
            "contributions": {name: float(amount) for name, amount in parts.items()},
            "total": float(sum(parts.values(), Decimal(0))),
        }, ensure_ascii=False))
