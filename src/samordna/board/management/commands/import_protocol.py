"""`samordna import-protocol FILE --json`: extract a protocol (.txt, .md, .docx, .pdf) and print it
in the interchange format (protocol.schema.json) on stdout; warnings go to stderr; exit 0.

A file that cannot be read as a protocol exits 2 with a Swedish message saying why (not a
protocol, empty, scanned PDF without text, unsupported type, broken, too big). Saving into
the database (`--association SLUG`) is another part of issue 4 and not built yet.

The size limit is settings.PROTOCOL_IMPORT_MAX_BYTES (default 20 MB) or `--max-mb`.
"""
import json
import sys

from django.conf import settings
from django.core.management.base import BaseCommand

from samordna.protocols.extract import extract
from samordna.protocols.interchange import validate
from samordna.protocols.readers import MB, Limits, ReadError


def _fail(message):
    # Exit 2 like argparse, with a Swedish message and without Django's "CommandError:" prefix.
    sys.stderr.write(f"samordna import-protocol: {message}\n")
    raise SystemExit(2)


class Command(BaseCommand):
    help = "Läser ett protokoll (.txt, .md, .docx, .pdf) och skriver det som JSON i utbytesformatet."
    requires_system_checks = []

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.error = lambda message: _fail(message.replace("unrecognized arguments", "okända argument")
                                             .replace("expected one argument", "värde saknas")
                                             .replace("argument", "argumentet")
                                             .replace("invalid float value", "ogiltigt tal"))
        return parser

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="protokollfilen (.txt, .md, .docx eller .pdf)")
        parser.add_argument("--json", action="store_true", help="skriv extraktionen som JSON på standard ut")
        parser.add_argument("--association", metavar="SLUG", help="förbundet att spara mötet i (inte byggt ännu)")
        parser.add_argument("--max-mb", type=float, metavar="MB", help="största tillåtna filstorlek i MB")

    def handle(self, *args, path=None, json=False, association=None, max_mb=None, **options):
        if path is None:
            _fail("Ange protokollfilen: samordna import-protocol FIL --json")
        if not json:
            _fail("Att spara i databasen (--association) är inte byggt ännu; "
                  "använd --json för att se vad som läses ur protokollet.")
        max_bytes = int(max_mb * MB) if max_mb else getattr(settings, "PROTOCOL_IMPORT_MAX_BYTES", Limits.max_bytes)
        if max_bytes <= 0:
            _fail("--max-mb måste vara större än noll.")
        try:
            protocol, warnings = extract(path, Limits(max_bytes=max_bytes))
        except ReadError as error:
            _fail(str(error))
        except Exception as error:  # a parser bug must not show the user a traceback
            _fail(f"Kunde inte tolka {path}: internt fel ({type(error).__name__}). Rapportera gärna filen.")
        data = protocol.to_dict()
        problems = validate(data)
        if problems:
            _fail("Extraktionen följer inte utbytesformatet: " + "; ".join(problems[:5]))
        if association:
            sys.stderr.write("samordna import-protocol: --association ignoreras; att spara är inte byggt ännu.\n")
        for warning in warnings:
            sys.stderr.write(f"varning: {warning}\n")
        self.stdout.write(_dumps(data))


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
