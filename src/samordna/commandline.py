"""What the project's JSON commands share: JSON on stdout, and on bad input one Swedish line
"samordna <command>: <meddelande>" on stderr and exit status 2 (like argparse), without Django's
"CommandError:" prefix and without a traceback. None of them touches the database."""
import json
import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand


class JsonCommand(BaseCommand):
    # Pure computation on arguments and files: no system checks, no database, no migrations check.
    requires_system_checks = []
    # The command as typed on the command line, e.g. "count-votes" (see samordna.cli).
    command_name = None
    # A path of '-' reads standard input.
    dash_is_stdin = True
    # argparse's own errors in Swedish through fail(), rather than its English usage message.
    swedish_usage_errors = True
    # What read_json says when it cannot read: the first (exception types, message) pair whose
    # types match is used, with {path} and {error} filled in.
    read_errors = (
        (FileNotFoundError, "Filen {path} finns inte."),
        ((OSError, UnicodeDecodeError), "Filen {path} kan inte läsas som UTF-8-text: {error}."),
        (json.JSONDecodeError, "Filen {path} är inte giltig JSON (rad {error.lineno}, kolumn {error.colno})."),
    )

    def fail(self, message):
        self.stderr.write(f"samordna {self.command_name}: {message}", style_func=lambda s: s)
        raise SystemExit(2)

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        if self.swedish_usage_errors:
            # The only argparse errors left (all options are optional) are these two; say them in Swedish.
            parser.error = lambda message: self.fail(message.replace("unrecognized arguments", "okända argument")
                                                     .replace("expected one argument", "värde saknas"))
        return parser

    def read_json(self, path, parse_float=None):
        try:
            if path == "-" and self.dash_is_stdin:
                text = sys.stdin.read()
            else:
                text = Path(path).read_text(encoding="utf-8")
            return json.loads(text, parse_float=parse_float)
        except (OSError, ValueError) as error:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
            for types, message in self.read_errors:
                if isinstance(error, types):
                    self.fail(message.format(path=path, error=error))
            raise

    def parse_date(self, value, option):
        """An ISO date given for `option`; call_command may pass a date already."""
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            self.fail(f"Ogiltigt datum för {option}: {value!r}. Skriv datumet som ÅÅÅÅ-MM-DD.")
