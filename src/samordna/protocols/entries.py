"""One attendance entry cut into its parts: name, party "(S)", function ("ordförande",
"förbundschef"), organisation, "ersätter X", remote ("*", "på distans") and presence
("är med mellan kl 10:15 – 11:00", "§ 41", "under §§ 41–43", "från kl 14.00").

Entries come as a line ("Anna Ek (S), Exempelby kommun, ordförande"), a table row whose
first cell holds the people, or running text with several people ("förbundschef A,
biträdande förbundschef B. Revisionen under § 1124, C … och D … under § 1135").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import names
from .dates import clock
from .interchange import Presence
from .readers import Line

_TIME = r"(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?"
CLOCK_PRESENCE_RE = re.compile(
    rf",?\s*(?:(?:är|var)\s+med\s+|närvarande\s+|deltar\s+|närvarar\s+)?(?:mellan\s+)?{_TIME}\s*(?:[-–—]|till)\s*{_TIME}(?![\d])",
    re.IGNORECASE)
FROM_CLOCK_RE = re.compile(rf",?\s*(?:(?:är|var)\s+med\s+)?(?:från|fr\.?o\.?m\.?|ankommer|anländer|ansluter)\s+kl\.?\s*(\d{{1,2}})(?:[.:](\d{{2}}))?",
                           re.IGNORECASE)
TO_CLOCK_RE = re.compile(rf",?\s*(?:(?:är|var)\s+med\s+)?(?:till|t\.?o\.?m\.?|lämnar(?:\s+mötet|\s+sammanträdet)?|går|avviker)\s+kl\.?\s*(\d{{1,2}})(?:[.:](\d{{2}}))?",
                         re.IGNORECASE)
PARA_PRESENCE_RE = re.compile(
    r",?\s*(?:(?:är|var)\s+med\s+|närvarande\s+|deltar\s+)?(?P<q>under|från|fr\.?o\.?m\.?|till och med|t\.?o\.?m\.?|efter)?\s*"
    r"§§?\s*(?P<list>\d{1,5}(?:\s*(?:[-–]|,|och|\+)\s*§?\s*\d{1,5})*)",
    re.IGNORECASE)
REPLACES_RE = re.compile(r",?\s*(?:ersätter|tjänstgör för|tjänstgörande för|i stället för|istället för|ersättare för|(?<=\))\s*för)\s+"
                         r"(?P<name>[A-ZÅÄÖ][^,;()\t]*?)(?=\s*(?:[,;()\t]|$|\s+(?:under|från|är)\b))", re.IGNORECASE)
REMOTE_RE = re.compile(r"\(\s*(?:på\s+)?distans\s*\)|^\s*(?:på\s+)?distans\s*$|,?\s*\b(?:deltar\s+)?(?:på distans|digitalt|via (?:teams|zoom|länk))\b|(?<=[\w)])\*(?=\s|$|,)",
                       re.IGNORECASE)
# A "Roll" column in an attendance table: the row's role overrides the section's.
ROLE_CELL: list[tuple[str, str, str | None]] = [
    (r"(?:1:e |förste )?vice ordförande", "member", "vice_chair"),
    (r"2:e vice ordförande", "member", "2:e vice ordförande"),
    (r"ordförande", "member", "chair"),
    (r"(?:ordinarie |beslutande )?ledamot|ledamöter", "member", None),
    (r"tjänstgörande ersättare", "serving_substitute", None),
    (r"(?:ej tjänstgörande |icke tjänstgörande )?ersättare", "substitute", None),
    (r"adjungerad|adjungerade|adjungerad ledamot", "co_opted", None),
    (r"frånvarande|förhinder|anmält förhinder|meddelat förhinder|ej närvarande", "absent", None),
    (r"gäst|inbjuden", "guest", None),
    (r"tjänsteperson|tjänsteman", "official", None),
]
ROLE_CELL_RE = [(re.compile(rf"^(?:{p})(?![\wåäö])", re.IGNORECASE), r, f) for p, r, f in ROLE_CELL]
# A sentence ends at a period after a word ("… Hans Ro. Revisionen …"), not after an abbreviation.
SENTENCE_RE = re.compile(r"(?<=[a-zåäö])(?<!bitr)(?<!adm)(?<!admin)(?<!resp)(?<!\bev)(?<!\bca)(?<!\btf)(?<!\bnr)(?<!\bkl)"
                         r"\.\s+(?=[A-ZÅÄÖ])")


@dataclass
class Entry:
    name: str
    party: str | None = None
    function: str | None = None
    organisation: str | None = None
    replaces: str | None = None
    remote: bool = False
    present: list[Presence] = field(default_factory=list)
    role: str | None = None   # from a "Roll" column


def cell_role(cell: str) -> tuple[str, str | None, str] | None:
    """(role, function, rest of the cell) when a table cell states the row's role."""
    for regex, role, function in ROLE_CELL_RE:
        m = regex.match(cell.strip())
        if m:
            return role, function, cell.strip()[m.end():]
    return None


# ---- presence and markers --------------------------------------------------------------------


def _paragraph_presence(m: re.Match) -> list[Presence]:
    out = []
    q = (m["q"] or "").casefold().replace(" ", "")
    for piece in re.split(r"\s*(?:,|och|\+)\s*", m["list"]):
        numbers = [int(n) for n in re.findall(r"\d{1,5}", piece)]
        if not numbers:
            continue
        lo, hi = numbers[0], numbers[-1]
        if q in ("från", "fr.o.m.", "fromm", "from", "fr.o.m", "efter"):
            out.append(Presence(from_paragraph=lo + (1 if q == "efter" else 0)))
        elif q in ("tillochmed", "t.o.m.", "tom", "t.o.m"):
            out.append(Presence(to_paragraph=hi))
        else:
            out.append(Presence(from_paragraph=lo, to_paragraph=hi))
    return out


def take_markers(text: str) -> tuple[str, dict]:
    """Remove presence, party, "ersätter X" and remote markers from `text`; return what was found."""
    found: dict = {"present": [], "party": None, "replaces": None, "remote": False}
    m = REPLACES_RE.search(text)
    if m:
        found["replaces"] = names.fold(m["name"]).strip(" .")
        text = text[: m.start()] + text[m.end():]
    for m in list(CLOCK_PRESENCE_RE.finditer(text)):
        start, end = clock(m[1], m[2]), clock(m[3], m[4])
        if start and end and (m[2] or m[4] or "kl" in m[0].casefold()):
            found["present"].append(Presence(start=start, end=end))
            text = text.replace(m[0], " ", 1)
    for regex, key in ((FROM_CLOCK_RE, "start"), (TO_CLOCK_RE, "end")):
        for m in list(regex.finditer(text)):
            value = clock(m[1], m[2])
            if value:
                found["present"].append(Presence(**{key: value}))
                text = text.replace(m[0], " ", 1)
    for m in list(PARA_PRESENCE_RE.finditer(text)):
        found["present"].extend(_paragraph_presence(m))
        text = text.replace(m[0], " ", 1)
    if REMOTE_RE.search(text):
        found["remote"] = True
        text = REMOTE_RE.sub(" ", text)
    text = re.sub(r"\(\s*\)", " ", text)
    parties = names.PARTY_RE.findall(text)
    if parties:
        found["party"] = parties[0].upper()
        text = names.PARTY_RE.sub(" ", text)
    return " ".join(text.split()).strip(" ,.;:"), found


def _apply(entry: Entry, found: dict) -> None:
    entry.present.extend(found["present"])
    entry.party = entry.party or found["party"]
    entry.replaces = entry.replaces or found["replaces"]
    entry.remote = entry.remote or found["remote"]


# ---- entries ----------------------------------------------------------------------------------


def _protect(text: str) -> str:
    """Keep "§§ 41, 43" and "§§ 41 och 43" together through comma and "och" splitting."""
    return re.sub(r"§§?\s*\d{1,5}(?:\s*(?:,|och|[-–])\s*\d{1,5})+",
                  lambda m: re.sub(r"\s*(?:,|och)\s*", "+", m[0]), text)


def _split_commas(text: str) -> list[str]:
    parts, depth, current = [], 0, []
    for ch in text:
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def _person(text: str, allow_entity: bool) -> Entry | None:
    """"förbundschef Karin Ås-Holm", "Lisa Varg förbundschef sof Sjuhärad",
    "Maria Sten ordförande", "Nils Ahl AF"; with allow_entity a lone
    capitalised word ("Revisionen") is a participant too."""
    hit = names.find_name(text)
    if hit is None:
        t = text.strip(" .")
        if allow_entity and re.fullmatch(rf"[{names.UPPER}][{names.LOWER}]+", t) and not names.looks_like_org(t):
            return Entry(t)
        return None
    name, start, end = hit
    before, after = text[:start].strip(" ,"), text[end:].strip(" ,")
    if before and not names.is_title(before):
        return None  # "Styrelsen för Samordningsförbundet …" is no person
    entry = Entry(name, function=before or None)
    if after:
        function, rest = names.split_title_prefix(after)
        entry.function = entry.function or function
        if rest:
            entry.organisation = rest.strip(" ,.")
    return entry


def _classify_tail(entry: Entry, part: str) -> None:
    if not part:
        return
    if names.is_title(part) and not entry.function:
        entry.function = part
    elif not entry.organisation:
        entry.organisation = part
    elif not entry.function and part[:1].islower():
        entry.function = part


def _unwrap(text: str) -> str:
    """"Hedda Sund (ordförande, Region Exempel)" → "Hedda Sund, ordförande, Region Exempel"; a party stays."""
    return re.sub(r"\s*\(([^()]{0,200})\)",
                  lambda m: m[0] if re.fullmatch(r"\s*[A-ZÅÄÖa-zåäö]{1,4}\s*", m[1]) else ", " + m[1], text)


def parse_text(text: str, allow_entity: bool = False) -> list[Entry]:
    """Running text or one "Name (P), Org, function" line → entries."""
    entries: list[Entry] = []
    for sentence in (s for chunk in SENTENCE_RE.split(_protect(_unwrap(text))) for s in chunk.split(";")):
        current: Entry | None = None
        for part in _split_commas(sentence):
            clean, found = take_markers(part)
            if clean in names.PARTY_CODES and current is not None:
                current.party = current.party or clean  # "Ulla Fri, S, ledamot"
                continue
            pieces = re.split(r"\s+och\s+", clean) if " och " in clean else [clean]
            made = []
            for piece in pieces:
                entry = _person(piece, allow_entity and current is None and not made) if piece else None
                if entry:
                    made.append(entry)
                elif current is not None and piece:
                    function, rest = names.split_title_prefix(piece)
                    if function and not current.function:
                        current.function = function
                        piece = rest
                    _classify_tail(current, piece)
            if len(pieces) > 1 and len(made) < len(pieces) and made:
                # "Statisticon och Göteborgs stad" is no list of people: keep it whole.
                pass
            for entry in made:
                _apply(entry, found)
            if not made and current is not None:
                _apply(current, found)
            entries.extend(made)
            current = made[-1] if made else current
    return entries


def parse_row(line: Line, allow_entity: bool) -> list[Entry]:
    """A tab-table row: the first cell holds the people, the others organisation, function, presence."""
    cells = [c for c in line.parts()]
    while cells and not cells[0]:
        cells.pop(0)
    if len([c for c in cells if c]) < 2:
        return parse_text(line.text.replace("\t", " "), allow_entity)
    people = parse_text(cells[0], allow_entity)
    for cell in cells[1:]:
        if not cell:
            continue
        stated = cell_role(cell)
        if stated:
            role, function, cell = stated
            for entry in people:
                entry.role = role
                entry.function = function or entry.function
            # "Tjänstgörande ersättare för Ola Fors (L)": keep the rest for "för X".
            cell = re.sub(r"^\s*för\s+", "ersätter ", cell) if role == "serving_substitute" else cell
        for part in _split_commas(_protect(cell)):
            clean, found = take_markers(part)
            for entry in people:
                _apply(entry, found)
                _classify_tail(entry, clean)
    return people
