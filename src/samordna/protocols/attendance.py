"""Attendance: people under role headings ("Beslutande", "Ledamöter", "Tjänstgörande ersättare",
"Ersättare", "Adjungerade", "Övriga", "Meddelat förhinder"), as one person a line, tab tables,
or running text ("Övriga deltagare: förbundschef A, biträdande förbundschef B. Revisionen
under § 1124, C förbundschef sof Sjuhärad och D … under § 1135").

Entries are cut into their parts in entries.py; here the sections decide each person's role
(a "Roll" column or side-by-side columns override the heading) and whether staff are the
association's own officials or guests.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import names
from .entries import Entry, parse_row, parse_text
from .interchange import Absent, Attendee
from .labels import SIGNATURE_KEYS, match_label
from .readers import Line

ROLE_HEADINGS: list[tuple[str, str, str | None]] = [
    (r"tjänstgörande ersättare|tjänstgörande ersättare för ledamöter", "serving_substitute", None),
    (r"(?:icke|ej) tjänstgörande ersättare|närvarande ersättare|övriga ersättare|ersättare", "substitute", None),
    (r"adjungerade ledamöter|adjungerad ledamot|adjungerade|adjungerad|adjungerande", "co_opted", None),
    (r"meddelat förhinder|anmält förhinder|anmält frånvaro|frånvarande ledamöter|frånvarande ersättare|frånvarande|"
     r"ej närvarande|förhinder|meddelad frånvaro", "absent", None),
    (r"beslutande ledamöter|beslutande|ordinarie ledamöter|närvarande ledamöter|tjänstgörande ledamöter|övriga ledamöter|"
     r"ledamöter|ledamot|styrelseledamöter|närvarande styrelseledamöter|närvarande|närvarolista|närvaroförteckning",
     "member", None),
    (r"tjänstepersoner|tjänstemän|närvarande tjänstepersoner|närvarande tjänstemän|föredragande|kansliet|från kansliet",
     "official", None),
    (r"gäster|inbjudna|inbjudna gäster|inbjuden", "guest", None),
    (r"övriga närvarande|övriga deltagare|övriga deltagande|övriga|deltagare|sakkunniga|övriga som deltog|"
     r"dessutom närvarande|även närvarande|dessutom deltog|även deltog|deltagarlista", "other", None),
    (r"1:e vice ordförande|förste vice ordförande|vice ordförande", "member", "vice_chair"),
    (r"ordförande", "member", "chair"),
]
_ROLE_ALT = "|".join(f"(?P<r{k}>{p})" for k, (p, _, _) in enumerate(ROLE_HEADINGS))
ROLE_RE = re.compile(rf"^(?:{_ROLE_ALT})(?![\wåäö])(?:\s*\([^)]{{0,40}}\))?\s*(?:(?::|\t)\s*(?P<inline>.*))?$", re.IGNORECASE)

BOARD_FUNCTIONS = {"chair", "vice_chair", "2:e vice ordförande", "ledamot", "ersättare", "justerare", "adjungerad"}


# ---- sections ---------------------------------------------------------------------------------


def _genitive_org(function: str | None) -> str | None:
    """"samordningsförbundets förbundschef" → "samordningsförbundet": the employer named in the title."""
    for word in (function or "").split()[:-1]:
        stem = word.casefold()[:-1] if word.casefold().endswith("s") else ""
        if stem and names.is_org_token(stem):
            return stem
    return None


def role_heading(line: Line) -> tuple[str, str | None, str, bool] | None:
    """(role, function, inline text, whether the inline text follows a colon) for an attendance heading."""
    if line.blank or line.bullet:
        return None
    m = ROLE_RE.match(line.text.strip())
    if not m:
        return None
    index = next(int(k[1:]) for k, v in m.groupdict().items() if v is not None and k.startswith("r"))
    _, role, function = ROLE_HEADINGS[index]
    inline = (m["inline"] or "").strip()
    return role, function, inline, bool(inline) and ":" in m.group(0)[: m.start("inline")]


def _next_text(lines: list[Line], i: int) -> Line | None:
    for j in range(i + 1, min(len(lines), i + 5)):
        if not lines[j].blank:
            return lines[j]
    return None


def _is_row_header(line: Line) -> bool:
    cells = {c.casefold().strip(" :") for c in line.parts() if c}
    return bool(cells) and cells <= {"namn", "ledamot", "ledamöter", "parti", "organisation", "funktion", "roll",
                                     "part", "representerar", "ersättare", "närvarande", "kommentar", "§", "§§", "tid",
                                     "anmärkning", "anteckning", "noteringar", "not", "närvaro", "ersätter", "titel",
                                     "befattning", "uppdrag", "deltar", "medlem", "medlemsorganisation"}


@dataclass
class Attendance:
    attendees: list[Attendee] = field(default_factory=list)
    absent: list[Absent] = field(default_factory=list)


class AttendanceReader:
    def __init__(self, lines: list[Line], region: range, own_organisation: str):
        self.lines = lines
        self.region = region
        self.own = names.org_key(own_organisation)
        self.own_name = own_organisation.casefold()
        self.own_is_association = names.is_association(own_organisation)
        self.result = Attendance()
        self.seen: set[str] = set()

    def read(self) -> Attendance:
        section: tuple[str, str | None] | None = None
        signature = False
        last: list[Entry] = []
        skip_until = -1
        columns: list[tuple[str, str | None]] | None = None
        for i in self.region:
            if i <= skip_until:
                continue
            line = self.lines[i]
            if line.blank:
                columns = None
                continue
            heads = [role_heading(Line(part)) for part in line.parts()]
            if len(heads) >= 2 and all(h and not h[2] for h in heads):
                # "Ledamöter<tab>Tjänstgörande ersättare": side-by-side columns, one role each.
                columns = [(h[0], h[1]) for h in heads]
                section = columns[0]
                continue
            if columns and not match_label(line, i) and not line.heading and "\t" in line.text:
                for k, cell in enumerate(line.parts()):
                    if cell and k < len(columns):
                        last = self._add(parse_text(cell), columns[k]) or last
                continue
            if line.rule:
                if "\t" not in line.text and line.cells is None:
                    section = None
                continue
            heading = role_heading(line)
            if heading and heading[1] in ("chair", "vice_chair"):
                following = _next_text(self.lines, i)
                looks = following is not None and not role_heading(following) and bool(
                    names.PARTY_RE.search(following.text) or "," in following.text or "\t" in following.text)
                if not line.heading or signature or heading[2] or not looks:
                    heading = None
                    section = None
                    continue
            if heading:
                role, function, inline, running = heading
                section = (role, function)
                if inline and running:
                    # "Övriga deltagare: A, B. C under § 1124, …" may wrap over the next lines.
                    text, skip_until = self._continued(inline, i)
                    last = self._add(parse_text(text, allow_entity=True), section)
                elif inline:
                    # "Beslutande<tab>Anna Nord (S), …": a label column; later lines carry on the list.
                    last = self._add(parse_row(Line(inline), allow_entity=role in ("other", "guest", "official")), section)
                continue
            label = match_label(line, i)
            if label and section and section[0] in ("member", "serving_substitute") and label.inline \
                    and label.key in ("chair", "vice_chair"):
                # "Ordförande Ulf Strand (KD), Växjö kommun" inside a list: a person with a function.
                entries = parse_row(line, allow_entity=False)
                if entries:
                    last = self._add(entries, section) or last
                    continue
            if label:
                section = None
                signature = signature or label.key in SIGNATURE_KEYS or label.key in ("secretary", "adjusters")
                continue
            if _is_row_header(line):
                continue  # "Namn<tab>Organisation<tab>Roll", often bold, heads the table it belongs to
            if line.heading or section is None:
                if line.heading:
                    section = None
                continue
            if line.text[:1].islower() and last:
                # A wrapped line continues the previous person ("… Petra Nord / biträdande förbundschef …").
                for entry in parse_text(f"{last[-1].name} {line.text}", allow_entity=False)[:1]:
                    self._merge(last[-1], entry)
                continue
            entries = parse_row(line, allow_entity=section[0] in ("other", "guest", "official"))
            last = self._add(entries, section) or last
        return self.result

    def _continued(self, text: str, i: int) -> tuple[str, int]:
        """Inline text after "Övriga deltagare:" may wrap over the following lines."""
        j = i + 1
        while j < len(self.lines) and not self.lines[j].blank and not self.lines[j].rule:
            if role_heading(self.lines[j]) or match_label(self.lines[j], j) or self.lines[j].heading:
                break
            text += " " + self.lines[j].text.replace("\t", " ")
            j += 1
        return text, j - 1

    def _own_kind(self, org: str) -> bool:
        """"förbundets ekonom" in an association's protocol, "kommunens jurist" in a municipality's."""
        o = org.casefold()
        if o in ("förbundet", "kansliet", "kansli") or o.startswith("förbundets"):
            return True
        kinds = (("samordningsförbund", self.own_is_association), ("kommun", "kommun" in self.own_name))
        return any(o.startswith(word) and own for word, own in kinds) and " " not in o

    @staticmethod
    def _merge(target: Entry, extra: Entry) -> None:
        target.function = target.function or extra.function
        target.organisation = target.organisation or extra.organisation
        target.present.extend(extra.present)

    def _role(self, entry: Entry, role: str) -> str:
        if role == "other":
            org = entry.organisation or _genitive_org(entry.function)
            if org:
                key = names.org_key(org)
                own = bool(self.own) and self.own <= key and (names.is_association(org) or "kansli" in org.casefold())
                return "official" if own or self._own_kind(org) else "guest"
            return "official" if entry.function and names.is_title(entry.function) else "guest"
        if role in ("member", "substitute", "co_opted") and entry.function and not entry.party \
                and names.is_title(entry.function) and names.function_code(entry.function) not in BOARD_FUNCTIONS:
            return "official"  # "Lena Gren, förbundschef" in a list without role headings
        if role in ("substitute", "member") and entry.replaces:
            return "serving_substitute"
        if role == "member" and entry.function and entry.function.casefold() == "ersättare":
            return "serving_substitute"
        return role

    def _add(self, entries: list[Entry], section: tuple[str, str | None]) -> list[Entry]:
        added = []
        for entry in entries:
            role, function = (entry.role, None) if entry.role else section
            key = entry.name.casefold()
            if key in self.seen:
                continue
            self.seen.add(key)
            added.append(entry)
            if role == "absent":
                self.result.absent.append(Absent(entry.name, entry.organisation, entry.party, entry.function))
                continue
            fn = names.function_code(function or entry.function)
            if fn in ("ersättare", "ledamot"):
                fn = None
            self.result.attendees.append(Attendee(
                entry.name, self._role(entry, role), fn, entry.organisation, entry.party, entry.replaces,
                entry.remote, entry.present))
        return added
