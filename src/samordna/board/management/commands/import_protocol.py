"""`samordna import-protocol FILE --json`: extract a protocol (.txt, .md, .docx, .pdf) and print it
in the interchange format (protocol.schema.json) on stdout; warnings go to stderr; exit 0.

A file that cannot be read as a protocol exits 2 with a Swedish message saying why (not a
protocol, empty, scanned PDF without text, unsupported type, broken, too big). Saving into
the database: `--association SLUG [--body SLUG]` imports the file as an adjusted meeting (what the
browser's preview would confirm unchanged); the same file again changes nothing.

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
        parser.add_argument("--association", metavar="SLUG", help="förbundet att spara mötet i")
        parser.add_argument("--body", metavar="SLUG", help="organet (standard: det som protokollet nämner, annars styrelsen)")
        parser.add_argument("--max-mb", type=float, metavar="MB", help="största tillåtna filstorlek i MB")

    def handle(self, *args, path=None, json=False, association=None, body=None, max_mb=None, **options):
        if path is None:
            _fail("Ange protokollfilen: samordna import-protocol FIL --json | --association SLUG")
        if association:
            return self.save(path, association, body)
        if not json:
            _fail("Ange --json för att se vad som läses ur protokollet, eller --association SLUG för att spara det.")
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
        for warning in warnings:
            sys.stderr.write(f"varning: {warning}\n")
        self.stdout.write(_dumps(data))


    def save(self, path, slug, body_slug):
        from django.core.exceptions import ValidationError

        from samordna.associations.models import Association
        from samordna.board import importing
        from samordna.board.models import Body, ProtocolImport

        association = Association.objects.filter(slug=slug).first()
        if association is None:
            _fail(f"Förbundet {slug!r} finns inte.")
        try:
            data = open(path, "rb").read()
        except OSError as error:
            _fail(f"Kan inte läsa {path}: {error.strerror}.")
        try:
            batch = importing.upload(association, [(path, data)])
        except ValidationError as error:
            _fail(" ".join(error.messages))
        imp = importing.parse_import(ProtocolImport.objects.get(batch=batch))
        if imp.status == ProtocolImport.Status.DUPLICATE:
            imp.delete()
            self.stdout.write(_dumps({"status": "duplicate", "message": imp.error}))
            return
        if imp.status != ProtocolImport.Status.PREVIEW:
            imp.delete()
            _fail(imp.error)
        if body_slug:
            imp.body = Body.objects.filter(association=association, slug=body_slug).first()
            if imp.body is None:
                imp.delete()
                _fail(f"Organet {body_slug!r} finns inte i förbundet.")
            imp.save(update_fields=["body"])
        try:
            meeting = importing.confirm(imp)
        except ValidationError as error:
            imp.delete()
            _fail("Protokollet sparades inte: " + " ".join(error.messages))
        for warning in imp.warnings:
            sys.stderr.write(f"varning: {warning}\n")
        self.stdout.write(_dumps({"status": "imported", "meeting": meeting.pk, "body": meeting.body.slug,
                                  "date": meeting.date.isoformat(), "paragraphs": meeting.paragraphs.count()}))


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
