"""Readers: .txt/.md, .docx and .pdf → one normalised stream of `Line`s for the parser.

Every reader ends in the same shape: markup stripped (Markdown emphasis, headings, links,
HTML tags, backslash escapes), whitespace folded inside each table cell, table rows as
tab-joined cells, blank lines kept where the source separates paragraphs, and repeated
page headers/footers dropped. Whether a line was a heading, bold or italic, or a bullet is
kept as flags because the parser needs it (a "**Beslut**" heading, an italic sub-heading).

Untrusted input: the size is checked before reading, a DOCX's zip directory is checked for
bomb-like sizes and ratios before python-docx inflates anything, a PDF is read page by page
against a page and time budget. Every failure is a `ReadError` with a Swedish message.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

MB = 1024 * 1024


class ReadError(Exception):
    """The file cannot be read as a protocol; the message is Swedish and says why."""


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 20 * MB            # the uploaded file itself
    max_unzipped: int = 100 * MB        # DOCX: all members inflated
    max_ratio: int = 100                # DOCX: inflated / compressed
    max_members: int = 5000             # DOCX: zip entries
    max_pages: int = 500                # PDF
    max_seconds: float = 60.0           # PDF: wall-clock budget for text extraction
    max_line_chars: int = 20000         # longer lines are cut (fuzzing: huge lines)


DEFAULT_LIMITS = Limits()
SUPPORTED = (".txt", ".md", ".markdown", ".docx", ".pdf")


@dataclass(frozen=True)
class Line:
    text: str = ""
    heading: bool = False       # Markdown '#', a Word heading style, or a wholly bold line
    italic: bool = False        # wholly italic
    bullet: bool = False        # list item (marker removed)
    rule: bool = False          # horizontal rule / table ruling: separates, carries no text
    cells: tuple[str, ...] | None = None  # table cells as the source had them (may hold "\n")
    xs: tuple[float, ...] | None = None   # PDF: x position of each tab-separated cell

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    def parts(self) -> list[str]:
        """Cells of a table row (tab-separated text or a real table), else one part."""
        if self.cells is not None:
            return [" ".join(c.split()) for c in self.cells]
        return [c.strip() for c in self.text.split("\t")]


@dataclass
class Document:
    lines: list[Line]
    warnings: list[str] = field(default_factory=list)
    kind: str = "text"


# ---- text and Markdown -------------------------------------------------------------------

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \u00a0\u2000-\u200a\u202f\u205f\u3000\f\v]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_RULE = re.compile(r"^\s*(?:(?:[-*_=]\s*){3,}|[-=_]{3,}(?:\t[-=_ ]*)*)\s*$")
_MD_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*(?:[-+•·▪◦–]|\*(?=\s))\s+")
_LINK = re.compile(r"!?\[((?:\\.|[^\]\\]){0,500})\]\([^)\s]{0,2000}(?:\s+\"[^\"]{0,200}\")?\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]{1,2000})>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>]{0,300})?/?>")
_ESCAPE = re.compile(r"\\+([\\`*_{}\[\]()#+\-.!|<>~\"'])")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPH = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")
_CODE = re.compile(r"`([^`]{0,2000})`")
_STRIKE = re.compile(r"~~(.+?)~~")


_COLUMN_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")
_MARKUP_CHARS = frozenset("*_`[<\\&~")


def _inline(text: str) -> str:
    if _MARKUP_CHARS.isdisjoint(text):
        return text
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _CODE.sub(r"\1", text)
    for _ in range(2):  # "***x***" and nested emphasis
        text = _STRONG.sub(r"\2", text)
        text = _EMPH.sub(r"\2", text)
    text = _STRIKE.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text)
    return html.unescape(text)


def _fold_cells(text: str) -> str:
    cells = [" ".join(_SPACES.sub(" ", c).split()) for c in text.split("\t")]
    return "\t".join(cells).rstrip("\t")


def _whole(text: str, mark: str) -> str | None:
    """The inside of a line wholly wrapped in `mark` ("**Beslut:**"), else None."""
    t = text.strip()
    if len(t) > 2 * len(mark) and t.startswith(mark) and t.endswith(mark):
        inner = t[len(mark):-len(mark)]
        if mark not in inner and inner.strip():
            return inner
    return None


def markdown_line(raw: str, limits: Limits = DEFAULT_LIMITS) -> Line:
    """One source line of text or Markdown → a normalised `Line`."""
    raw = _CONTROL.sub("", _ZERO_WIDTH.sub("", raw))
    if len(raw) > limits.max_line_chars:
        raw = raw[: limits.max_line_chars]
    if not raw.strip():
        return Line()
    if _MD_TABLE_SEP.match(raw) and "|" in raw or _RULE.match(raw):
        return Line(rule=True)
    heading = italic = bullet = False
    text = raw
    m = _HEADING.match(text)
    if m:
        heading, text = True, m[2]
    if text.lstrip().startswith(">"):
        text = re.sub(r"^\s*>\s?", "", text)
    if _BULLET.match(text):
        bullet, text = True, _BULLET.sub("", text, count=1)
    if text.strip().startswith("|") and text.strip().endswith("|") and text.count("|") >= 3:
        text = "\t".join(c.strip() for c in text.strip()[1:-1].split("|"))
    for mark, is_bold in (("***", True), ("**", True), ("__", True), ("*", False), ("_", False)):
        inner = _whole(_TAG.sub("", text), mark)
        if inner is not None:
            text = inner
            if is_bold:
                heading = True
            else:
                italic = True
            break
    # In plain text a run of three or more spaces separates columns, like a tab.
    text = _fold_cells(_COLUMN_GAP.sub("\t", _inline(text).strip()))
    if not text.strip():
        return Line()
    return Line(text, heading=heading, italic=italic, bullet=bullet)


def lines_from_text(text: str, limits: Limits = DEFAULT_LIMITS) -> list[Line]:
    """Plain text or Markdown → normalised lines, page furniture removed."""
    text = _CONTROL.sub("", _ZERO_WIDTH.sub("", text).replace("\r\n", "\n").replace("\r", "\n"))
    return drop_page_furniture([markdown_line(raw, limits) for raw in text.split("\n")])


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252/latin-1; mixed files line by line."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    out = []
    for raw in data.split(b"\n"):
        try:
            out.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(raw.decode("cp1252", errors="replace").replace("\ufffd", ""))
    return "\n".join(out)


def _read_text(path: Path, limits: Limits) -> Document:
    data = path.read_bytes()
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(f"{path.name} är ingen textfil (den innehåller binära data).")
    lines = lines_from_text(decode(data), limits)
    return Document(lines, kind="text")


# ---- page furniture -------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(r"^(?:sida|page|s\.)?\s*\d{1,4}\s*(?:\(\s*\d{1,4}\s*\)|av\s+\d{1,4}|/\s*\d{1,4}|of\s+\d{1,4})$"
                          r"|^(?:sida|page)\s+\d{1,4}$|^-\s*\d{1,4}\s*-$", re.IGNORECASE)
_SIGN_LABEL = re.compile(r"^(?:(?:ordförandes|justerandes|justerares|sekreterarens|justerare|ordförande)\s+(?:sign(?:atur)?\.?|signaturer)"
                         r"|signatur(?:er)?\s+justerande|utdragsbestyrkande|justerandes\s+signatur)$", re.IGNORECASE)


def _furniture_cell(cell: str) -> bool:
    return not cell or bool(_PAGE_NUMBER.match(cell) or _SIGN_LABEL.match(cell))


def is_furniture(line: Line) -> bool:
    """Page numbers and signature boxes ("Justerandes sign", "Utdragsbestyrkande")."""
    if line.blank:
        return False
    parts = [p for part in line.parts() for p in re.split(r"\s*/\s*", part)]
    return all(_furniture_cell(p.strip()) for p in parts)


def drop_page_furniture(lines: list[Line]) -> list[Line]:
    """Remove page numbers, signature boxes, and later repeats of the page header.

    A converted document repeats its first lines ("Samordningsförbundet / Insjöriket") at the
    top of every page; repeats of those first short lines are dropped once a line occurs
    three or more times, keeping the first occurrence where the header means something."""
    lines = [ln for ln in lines if not is_furniture(ln)]
    top = []
    for ln in lines:
        if ln.blank or ln.rule:
            continue
        if len(top) == 3 or len(ln.text) > 60 or ln.text.lstrip().startswith("§"):
            break
        top.append(ln.text)
    counts: dict[str, int] = {}
    for ln in lines:
        if ln.text in top:
            counts[ln.text] = counts.get(ln.text, 0) + 1
    repeated = {t for t, n in counts.items() if n >= 3}
    if not repeated:
        return lines
    seen: set[str] = set()
    out = []
    for ln in lines:
        if ln.text in repeated:
            if ln.text in seen:
                continue
            seen.add(ln.text)
        out.append(ln)
    return out


# ---- entry point --------------------------------------------------------------------------

_UNSUPPORTED = {
    ".doc": "det äldre Word-formatet .doc stöds inte; spara filen som .docx eller PDF",
    ".rtf": "RTF stöds inte; spara filen som .docx eller PDF",
    ".odt": "OpenDocument (.odt) stöds inte; spara filen som .docx eller PDF",
    ".pages": "Pages-filer stöds inte; exportera till .docx eller PDF",
}
_IMAGES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".gif", ".bmp", ".heic", ".webp"}
_PROTOCOL_SIGNS = re.compile(r"§|\bprotokoll|\bsammanträde|\bjuster|\bbeslutande\b|\bnärvarande\b|\bledamöter\b"
                             r"|\bvoteringslista|\bstyrelsemöte|\bdagordning|\bföredragningslista", re.IGNORECASE)


def ensure_protocol(doc: Document, name: str) -> None:
    text_lines = [ln for ln in doc.lines if not ln.blank]
    if not text_lines:
        raise ReadError(f"{name} innehåller ingen text.")
    if not any(_PROTOCOL_SIGNS.search(ln.text) for ln in text_lines):
        raise ReadError(f"{name} ser inte ut som ett protokoll: inga paragrafer (§), ingen närvarolista, "
                        "inget om sammanträde eller justering.")


def _size(n: int) -> str:
    if n >= MB:
        return f"{n / MB:.0f} MB" if n % MB == 0 else f"{n / MB:.1f} MB".replace(".", ",")
    return f"{max(1, round(n / 1024))} kB"


def read(path, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read `path` into normalised lines; raises ReadError with a Swedish reason."""
    path = Path(path)
    suffix = path.suffix.casefold()
    if suffix in _UNSUPPORTED:
        raise ReadError(f"{path.name}: {_UNSUPPORTED[suffix]}.")
    if suffix in _IMAGES:
        raise ReadError(f"{path.name} är en bild; protokollet måste ha text. Kör textigenkänning (OCR) och spara som PDF eller .docx.")
    if suffix not in SUPPORTED:
        raise ReadError(f"{path.name}: filtypen {suffix or '(utan ändelse)'} stöds inte. Använd .txt, .md, .docx eller .pdf.")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ReadError(f"Filen {path} finns inte.") from None
    except OSError as error:
        raise ReadError(f"Filen {path} kan inte läsas: {error.strerror}.") from None
    if path.is_dir():
        raise ReadError(f"{path} är en katalog, inte en fil.")
    if size == 0:
        raise ReadError(f"{path.name} är tom.")
    if size > limits.max_bytes:
        raise ReadError(f"{path.name} är {_size(size)}; gränsen är {_size(limits.max_bytes)}.")
    try:
        if suffix == ".docx":
            from .docx_reader import read_docx
            doc = read_docx(path, limits)
        elif suffix == ".pdf":
            from .pdf_reader import read_pdf
            doc = read_pdf(path, limits)
        else:
            doc = _read_text(path, limits)
    except MemoryError:
        raise ReadError(f"{path.name} kräver för mycket minne för att läsas.") from None
    except (OSError, RecursionError) as error:
        raise ReadError(f"{path.name} kan inte läsas ({type(error).__name__}).") from None
    ensure_protocol(doc, path.name)
    return doc
