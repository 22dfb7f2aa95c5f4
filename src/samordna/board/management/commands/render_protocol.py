"""`samordna render-protocol PROTOKOLL.json --format pdf|docx --out FIL [--archival]`: a protocol in the
interchange format (protocol.schema.json) as PDF or Word, without touching the database. Used for
previews and by the import. On success one JSON line on stdout: the file written, its format, size
and SHA-256. Bad input: one Swedish line on stderr and exit status 2."""
import errno
import hashlib
import json
import sys
from pathlib import Path

from samordna.commandline import JsonCommand
from samordna.protocols.interchange import validate

FORMATS = ("pdf", "docx")
WRITE_ERRORS = {errno.ENOENT: "katalogen finns inte", errno.EACCES: "behörighet saknas",
                errno.EISDIR: "det är en katalog", errno.ENOSPC: "disken är full", errno.EROFS: "skrivskyddat filsystem"}
USAGE = "samordna render-protocol PROTOKOLL.json --format pdf|docx --out FIL [--archival]"


class Command(JsonCommand):
    help = "Skriver ut ett protokoll i utbytesformatet som PDF eller Word (ingen databas)."
    command_name = "render-protocol"

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="protokollet som JSON ('-' läser standard in)")
        parser.add_argument("--format", dest="fmt", help="pdf eller docx (standard: filändelsen i --out)")
        parser.add_argument("--out", help="filen som skrivs ('-' skriver till standard ut)")
        parser.add_argument("--archival", action="store_true", help="PDF/A-3b för arkivering")
        parser.add_argument("--draft", action="store_true", help="vattenstämpel: UTKAST – ej justerat")
        parser.add_argument("--extract", help="protokollsutdrag av dessa paragrafer, t.ex. 45,47")
        parser.add_argument("--hash", dest="with_hash", action="store_true",
                            help="skriv innehållets SHA-256 (kanonisk JSON) i sidfoten")

    def handle(self, *args, path=None, fmt=None, out=None, archival=False, draft=False, extract=None, with_hash=False,
               **options):
        if path is None:
            self.fail(f"Ange protokollfilen: {USAGE}")
        if not out:
            self.fail("Ange filen som ska skrivas med --out FIL.")
        if fmt is None:
            fmt = Path(out).suffix.lstrip(".").lower() if out != "-" else ""
            if fmt not in FORMATS:
                self.fail("Ange formatet med --format pdf eller --format docx.")
        fmt = fmt.lower()
        if fmt not in FORMATS:
            self.fail(f"Okänt format: {fmt!r}. Välj pdf eller docx.")
        if archival and fmt != "pdf":
            self.fail("--archival gäller bara PDF (PDF/A).")
        protocol = self.read_json(path)
        errors = list(dict.fromkeys(validate(protocol)))
        if errors:
            more = f" (och {len(errors) - 3} fel till)" if len(errors) > 3 else ""
            self.fail(f"Filen {path} följer inte protokollformatet: {'; '.join(errors[:3])}{more}.")
        extras = {"draft": draft}
        if extract:
            try:
                extras["extract_of"] = [int(n) for n in extract.replace(" ", "").split(",") if n]
            except ValueError:
                self.fail(f"Ogiltiga paragrafnummer för --extract: {extract!r}. Skriv t.ex. 45,47.")
            present = {p["number"] for p in protocol["paragraphs"]}
            missing = [n for n in extras["extract_of"] if n not in present]
            if missing or not extras["extract_of"]:
                self.fail(f"Protokollet har ingen § {', '.join(map(str, missing)) or extract}.")
        if with_hash:
            from samordna.protocols.export import content_hash

            extras["content_hash"] = content_hash(protocol)

        from samordna.documents.render import render_docx, render_pdf

        content = render_pdf(protocol, extras=extras, archival=archival) if fmt == "pdf" else render_docx(
            protocol, extras=extras)
        if out == "-":
            sys.stdout.buffer.write(content)
            sys.stdout.buffer.flush()
            return
        try:
            Path(out).write_bytes(content)
        except OSError as error:
            reason = WRITE_ERRORS.get(error.errno, error.strerror or str(error))
            self.fail(f"Kan inte skriva {out}: {reason}.")
        self.stdout.write(json.dumps({"out": out, "format": fmt, "archival": archival, "bytes": len(content),
                                      "sha256": hashlib.sha256(content).hexdigest()}, ensure_ascii=False))
