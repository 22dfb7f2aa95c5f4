"""`samordna search "QUERY" --association SLUG [--json]`: the association's best hits (kind, title, date, snippet, URL path)."""
import json

from samordna.associations.models import Association
from samordna.commandline import JsonCommand
from samordna.search import engine


class Command(JsonCommand):
    command_name = "search"
    help = "Söker i ett förbunds protokoll, paragrafer, beslut, ärenden och handlingar."

    def add_arguments(self, parser):
        parser.add_argument("query", nargs="?", help="det du söker efter")
        parser.add_argument("--association", metavar="SLUG", help="förbundet att söka i")
        parser.add_argument("--json", action="store_true", help="skriv träffarna som JSON")
        parser.add_argument("--limit", type=int, default=20, help="högst så många träffar (1–100)")

    def handle(self, *args, query=None, association=None, json=False, limit=20, **options):
        if query is None:
            self.fail('Ange vad du söker efter: samordna search "budget" --association SLUG')
        if not association:
            self.fail("Ange förbundet med --association SLUG.")
        found = Association.objects.filter(slug=association).first()
        if found is None:
            self.fail(f"Förbundet {association!r} finns inte.")
        if not 1 <= limit <= 100:
            self.fail("--limit ska vara mellan 1 och 100.")
        result = engine.search(found.pk, query, restricted=True, limit=limit)
        hits = [{"kind": h.kind, "title": h.title, "date": h.date.isoformat() if h.date else None,
                 "snippet": h.snippet_text, "url": h.url} for h in result.hits]
        if json:
            self.stdout.write(_dumps({"query": query, "any_word": result.any_word, "hits": hits}))
            return
        if not hits:
            self.stdout.write(f"Inga träffar på ”{query}”.")
        for h in hits:
            self.stdout.write(f"{h['date'] or '':10}  {h['title']}\n            {h['snippet']}\n            {h['url']}")


def _dumps(data):
    return json.dumps(data, ensure_ascii=False, indent=2)
