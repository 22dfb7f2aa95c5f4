"""`samordna quorum PROTOKOLL.json --members "…"`: beslutförhet per paragraf, as JSON.

Rules: FinsamL 10 §, 12 §; finsam.se Styrelsearbetet (more than half of the seats serve);
see samordna.rules.quorum. Reads one file and prints; never touches the database.
"""
import json

from samordna.commandline import JsonCommand
from samordna.protocols.quorum_report import ReportError, build_report, parse_members, parse_order
from samordna.rules.quorum import QuorumRule


class Command(JsonCommand):
    help = "Visar för varje paragraf i ett protokoll (utbytesformatet) om styrelsen var beslutför."
    command_name = "quorum"
    # This command has always read '-' as a file name and left argparse's errors to argparse.
    read_errors = (
        (FileNotFoundError, "Filen finns inte: {path}"),
        (IsADirectoryError, "{path} är en katalog, inte en fil"),
        (PermissionError, "Saknar behörighet att läsa {path}"),
        (UnicodeDecodeError, "{path} är inte text i UTF-8"),
        (OSError, "Kan inte läsa {path} ({error.strerror})"),
        (json.JSONDecodeError, "{path} är inte giltig JSON (fel på rad {error.lineno}, kolumn {error.colno})"),
    )

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
            if not options["protocol"]:
                self.fail('Ange protokollfilen: samordna quorum PROTOKOLL.json --members "…"')
            doc = self.read_json(options["protocol"])
            report = build_report(doc, groups, order, QuorumRule(require_all_groups=options["require_all_groups"]))
        except ReportError as e:
            # The contract: a Swedish message and exit status 2, no traceback.
            self.fail(e)
        self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
