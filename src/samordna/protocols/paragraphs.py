"""Paragraphs: where each § starts and ends, and what its body says.

Headings come as "§ 38 Title", "**§ 1124** Title", "## §1. Title", "§ 45    Title", "12 § Title",
a bare "§ 77" with the title on a later line, lettered sub-items ("a. Title", "b) Title")
that become paragraphs of their own, and "§§ Ärenden Beslut" tables with one row per
paragraph. The body of the last paragraph stops where the protocol's trailer begins
("Kommande möten", "Underskrifter", a heading after "Mötet avslutas").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import RANGE_RE, SINGLE_RE, clock
from .decisions import DecisionReader, table_decisions
from .interchange import Interval, Paragraph
from .readers import Line

HEAD_RE = re.compile(r"^§\s*(\d{1,5})(?![\d,/]|\.\d|\s*[-–]\s*§?\s*\d)\s*[.:)]?\s*(?:[-–]\s+)?(.*)$")
HEAD_AFTER_RE = re.compile(r"^(\d{1,4})\s*§(?!§)\s*[.:]?\s*(.*)$")
SUB_RE = re.compile(r"^([a-zåäö])\s*[.)]\s+(\S.{0,150})$", re.IGNORECASE)
TOC_RE = re.compile(r"(?:\.{4,}|…{2,}|\t)\s*\d{1,3}\s*$")
TABLE_HEAD_RE = re.compile(r"^§§?\s+(?:ärende|ärenden|ärendemening|rubrik|ärenderubrik|ämne)\b", re.IGNORECASE)
ROW_NUMBER_RE = re.compile(r"^§?\s*(\d{1,4})\s*([a-z])?\.?$")
CASE_RE = re.compile(r"\b(?:dnr|diarienr|diarienummer|dnr\.)\s*[.:]?\s*((?:[A-ZÅÄÖ]{1,6}[ -]?)?\d[\w./:-]*\d|\d+)", re.IGNORECASE)
TRAILER_RE = re.compile(
    r"^(?:kommande (?:möten|sammanträden|styrelsemöten)|nästa (?:möte|sammanträde|styrelsemöte)|underskrifter|"
    r"vid protokollet|justeras|justerandes signatur|protokollet justeras|mötesplan för|bilagor\s*:?$)",
    re.IGNORECASE,
)
CLOSING_RE = re.compile(r"\b(?:avslutas|avslutande|avslut|avslutning)\b", re.IGNORECASE)
SIGNATURE_LABEL_RE = re.compile(r"^(?:sekreterare|ordförande|justerare|justerande)\s*:?$", re.IGNORECASE)
TEXT_LIMIT = 400


@dataclass
class Block:
    """One paragraph's place in the line stream."""
    number: int
    title: str
    sub: str | None = None
    head: int = 0                  # index of the heading line
    start: int = 0                 # first body line
    end: int = 0                   # one past the last body line
    row: list[str] | None = None   # a "§§ Ärenden Beslut" table row's cells
    title_lines: set[int] = field(default_factory=set)
    case_lines: range = range(0)


def _heading(line: Line) -> tuple[int, str] | None:
    if line.blank or line.bullet or line.rule:
        return None
    text = line.text.strip()
    m = HEAD_RE.match(text) or HEAD_AFTER_RE.match(text)
    if not m or TOC_RE.search(text):
        return None
    title = m[2].replace("\t", " ").strip(" :")
    if CASE_RE.match(title) and len(title) < 40:
        title = ""  # "§ 31   Dnr KS 2024/101": the title is on the next line
    # A title starts like one: "§ 4 kap. socialtjänstlagen" in running text is no heading.
    if title and not (title[0].isupper() or title[0].isdigit() or title[0] in "\"'”“(«"):
        return None
    return int(m[1]), " ".join(title.split())


def _row(line: Line) -> tuple[int, str | None, list[str]] | None:
    parts = line.parts()
    if len(parts) < 2:
        return None
    m = ROW_NUMBER_RE.match(parts[0])
    return (int(m[1]), m[2], parts) if m else None


def locate(lines: list[Line], start: int = 0) -> list[Block]:
    """Every paragraph heading (and table row) from `start`, with body ranges."""
    blocks: list[Block] = []
    in_table = False
    i = start
    while i < len(lines):
        line = lines[i]
        if not line.blank and TABLE_HEAD_RE.match(line.text.strip()):
            in_table = True
            i += 1
            continue
        if in_table:
            row = _row(line) if not line.blank else None
            if row:
                number, sub, parts = row
                blocks.append(Block(number, "", sub, head=i, start=i + 1, end=i + 1, row=parts))
                i += 1
                continue
            if line.blank or line.rule:
                i += 1
                continue
            if line.cells is not None and blocks and blocks[-1].row and not line.parts()[0]:
                blocks[-1].row = _merge_rows(blocks[-1].row, line.parts())   # continuation row
                i += 1
                continue
            in_table = False
            blocks.append(Block(-1, "", head=i, start=i, end=i))       # marks where the table ended
            i += 1
            continue
        found = _heading(line)
        if found:
            number, title = found
            block = Block(number, title, head=i, start=i + 1)
            following = lines[i + 1] if i + 1 < len(lines) else None
            if (title and following is not None and not following.blank and not following.bullet
                    and following.text[:1].islower() and following.heading == line.heading
                    and not SUB_RE.match(following.text.strip())
                    and not title.endswith((".", ":", "!", "?"))):
                # "§ 43 Ansökan om förlängning av / insatsen Steget": the title wrapped onto the next line.
                block.title = f"{title} {' '.join(following.text.split())}"
                block.title_lines.add(i + 1)
                block.start = i + 2
            blocks.append(block)
        i += 1
    if not blocks:
        blocks = _numbered_items(lines, start)
    _close(blocks, lines)
    blocks = [b for b in blocks if b.number >= 0]
    _titles_from_following_lines(blocks, lines)
    return _with_subs(blocks, lines)


ITEM_RE = re.compile(r"^(\d{1,3})\s*[.)]\s+([A-ZÅÄÖ][^\t]{1,100})$")


def _numbered_items(lines: list[Line], start: int) -> list[Block]:
    """Without any "§", an association's protocol numbers its items "1. Mötets öppnande",
    "2. Val av justerare" …: taken as paragraphs when at least three run 1, 2, 3 … in order
    and read as titles (no full stop at the end)."""
    found: list[Block] = []
    for i in range(start, len(lines)):
        line = lines[i]
        if line.blank or line.bullet:
            continue
        m = ITEM_RE.match(line.text.strip())
        if not m or m[2].rstrip().endswith((".", ",", ";")) or TOC_RE.search(line.text):
            continue
        number = int(m[1])
        if (found and number == found[-1].number + 1) or (not found and number == 1):
            found.append(Block(number, " ".join(m[2].split()), head=i, start=i + 1))
        elif number == 1 and len(found) < 3:
            found = [Block(number, " ".join(m[2].split()), head=i, start=i + 1)]  # a fresh list starts over
    return found if len(found) >= 3 else []


def _merge_rows(row: list[str], more: list[str]) -> list[str]:
    merged = list(row) + [""] * max(0, len(more) - len(row))
    for k, cell in enumerate(more):
        if cell:
            merged[k] = f"{merged[k]} {cell}".strip()
    return merged


def _close(blocks: list[Block], lines: list[Line]) -> None:
    for k, block in enumerate(blocks):
        if block.row is not None:
            continue
        nxt = blocks[k + 1].head if k + 1 < len(blocks) else len(lines)
        block.end = nxt
    # The last real paragraph ends at the trailer.
    real = [b for b in blocks if b.number >= 0 and b.row is None]
    if real and real[-1] is blocks[-1]:
        last = real[-1]
        last.end = trailer_start(lines, last)


def trailer_start(lines: list[Line], block: Block) -> int:
    closing = bool(CLOSING_RE.search(block.title))
    for i in range(block.start, block.end):
        line = lines[i]
        if line.blank:
            continue
        text = line.text.strip()
        if TRAILER_RE.match(text) or SIGNATURE_LABEL_RE.match(text):
            return i
        if closing and (line.heading or line.rule) and i > block.start:
            return i
    return block.end


def _titles_from_following_lines(blocks: list[Block], lines: list[Line]) -> None:
    """A bare "§ 77" takes its title from the next line that is not a "Dnr" line."""
    for block in blocks:
        if block.title or block.row is not None:
            continue
        for i in range(block.start, min(block.end, block.start + 6)):
            line = lines[i]
            if line.blank or line.rule:
                continue
            if CASE_RE.match(line.text.strip()) and len(line.text) < 60:
                continue
            block.title = " ".join(line.text.replace("\t", " ").split())
            block.title_lines.add(i)
            block.case_lines = range(block.start, i)  # a "Dnr" between the § and its title
            block.start = i + 1
            break


def _with_subs(blocks: list[Block], lines: list[Line]) -> list[Block]:
    """Split a paragraph at lettered sub-items "a.", "b)" that follow in alphabetical order."""
    out: list[Block] = []
    for block in blocks:
        if block.row is not None:
            out.append(block)
            continue
        subs: list[Block] = []
        expected = "a"
        for i in range(block.start, block.end):
            line = lines[i]
            if line.blank or line.bullet or i in block.title_lines:
                continue
            m = SUB_RE.match(line.text.strip())
            if not m or m[1].casefold() != expected or line.text.rstrip().endswith(":"):
                continue
            title = m[2].strip()
            if not (title[0].isupper() or title[0].isdigit()) or len(title) > 120:
                continue
            subs.append(Block(block.number, title, m[1].casefold(), head=i, start=i + 1))
            expected = chr(ord(expected) + 1)
        if len(subs) < 2:
            out.append(block)
            continue
        for k, sub in enumerate(subs):
            sub.end = subs[k + 1].head if k + 1 < len(subs) else block.end
        intro = Block(block.number, block.title, head=block.head, start=block.start, end=subs[0].head)
        intro.title_lines = block.title_lines
        if DecisionReader(lines[intro.start:intro.end]).decisions():
            out.append(intro)  # the parent keeps its own decisions
        out.extend(subs)
    return out


# ---- building the Paragraph -----------------------------------------------------------


def _title_time(title: str) -> Interval | None:
    for m in RANGE_RE.finditer(title):
        if (m[1] or m[3] or m[5]) and clock(m[2], m[3]) and clock(m[4], m[5]):
            return Interval(clock(m[2], m[3]), clock(m[4], m[5]))
    m = SINGLE_RE.search(title)
    if m and clock(m[1], m[2]):
        return Interval(clock(m[1], m[2]), None)
    return None


_LIST_MARK = re.compile(r"^[A-ZÅÄÖ][,.)]$")
_PREPOSITIONS = {"från", "i", "av", "för", "med", "till", "om", "på", "hos", "och", "samt", "inom", "mot", "vid", "efter", "under"}


def split_cell_title(cell: str) -> tuple[str, str]:
    """A table cell holding "Title Body…": the title is its first line, else the words before the
    first sentence start (a capitalised word followed by a lower-case one, not after a
    preposition or comma) or a list marker "A,"."""
    if "\n" in cell:
        first, rest = cell.split("\n", 1)
        return " ".join(first.split()), " ".join(rest.split())
    tokens = cell.split()
    for i in range(1, len(tokens) - 1):
        tok, prev, nxt = tokens[i], tokens[i - 1], tokens[i + 1]
        if _LIST_MARK.match(tok):
            return " ".join(tokens[:i]), " ".join(tokens[i:])
        if (tok[:1].isupper() and nxt[:1].islower() and not prev.endswith(",")
                and prev.casefold() not in _PREPOSITIONS and not tok.isupper()):
            return " ".join(tokens[:i]), " ".join(tokens[i:])
    return " ".join(tokens), ""


def _case_number(title: str, body: list[Line]) -> tuple[str, str | None]:
    m = re.search(r"[,(]?\s*\b(?:dnr|diarienr|diarienummer)\b[^)]*\)?\s*$", title, re.IGNORECASE)
    if m:
        cm = CASE_RE.search(m[0])
        if cm:
            return title[: m.start()].strip(" ,"), cm[1]
    seen = 0
    for line in body:
        if line.blank:
            continue
        cm = CASE_RE.search(line.text)
        if cm and cm.start() < 40:
            return title, cm[1]
        seen += 1
        if seen >= 3:
            break
    return title, None


def body_text(lines: list[Line]) -> str:
    parts = []
    size = 0
    for line in lines:
        if line.blank or line.rule:
            continue
        text = " ".join(line.parts()) if "\t" in line.text or line.cells else line.text
        parts.append(" ".join(text.split()))
        size += len(parts[-1]) + 1
        if size > TEXT_LIMIT * 2:
            break
    return " ".join(p for p in parts if p)[:TEXT_LIMIT].strip()


_OMEDELBART = re.compile(r"\bomedelbar[t]?\s+juster|\bjusteras\s+omedelbart|\bomedelbart\s+justerad", re.IGNORECASE)
_TABLED = re.compile(r"\bbordl(?:äggs|ägga|agd|agt|ades|äggning)\b", re.IGNORECASE)
_CHANGE = re.compile(r"^[^.]{0,80}?\b(?:lämnar|ansluter|anländer|återkommer|går in|avviker)\b[^.]{0,40}?"
                     r"\b(?:mötet|sammanträdet|lokalen|under)\b[^.]{0,60}\.?", re.IGNORECASE)


def build(block: Block, lines: list[Line]) -> Paragraph:
    """The Paragraph for one located block (votes and reservations come later)."""
    if block.row is not None:
        cells = block.row
        title, text = split_cell_title(cells[1] if len(cells) > 1 else "")
        decision_cell = cells[2] if len(cells) > 2 else ""
        title, case = _case_number(title, [])
        para = Paragraph(block.number, title, sub=block.sub, case_number=case, text=text[:TEXT_LIMIT].strip(),
                         decisions=table_decisions(decision_cell), time=_title_time(title))
        para.tabled = any(_TABLED.search(d) for d in para.decisions)
        para.adjusted_immediately = bool(_OMEDELBART.search(" ".join(cells)))
        return para
    body = [ln for i, ln in enumerate(lines[block.start:block.end], block.start) if i not in block.title_lines]
    title, case = _case_number(block.title, body)
    for i in [block.head, *block.case_lines]:
        if case is None and (cm := CASE_RE.search(lines[i].text)):
            case = cm[1]
    decisions = DecisionReader(body).decisions()
    para = Paragraph(block.number, title, sub=block.sub, case_number=case, time=_title_time(title),
                     text=body_text(body), decisions=decisions)
    para.tabled = any(_TABLED.search(d) for d in decisions)
    para.adjusted_immediately = any(_OMEDELBART.search(ln.text) for ln in body)
    para.attendance_changes = [m[0].strip() for ln in body if not ln.blank and (m := _CHANGE.match(ln.text))][:20]
    return para
