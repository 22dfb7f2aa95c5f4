"""`samordna backup FILE [--association SLUG]` and `samordna restore FILE`.

Like the project's other commands: a refusal is one Swedish line "samordna <command>: <meddelande>" on stderr and
exit status 2, without a traceback. They are wired in samordna.cli (this package is not a Django app).
"""
from django.core.management.base import BaseCommand
from django.db import DatabaseError

from . import BackupError
from .restore import restore_backup
from .writer import write_backup


def _size(n):
    return f"{n / (1024 * 1024):.1f}".replace(".", ",") + " MB"


def _number(n):
    return f"{n:,}".replace(",", "\u00a0")


class _Command(BaseCommand):
    command_name = None
    # Backup must work even when a deploy check complains; restore makes its own checks.
    requires_system_checks = []

    def fail(self, message):
        self.stderr.write(f"samordna {self.command_name}: {message}", style_func=lambda s: s)
        raise SystemExit(2)

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.error = lambda message: self.fail(
            message.replace("the following arguments are required", "argument saknas")
            .replace("unrecognized arguments", "okända argument").replace("expected one argument", "värde saknas"))
        return parser


class BackupCommand(_Command):
    command_name = "backup"
    help = ("Skriver en säkerhetskopia (zip) av databasen och de lagrade handlingarna, för hela installationen "
            "eller ett förbund.")

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FIL", help="arkivet som skrivs (får inte finnas)")
        parser.add_argument("--association", metavar="KORTNAMN", help="bara det här förbundet och det dess rader pekar på")

    def handle(self, *args, file, association=None, **options):
        try:
            summary = write_backup(file, association_slug=association)
        except BackupError as error:
            self.fail(str(error))
        except DatabaseError as error:
            self.fail(f"Databasen gick inte att läsa, och ingen säkerhetskopia skrevs: {error}".strip())
        scope = f"förbundet {summary.association}" if summary.association else "hela installationen"
        self.stdout.write(
            f"Säkerhetskopia av {scope} skriven till {summary.path}: {_number(summary.rows)} rader i {summary.tables} "
            f"tabeller, {_number(summary.documents)} handlingar, {_size(summary.size)}.")
        self.stdout.write(f"SHA-256 för arkivet (anteckna den på annat håll): {summary.sha256}")


class RestoreCommand(_Command):
    command_name = "restore"
    help = "Återställer en säkerhetskopia i en ny, tom och migrerad installation av samma version."

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FIL", help="arkivet från samordna backup")

    def handle(self, *args, file, **options):
        try:
            summary = restore_backup(file)
        except BackupError as error:
            self.fail(str(error))
        except DatabaseError as error:
            self.fail(f"Databasen gick inte att läsa, och ingenting ändrades: {error}".strip())
        self.stdout.write(
            f"Återställt från {file}: {_number(summary.rows)} rader i {summary.tables} tabeller, "
            f"{_number(summary.documents)} handlingar, förbund: {', '.join(summary.associations) or 'inga'}. "
            f"Sökindexet byggdes om ({_number(summary.search_entries)} poster).")
