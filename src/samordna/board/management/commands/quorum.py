"""`samordna quorum PROTOKOLL.json --members "…"`: beslutförhet per paragraf, as JSON.

Rules: FinsamL 10 §, 12 §; finsam.se Styrelsearbetet (more than half of the seats serve);
see samordna.rules.quorum. Reads one file and prints; never touches the database.
"""
import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from samordna.protocols.quorum_report import ReportError, build_report, parse_members, parse_order
from samordna.rules.quorum import QuorumRule


def _read(path: str | None):
    if not path:
        raise ReportError('Ange protokollfilen: samordna quorum PROTOKOLL.json --members "…"')
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReportError(f"Filen finns inte: {path}") from None
    except IsADirectoryError:
        raise ReportError(f"{path} är en katalog, inte en fil") from None
    except PermissionError:
        raise ReportError(f"Saknar behörighet att läsa {path}") from None
    except UnicodeDecodeError:
        raise ReportError(f"{path} är inte text i UTF-8") from None
    except OSError as e:
        raise ReportError(f"Kan inte läsa {path} ({e.strerror})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise ReportError(f"{path} är inte giltig JSON (fel på rad {e.lineno}, kolumn {e.colno})") from None


class Command(BaseCommand):
    help = "Visar för varje paragraf i ett protokoll (utbytesformatet) om styrelsen var beslutför."
    # Pure computation on a file: no system checks, no database, no migrations check.
    requires_system_checks = []

    def add_arguments(self, parser):
        # Optional for argparse so that a missing file gets our Swedish message, not argparse's.
        parser.add_argument("protocol", metavar="PROTOKOLL.json", nargs="?", help="protokoll i utbytesformatet")
        parser.add_argument(
            "--members",
            help='förbundsmedlemmarna, semikolonseparerade; "Namn=N" för N platser, '
            't.ex. "Försäkringskassan;Arbetsförmedlingen;Västra Götalandsregionen;Kommunerna=1"',
        )
        parser.add_argument(
            "--order",
            default="",
            help="organisationer i ersättarnas turordning; de som saknas i --members hör till den "
            'gemensamma platsen "Kommunerna"',
        )
        parser.add_argument(
            "--require-all-groups",
            action="store_true",
            help="förbundsordningen kräver att varje medlem är företrädd",
        )

    def handle(self, *args, **options):
        try:
            groups = parse_members(options["members"])
            order = parse_order(options["order"])
            doc = _read(options["protocol"])
            report = build_report(doc, groups, order, QuorumRule(require_all_groups=options["require_all_groups"]))
        except ReportError as e:
            # The contract: a Swedish message and exit status 2, no traceback.
            self.stderr.write(f"samordna quorum: {e}", style_func=lambda s: s)
            sys.exit(2)
        self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
