"""DOCX → lines: paragraphs and tables in document order (python-docx), table rows as cells.

The zip directory is checked before python-docx inflates anything: a document that would
unpack to more than the limit, or at a ratio no Word file has, is refused as a zip bomb.
zipfile never inflates a member beyond the size its directory declares, so those sizes
bound the memory. Word's own list numbering ("§ 5", "a.") is rendered into the text,
since protocols written from templates number their paragraphs that way.
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from pathlib import Path

from .readers import MB, Document, Limits, Line, ReadError, _fold_cells, _inline, drop_page_furniture, markdown_line




def check_zip(path: Path, limits: Limits) -> None:
    """Refuse zip bombs before anything is inflated: sizes come from the central directory,
    and a lying directory is caught later because python-docx reads within these sizes."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > limits.max_members:
                raise ReadError(f"{path.name} innehåller orimligt många delar ({len(infos)}) för ett Word-dokument.")
            names = {i.filename for i in infos}
            if "word/document.xml" not in names:
                raise ReadError(f"{path.name} är inget Word-dokument (.docx): huvuddelen word/document.xml saknas.")
            unzipped = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
            if unzipped > limits.max_unzipped or unzipped / packed > limits.max_ratio:
                raise ReadError(
                    f"{path.name} packas upp till {unzipped // MB} MB ({unzipped // packed} gånger sin storlek); "
                    "filen avvisas som en möjlig zip-bomb."
                )
    except zipfile.BadZipFile:
        raise ReadError(f"{path.name} är skadad: en .docx-fil ska vara ett zip-arkiv men går inte att öppna.") from None


def _run_flags(paragraph) -> tuple[bool, bool]:
    runs = [r for r in paragraph.runs if r.text.strip()]
    if not runs:
        return False, False
    style_font = paragraph.style.font if paragraph.style is not None else None
    def flag(run, attr):
        value = getattr(run, attr)
        if value is None and run.style is not None:
            value = getattr(run.style.font, attr)
        if value is None and style_font is not None:
            value = getattr(style_font, attr)
        return bool(value)
    return all(flag(r, "bold") for r in runs), all(flag(r, "italic") for r in runs)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                           (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


class Numbering:
    """Word list numbering rendered as text: lvlText "§ %1" with a decimal counter gives "§ 5"."""

    FORMATS = {"decimal": str, "lowerLetter": _letters, "upperLetter": lambda n: _letters(n).upper(),
               "lowerRoman": _roman, "upperRoman": lambda n: _roman(n).upper()}

    def __init__(self, document):
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}   # (numId, ilvl) → (format, text, start)
        self.abstract_of: dict[str, str] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.iter(f"{_W}abstractNum"):
            levels = {}
            for lvl in node.iter(f"{_W}lvl"):
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                start = lvl.find(f"{_W}start")
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = (
                    fmt.get(f"{_W}val") if fmt is not None else "decimal",
                    text.get(f"{_W}val") if text is not None else "",
                    int(start.get(f"{_W}val")) if start is not None and start.get(f"{_W}val", "").isdigit() else 1)
            abstract[node.get(f"{_W}abstractNumId")] = levels
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is not None and ref.get(f"{_W}val") in abstract:
                num_id = num.get(f"{_W}numId")
                self.abstract_of[num_id] = ref.get(f"{_W}val")
                for ilvl, spec in abstract[ref.get(f"{_W}val")].items():
                    self.levels[(num_id, ilvl)] = spec

    def label(self, paragraph) -> tuple[str | None, bool]:
        """(rendered number or None, whether it is a bullet) for one paragraph."""
        ppr = paragraph._p.pPr
        num_pr = ppr.numPr if ppr is not None else None
        if num_pr is None or num_pr.numId is None:
            return None, False
        num_id = str(num_pr.numId.val)
        ilvl = int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
        spec = self.levels.get((num_id, ilvl))
        if spec is None:
            return None, True
        fmt, text, _ = spec
        if fmt not in self.FORMATS:
            return None, True  # bullets and formats we do not render
        counters = self.counters.setdefault(self.abstract_of.get(num_id, num_id), [0] * 10)
        if ilvl >= len(counters):
            return None, False
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = 0

        def render(m):
            level = int(m[1]) - 1
            f, _, start = self.levels.get((num_id, level), ("decimal", "", 1))
            return self.FORMATS.get(f, str)(max(counters[level], 1) + start - 1)
        return re.sub(r"%(\d)", render, text).strip(), False


def _docx_paragraph(paragraph, limits: Limits, numbering: Numbering | None = None) -> list[Line]:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    heading = style.casefold().startswith(("heading", "rubrik", "title", "rubrik"))
    bold, italic = _run_flags(paragraph)
    number, bullet = numbering.label(paragraph) if numbering else (None, False)
    bullet = bullet or (number is None and "list bullet" in style.casefold())
    out = []
    text = f"{number} {paragraph.text}" if number and paragraph.text.strip() else paragraph.text
    for raw in text.split("\n"):
        line = markdown_line(raw, limits) if raw.strip() else Line()
        if line.blank:
            out.append(Line())
            continue
        out.append(replace(line, heading=line.heading or heading or bold, italic=line.italic or (italic and not bold),
                           bullet=line.bullet or bullet))
    return out or [Line()]


def _docx_table(table, limits: Limits) -> list[Line]:
    out = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell repeats in python-docx
                continue
            seen.add(id(cell._tc))
            text = "\n".join(" ".join(p.text.split()) for p in cell.paragraphs).strip()
            cells.append(_inline(text)[: limits.max_line_chars])
        if not any(c.strip() for c in cells):
            continue
        text = _fold_cells("\t".join(c.replace("\n", " ") for c in cells))
        out.append(Line(text, cells=tuple(cells)))
    out.append(Line())
    return out


def read_docx(path: Path, limits: Limits) -> Document:
    with path.open("rb") as handle:
        if handle.read(4) != b"PK\x03\x04":
            raise ReadError(f"{path.name} heter .docx men är inget Word-dokument (kanske en äldre .doc eller en omdöpt fil).")
    check_zip(path, limits)
    try:
        import docx
        document = docx.Document(str(path))
        lines: list[Line] = []
        numbering = Numbering(document)
        for block in document.iter_inner_content():
            if hasattr(block, "rows"):
                lines.extend(_docx_table(block, limits))
            else:
                lines.extend(_docx_paragraph(block, limits, numbering))
    except ReadError:
        raise
    except Exception as error:  # python-docx and lxml raise many kinds on broken packages
        raise ReadError(f"{path.name} är ett skadat Word-dokument och kan inte läsas ({type(error).__name__}).") from None
    return Document(drop_page_furniture(lines), kind="docx")
