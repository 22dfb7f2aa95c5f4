"""`samordna count-votes BALLOTS.json`: count a roll-call vote (rules.md R3.3, rules/votes.py).

Input: {"ballots": [{"name": …, "vote": "yes|no|abstain"}, …], "chair": …,
"kind": "ordinary|election|personnel"}, optionally "stated": {"yes": …, "no": …, "abstain": …}
with the counts the protocol states; a mismatch is bad input. No database."""
import json

from samordna.commandline import JsonCommand
from samordna.rules.votes import check_stated, count


class Command(JsonCommand):
    help = "Räknar en votering: ja, nej, avstår och utfall (JSON)."
    command_name = "count-votes"

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="JSON-fil med rösterna ('-' läser standard in)")

    def handle(self, *args, path=None, **options):
        if path is None:
            self.fail("Ange JSON-filen med rösterna: samordna count-votes RÖSTER.json")
        data = self.read_json(path)
        if not isinstance(data, dict) or not isinstance(data.get("ballots"), list):
            self.fail('Filen ska innehålla ett objekt med listan "ballots".')
        stated = data.get("stated")
        keys = ("yes", "no", "abstain")
        if stated is not None and not (isinstance(stated, dict) and all(isinstance(stated.get(k), int) for k in keys)):
            self.fail('"stated" ska ange heltalen "yes", "no" och "abstain".')
        try:
            result = count(data["ballots"], chair=data.get("chair"), kind=data.get("kind", "ordinary"))
        except ValueError as error:
            self.fail(str(error))
        if stated is not None:
            mismatches = check_stated(result, stated["yes"], stated["no"], stated["abstain"])
            if mismatches:
                self.fail("\n".join(mismatches))
        self.stdout.write(json.dumps({"yes": result.yes, "no": result.no, "abstain": result.abstain,
                                      "outcome": result.outcome}, ensure_ascii=False))
