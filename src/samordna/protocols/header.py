"""The protocol header: organisation, body (organ), meeting date/time/place, label, paragraph
range, adjustment and notice, and the officers named by labels.

Sources in order of trust: explicit labels ("Organ", "Sammanträdesdatum", "Tid", "Plats"),
then the first lines of the document ("Styrelsen för Samordningsförbundet Göteborg",
"Styrelseprotokoll"), then what the paragraphs say most often (an extract from a
municipal council names "Kommunfullmäktige" over and over).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from . import dates, names
from .interchange import Adjustment, Interval, Meeting, Notice, Officers
from .labels import OFFICER_KEYS, Label, match_label, value_lines
from .officers import OfficerReader
from .readers import Line

ASSOC_RE = re.compile(
    r"\b(?:Samordningsförbundet|Finsam)\s+(?:i\s+)?[A-ZÅÄÖ][\wåäö\-]+(?:\s+(?:[A-ZÅÄÖ][\wåäö\-]+|län))?"
    r"|\b[A-ZÅÄÖ][\wåäö\-]+s\s+[Ss]amordningsförbund\b"
)
MUNICIPALITY_RE = re.compile(r"\b([A-ZÅÄÖ][\wåäö\-]+ kommun|[A-ZÅÄÖ][\wåäö\-]+s (?:stad|Stad)|Region [A-ZÅÄÖ][\wåäö\-]+|"
                             r"Västra Götalandsregionen)\b")
ORGAN_RE = re.compile(
    r"\b((?:förbunds|kommun|region)?styrelse\w*|(?:kommun|region)?fullmäktige\w*|arbetsutskott\w*|[\wåäö]*nämnd\w*|"
    r"(?:förbunds)?direktion\w*|medlemssamråd\w*|beredningsgrupp\w*)", re.IGNORECASE)
MUNICIPAL_BODIES = ("Kommunfullmäktige", "Kommunstyrelsen", "Regionfullmäktige", "Regionstyrelsen")
LABEL_LINE_RE = re.compile(r"^(?:(?:sammanträdes|styrelse)?protokoll)\s+(?:nr\.?\s*)?(\d{1,3})(?:\s*[/,-]?\s*((?:19|20)\d\d))?$",
                           re.IGNORECASE)
REMOTE_RE = re.compile(r"\bdistans\b|\bdigital(?:t)?\b|\bteams\b|\bzoom\b|\bskype\b|\bvia länk\b|\bvideolänk\b|\bhybrid",
                       re.IGNORECASE)
DESCRIPTOR_RE = re.compile(r"möte\b|\bsammanträde\b|protokoll|samordningsförbund|finsam", re.IGNORECASE)


def organ_name(word: str) -> str | None:
    """"Styrelseprotokoll" → "Styrelsen", "Kommunfullmäktiges" → "Kommunfullmäktige"."""
    w = word.casefold()
    for stem, name in (("förbundsstyrelse", "Förbundsstyrelsen"), ("kommunstyrelse", "Kommunstyrelsen"),
                       ("regionstyrelse", "Regionstyrelsen"), ("styrelse", "Styrelsen"),
                       ("kommunfullmäktige", "Kommunfullmäktige"), ("regionfullmäktige", "Regionfullmäktige"),
                       ("fullmäktige", "Fullmäktige"), ("arbetsutskott", "Arbetsutskottet"),
                       ("förbundsdirektion", "Förbundsdirektionen"), ("direktion", "Direktionen"),
                       ("medlemssamråd", "Medlemssamrådet"), ("beredningsgrupp", "Beredningsgruppen")):
        if w.startswith(stem):
            return name
    m = re.match(r"([\wåäö]*nämnd)", w)
    if m and len(m[1]) > 5:
        return m[1].capitalize() + "en"
    return None


@dataclass
class Header:
    organisation: str = ""
    body: str = ""
    meeting: Meeting = field(default_factory=Meeting)
    paragraph_range: tuple[int, int] | None = None
    officers: Officers = field(default_factory=Officers)
    adjustment: Adjustment | None = None
    notice: Notice | None = None
    officer_orgs: dict[str, str] = field(default_factory=dict)   # name → organisation from signatures
    consumed: set[int] = field(default_factory=set)              # lines used as label values
    year_guess: str | None = None                                # warning text when a year was inferred
    body_guessed: bool = False                                   # body only from counting mentions


def _cells(lines: list[Line], region: range) -> list[str]:
    """The non-empty cells of the region's lines, with a name split over two lines joined
    ("Samordningsförbundet" / "Insjöriket")."""
    out: list[str] = []
    pending = None
    for i in region:
        for cell in lines[i].parts() if not lines[i].blank else []:
            if not cell:
                continue
            if pending and len(cell.split()) <= 3:
                cell = f"{pending} {cell}"
            pending = cell if cell.casefold() in ("samordningsförbundet", "finsam", "styrelsen för") else None
            if not pending:
                out.append(cell)
    return out


def _municipality(cell: str) -> str | None:
    m = re.fullmatch(r"([A-ZÅÄÖa-zåäö\-]+)\s+(kommun|stad)", cell.strip(), re.IGNORECASE)
    if not m or m[1].casefold() in ("samordningsförbundet", "samordningsförbund"):
        return None
    return f"{m[1].capitalize()} {m[2].casefold()}" if m[1].isupper() or m[2].isupper() else cell.strip()


def _split_organ(value: str) -> tuple[str | None, str | None]:
    """"Förbundsstyrelsen för Sjuhärads Samordningsförbund" → (body, organisation)."""
    m = re.match(r"^(\S+)\s+(?:för|i|inom)\s+(.+)$", value)
    if m and organ_name(m[1]):
        return organ_name(m[1]), m[2].strip(" .,:")
    m = re.match(r"^(\S+)\s+(.+)$", value)
    if m and organ_name(m[1]) and (names.is_association(m[2]) or names.looks_like_org(m[2])):
        return organ_name(m[1]), m[2].strip(" .,:")
    if organ_name(value.split()[0] if value.split() else ""):
        return organ_name(value.split()[0]), None
    return None, value.strip(" .,:") or None


class HeaderReader:
    def __init__(self, lines: list[Line], head: range, tail: range, years: Counter):
        self.lines = lines
        self.head = head            # lines before the first paragraph
        self.tail = tail            # lines after the last paragraph
        self.years = years
        self.h = Header()
        self.labels = []
        joined = -1
        for i in list(head) + list(tail):
            if i == joined:
                continue
            lab = match_label(lines[i], i)
            if not lab and i + 1 < len(lines) and _label_start(lines[i], lines[i + 1]):
                # "Justeringens" / "plats och tid<tab>Kommunhuset 2024-04-29": a label wrapped over two lines.
                lab = match_label(Line(f"{lines[i].text.strip()} {lines[i + 1].text.strip()}"), i + 1)
                joined = i + 1
            if lab:
                self.labels.append(lab)
                continue
            if ". " in lines[i].text:
                self.labels.extend(_sentence_labels(lines[i], i))
            # "Styrelsen\tSammanträdesdatum 2024-09-27": a label in a later column of a page header.
            for part in lines[i].parts()[1:]:
                lab = match_label(Line(part), i)
                if lab and lab.inline and lab.key not in OFFICER_KEYS:
                    self.labels.append(lab)

    def read(self) -> Header:
        self._organ()
        self._meeting()
        self._label_and_range()
        self._adjustment_and_notice()
        OfficerReader(self.lines, self.labels, list(self.head) + list(self.tail), self.h).read()
        return self.h

    # ---- helpers

    def _value(self, label: Label) -> list[tuple[int, str]]:
        values = [(label.index, label.inline)] if label.inline else value_lines(self.lines, label)
        return [(i, " ".join(v.replace("\t", " ").split())) for i, v in values]

    def _first(self, key: str) -> Label | None:
        return next((lab for lab in self.labels if lab.key == key), None)

    def _date(self, text: str) -> str | None:
        for hit in dates.find_dates(text):
            year = hit.year
            if year is None:
                year, certain = dates.infer_year(hit, self.years)
                if year and not certain:
                    self.h.year_guess = f"Årtal saknas i datumet \"{text[hit.start:hit.end]}\"; antog {year}."
            date = hit.resolve(year)
            if date:
                return date.isoformat()
        return None

    # ---- organ and organisation

    def _organ(self) -> None:
        body = org = None
        for lab in self.labels:
            if lab.key == "organ":
                value = " ".join(v for _, v in self._value(lab))
                b, o = _split_organ(value)
                body, org = body or b, org or o
        head_cells = _cells(self.lines, self.head)
        for cell in head_cells[:12]:
            m = re.match(r"^(\S+)\s+(?:för|i)\s+(.{3,80})$", cell)
            if m and organ_name(m[1]) and names.is_association(m[2]):
                body, org = body or organ_name(m[1]), org or m[2].strip(" .,:")
        if not org:
            org = next((m[0] for cell in head_cells if (m := ASSOC_RE.search(cell))), None)
        if not body:
            for cell in head_cells[:12]:
                m = ORGAN_RE.search(cell)
                if m and organ_name(m[1]) and len(cell) < 80:
                    body = organ_name(m[1])
                    break
        if not body:
            counts = Counter(organ_name(m[1]) for line in self.lines[self.head.start:]
                             for m in ORGAN_RE.finditer(line.text) if organ_name(m[1]))
            if counts:
                body = counts.most_common(1)[0][0]
                self.h.body_guessed = True
        if body in MUNICIPAL_BODIES or not org:
            # "LINDBY KOMMUN" or "Bergsjö kommun" at the top names the municipality; else the most mentioned one.
            top = next((_municipality(c) for c in head_cells[:12] if _municipality(c)), None)
            counts = Counter(m[1] for line in self.lines for m in MUNICIPALITY_RE.finditer(line.text))
            if top or counts:
                org = top or counts.most_common(1)[0][0]
        if not org:
            for line in self.lines:
                m = ASSOC_RE.search(line.text)
                if m:
                    org = m[0]
                    break
        self.h.organisation = org or ""
        self.h.body = body or ("Styrelsen" if names.is_association(org) else "")

    # ---- meeting

    def _meeting(self) -> None:
        meeting = self.h.meeting
        date_sources: list[tuple[int, str]] = []   # (priority, text)
        place = None
        for lab in self.labels:
            if lab.index not in self.head and lab.key not in ("meeting_date",):
                continue
            values = self._value(lab)
            text = " ".join(v for _, v in values)
            if lab.key == "meeting_date":
                date_sources.append((0, text))
            elif lab.key == "date":
                date_sources.append((1, text))
            elif lab.key in ("time", "place_time"):
                date_sources.append((2, text))
                self._clock(text)
                if lab.key == "place_time":
                    place = place or self._place_from(values, described=True)
            elif lab.key == "place":
                place = place or self._place_from(values, described=False)
        for i in list(self.head)[:60]:
            line = self.lines[i]
            if not line.blank and dates.find_dates(line.text) and not match_label(line, i):
                date_sources.append((3, line.text))
                if meeting.start is None:
                    self._clock(line.text)
                break
        for _, text in sorted(date_sources, key=lambda s: s[0]):
            found = self._date(text)
            if found:
                meeting.date = found
                break
        if place:
            if REMOTE_RE.search(place):
                meeting.remote_participation = True
            place = re.sub(r"\s*\([^)]*\)", "", place).strip(" .,;*")
            meeting.place = place or None

    def _clock(self, text: str) -> None:
        meeting = self.h.meeting
        for start, end in dates.breaks(text):
            meeting.breaks.append(Interval(start, end))
        start, end, _ = dates.time_range(dates.strip_breaks(text))
        if start and meeting.start is None:
            meeting.start, meeting.end = start, end

    def _place_from(self, values: list[tuple[int, str]], described: bool) -> str | None:
        """The place in a label's value, without date and clock; under "Plats och tid" a line that
        describes the meeting ("Styrelsemöte Samordningsförbundet Skaraborg") is no place."""
        for _, value in values:
            # Take out dates and clock times: "Måndag 4 mars 2024 kl. 13.00–15.00, Kommunhuset i Lindby".
            for hit in reversed(dates.find_dates(value)):
                value = value[: hit.start] + " " + value[hit.end:]
            _, _, span = dates.time_range(value)
            if span:
                value = value[: span[0]] + " " + value[span[1]:]
            value = re.sub(r"\b(?:kl\.?|klockan)(?=\s|$)", " ", value, flags=re.IGNORECASE)
            value = re.sub(r"\s*,\s*(?:,\s*)+", ", ", " ".join(value.split())).strip(" ,.;–-")
            if not value or described and DESCRIPTOR_RE.search(value) and not re.search(r"\d", value):
                continue
            return value
        return None

    # ---- label and paragraph range

    def _label_and_range(self) -> None:
        head = [i for i in self.head if not self.lines[i].blank]
        for k, i in enumerate(head[:40]):
            m = LABEL_LINE_RE.match(self.lines[i].text.strip())
            if m:
                year = m[2]
                if not year and k + 1 < len(head) and re.fullmatch(r"(?:19|20)\d\d", self.lines[head[k + 1]].text.strip()):
                    year = self.lines[head[k + 1]].text.strip()
                self.h.meeting.protocol_label = f"Protokoll {m[1]}" + (f" {year}" if year else "")
                break
        for lab in self.labels:
            if lab.key == "range":
                numbers = [int(n) for _, v in self._value(lab) for n in re.findall(r"\d{1,5}", v)]
                if numbers:
                    self.h.paragraph_range = (numbers[0], numbers[-1] if len(numbers) > 1 else numbers[0])
                    break

    # ---- adjustment and notice

    def _adjustment_and_notice(self) -> None:
        notice = Notice()
        adjustment = Adjustment()
        for lab in self.labels:
            values = self._value(lab)
            text = " ".join(v for _, v in values)
            if not text:
                continue
            if lab.key == "adjust" and not adjustment.date:
                hits = dates.find_dates(text)
                if hits:
                    adjustment.date = self._date(text)
                    rest = (text[: hits[0].start] + " " + text[hits[0].end:]).strip()
                    rest = re.sub(r"\b(?:kl\.?|klockan)\s*\d{1,2}(?:[.:]\d\d)?", "", rest, flags=re.IGNORECASE)
                    rest = re.sub(r"^(?:den|i|på|,)\s+", "", rest.strip(" ,."), flags=re.IGNORECASE).strip(" ,.")
                    adjustment.place = rest or None
                    self.h.consumed.update(i for i, _ in values)
            elif lab.key == "notice_range":
                found = [h.resolve(self._year()) for h in dates.find_dates(text)]
                found = [d.isoformat() for d in found if d]
                if found and not notice.posted:
                    notice.posted = found[0]
                    notice.removed = found[1] if len(found) > 1 else notice.removed
            elif lab.key == "notice_posted" and not notice.posted:
                notice.posted = self._date(text)
            elif lab.key == "notice_removed" and not notice.removed:
                notice.removed = self._date(text)
            elif lab.key == "kept_at" and not notice.kept_at:
                notice.kept_at = text.strip(" .") or None
        self.h.notice = notice if (notice.posted or notice.removed or notice.kept_at) else None
        self.h.adjustment = adjustment if (adjustment.date or adjustment.place) else None

    def _year(self) -> int | None:
        return int(self.h.meeting.date[:4]) if self.h.meeting.date else None


def _label_start(line: Line, following: Line) -> bool:
    words = line.text.split()
    return (0 < len(words) <= 2 and "\t" not in line.text and not following.blank
            and following.text[:1].islower() and match_label(Line(f"{line.text.strip()} {following.text.strip()}"), 0) is not None)


def _sentence_labels(line: Line, index: int) -> list[Label]:
    """"Protokollet har justerats. Anslaget sätts upp: 2024-02-15" — notice labels inside a line."""
    out = []
    for sentence in re.split(r"(?<=[a-zåäö0-9)])\.\s+(?=[A-ZÅÄÖ])", line.text)[1:]:
        lab = match_label(Line(sentence), index)
        if lab and lab.inline and lab.key in ("notice_posted", "notice_removed", "notice_range", "kept_at", "adjust"):
            out.append(lab)
    return out
