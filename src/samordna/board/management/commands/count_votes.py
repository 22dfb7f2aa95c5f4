"""`samordna count-votes BALLOTS.json`: count a roll-call vote (rules.md R3.3, rules/votes.py).

Input: {"ballots": [{"name": …, "vote": "yes|no|abstain"}, …], "chair": …,
"kind": "ordinary|election|personnel"}, optionally "stated": {"yes": …, "no": …, "abstain": …}
with the counts the protocol states; a mismatch is bad input. No database."""
import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from samordna.rules.votes import check_stated, count


def _fail(message):
    # Exit 2 like argparse, with a Swedish message and without Django's "CommandError:" prefix.
    sys.stderr.write(f"samordna count-votes: {message}\n")
    raise SystemExit(2)


def _read_json(path):
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
        return json.loads(text)
    except FileNotFoundError:
        _fail(f"Filen {path} finns inte.")
    except (OSError, UnicodeDecodeError) as error:
        _fail(f"Filen {path} kan inte läsas som UTF-8-text: {error}.")
    except json.JSONDecodeError as error:
        _fail(f"Filen {path} är inte giltig JSON (rad {error.lineno}, kolumn {error.colno}).")


class Command(BaseCommand):
    help = "Räknar en votering: ja, nej, avstår och utfall (JSON)."
    requires_system_checks = []

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        # The only argparse errors left (all options are optional) are these two; say them in Swedish.
        parser.error = lambda message: _fail(message.replace("unrecognized arguments", "okända argument")
                                             .replace("expected one argument", "värde saknas"))
        return parser

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="JSON-fil med rösterna ('-' läser standard in)")

    def handle(self, *args, path=None, **options):
        if path is None:
            _fail("Ange JSON-filen med rösterna: samordna count-votes RÖSTER.json")
        data = _read_json(path)
        if not isinstance(data, dict) or not isinstance(data.get("ballots"), list):
            _fail('Filen ska innehålla ett objekt med listan "ballots".')
        stated = data.get("stated")
        keys = ("yes", "no", "abstain")
        if stated is not None and not (isinstance(stated, dict) and all(isinstance(stated.get(k), int) for k in keys)):
            _fail('"stated" ska ange heltalen "yes", "no" och "abstain".')
        try:
            result = count(data["ballots"], chair=data.get("chair"), kind=data.get("kind", "ordinary"))
        except ValueError as error:
            _fail(str(error))
        if stated is not None:
            mismatches = check_stated(result, stated["yes"], stated["no"], stated["abstain"])
            if mismatches:
                _fail("\n".join(mismatches))
        self.stdout.write(json.dumps({"yes": result.yes, "no": result.no, "abstain": result.abstain,
                                      "outcome": result.outcome}, ensure_ascii=False))
