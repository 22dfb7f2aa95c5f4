"""The protocol interchange format (protocol.schema.json, "samordna.protocol/1") as dataclasses.

`Protocol.to_dict()` gives schema-valid JSON data. Optional keys that carry nothing (empty
lists, False flags, None on optional objects) are left out as the hand-labelled files do;
the nullable meeting fields and the officers are always written so a reader sees the gaps.
`validate()` checks data against the schema and answers in Swedish, naming the field.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

SCHEMA_ID = "samordna.protocol/1"


@dataclass
class Interval:
    start: str | None = None
    end: str | None = None

    def to_dict(self) -> dict:
        return {"from": self.start, "to": self.end}

    @classmethod
    def from_dict(cls, d: dict | None) -> Interval | None:
        return None if d is None else cls(d.get("from"), d.get("to"))


@dataclass
class Presence:
    start: str | None = None
    end: str | None = None
    from_paragraph: int | None = None
    to_paragraph: int | None = None

    def to_dict(self) -> dict:
        out = {"from": self.start, "to": self.end, "from_paragraph": self.from_paragraph, "to_paragraph": self.to_paragraph}
        return {k: v for k, v in out.items() if v is not None}

    @classmethod
    def from_dict(cls, d: dict) -> Presence:
        return cls(d.get("from"), d.get("to"), d.get("from_paragraph"), d.get("to_paragraph"))


@dataclass
class Attendee:
    name: str
    role: str  # member | serving_substitute | substitute | co_opted | official | guest
    function: str | None = None
    organisation: str | None = None
    party: str | None = None
    replaces: str | None = None
    remote: bool = False
    present: list[Presence] = field(default_factory=list)

    def to_dict(self) -> dict:
        out: dict[str, Any] = {"name": self.name, "role": self.role}
        for key in ("function", "organisation", "party", "replaces"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.remote:
            out["remote"] = True
        if self.present:
            out["present"] = [p.to_dict() for p in self.present]
        return out

    @classmethod
    def from_dict(cls, d: dict) -> Attendee:
        return cls(d["name"], d["role"], d.get("function"), d.get("organisation"), d.get("party"), d.get("replaces"),
                   bool(d.get("remote", False)), [Presence.from_dict(p) for p in d.get("present") or []])


@dataclass
class Absent:
    name: str
    organisation: str | None = None
    party: str | None = None
    role: str | None = None

    def to_dict(self) -> dict:
        out = {"name": self.name, "organisation": self.organisation, "party": self.party, "role": self.role}
        return {k: v for k, v in out.items() if v}

    @classmethod
    def from_dict(cls, d: dict) -> Absent:
        return cls(d["name"], d.get("organisation"), d.get("party"), d.get("role"))


@dataclass
class Officers:
    chair: str | None = None
    vice_chair: str | None = None
    secretary: str | None = None
    adjusters: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"chair": self.chair, "vice_chair": self.vice_chair, "secretary": self.secretary,
                "adjusters": list(self.adjusters)}

    @classmethod
    def from_dict(cls, d: dict | None) -> Officers:
        d = d or {}
        return cls(d.get("chair"), d.get("vice_chair"), d.get("secretary"), list(d.get("adjusters") or []))


@dataclass
class Adjustment:
    date: str | None = None
    place: str | None = None

    def to_dict(self) -> dict:
        return {"date": self.date, "place": self.place}

    @classmethod
    def from_dict(cls, d: dict | None) -> Adjustment | None:
        return None if d is None else cls(d.get("date"), d.get("place"))


@dataclass
class Notice:
    posted: str | None = None
    removed: str | None = None
    kept_at: str | None = None

    def to_dict(self) -> dict:
        return {"posted": self.posted, "removed": self.removed, "kept_at": self.kept_at}

    @classmethod
    def from_dict(cls, d: dict | None) -> Notice | None:
        return None if d is None else cls(d.get("posted"), d.get("removed"), d.get("kept_at"))


@dataclass
class Meeting:
    date: str | None = None
    start: str | None = None
    end: str | None = None
    breaks: list[Interval] = field(default_factory=list)
    place: str | None = None
    remote_participation: bool = False
    protocol_label: str | None = None

    def to_dict(self) -> dict:
        out: dict[str, Any] = {"date": self.date, "start": self.start, "end": self.end}
        if self.breaks:
            out["breaks"] = [b.to_dict() for b in self.breaks]
        out["place"] = self.place
        if self.remote_participation:
            out["remote_participation"] = True
        out["protocol_label"] = self.protocol_label
        return out

    @classmethod
    def from_dict(cls, d: dict) -> Meeting:
        return cls(d.get("date"), d.get("start"), d.get("end"), [Interval.from_dict(b) for b in d.get("breaks") or []],
                   d.get("place"), bool(d.get("remote_participation", False)), d.get("protocol_label"))


@dataclass
class Ballot:
    name: str
    vote: str  # yes | no | abstain
    party: str | None = None

    def to_dict(self) -> dict:
        out = {"name": self.name, "party": self.party, "vote": self.vote}
        return {k: v for k, v in out.items() if v is not None}

    @classmethod
    def from_dict(cls, d: dict) -> Ballot:
        return cls(d["name"], d["vote"], d.get("party"))


@dataclass
class Vote:
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    ballots: list[Ballot] = field(default_factory=list)

    def to_dict(self) -> dict:
        out: dict[str, Any] = {k: getattr(self, k) for k in ("yes", "no", "abstain") if getattr(self, k) is not None}
        if self.ballots:
            out["ballots"] = [b.to_dict() for b in self.ballots]
        return out

    @classmethod
    def from_dict(cls, d: dict | None) -> Vote | None:
        if d is None:
            return None
        return cls(d.get("yes"), d.get("no"), d.get("abstain"), [Ballot.from_dict(b) for b in d.get("ballots") or []])


@dataclass
class Paragraph:
    number: int
    title: str
    sub: str | None = None
    case_number: str | None = None
    time: Interval | None = None
    text: str = ""
    decisions: list[str] = field(default_factory=list)
    tabled: bool = False
    adjusted_immediately: bool = False
    vote: Vote | None = None
    reservations: list[str] = field(default_factory=list)
    attendance_changes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        out: dict[str, Any] = {"number": self.number}
        if self.sub:
            out["sub"] = self.sub
        out["title"] = self.title
        if self.case_number:
            out["case_number"] = self.case_number
        if self.time is not None:
            out["time"] = self.time.to_dict()
        if self.text:
            out["text"] = self.text
        if self.decisions:
            out["decisions"] = list(self.decisions)
        if self.tabled:
            out["tabled"] = True
        if self.adjusted_immediately:
            out["adjusted_immediately"] = True
        if self.vote is not None:
            out["vote"] = self.vote.to_dict()
        if self.reservations:
            out["reservations"] = list(self.reservations)
        if self.attendance_changes:
            out["attendance_changes"] = list(self.attendance_changes)
        return out

    @classmethod
    def from_dict(cls, d: dict) -> Paragraph:
        return cls(d["number"], d["title"], d.get("sub"), d.get("case_number"), Interval.from_dict(d.get("time")),
                   d.get("text") or "", list(d.get("decisions") or []), bool(d.get("tabled", False)),
                   bool(d.get("adjusted_immediately", False)), Vote.from_dict(d.get("vote")),
                   list(d.get("reservations") or []), list(d.get("attendance_changes") or []))


@dataclass
class Protocol:
    organisation: str = ""
    body: str = ""
    meeting: Meeting = field(default_factory=Meeting)
    paragraph_range: tuple[int, int] | None = None
    officers: Officers = field(default_factory=Officers)
    adjustment: Adjustment | None = None
    notice: Notice | None = None
    attendees: list[Attendee] = field(default_factory=list)
    absent: list[Absent] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)

    def to_dict(self) -> dict:
        out: dict[str, Any] = {"schema": SCHEMA_ID, "organisation": self.organisation, "body": self.body,
                               "meeting": self.meeting.to_dict()}
        if self.paragraph_range:
            out["paragraph_range"] = list(self.paragraph_range)
        out["officers"] = self.officers.to_dict()
        if self.adjustment and (self.adjustment.date or self.adjustment.place):
            out["adjustment"] = self.adjustment.to_dict()
        if self.notice and (self.notice.posted or self.notice.removed or self.notice.kept_at):
            out["notice"] = self.notice.to_dict()
        out["attendees"] = [a.to_dict() for a in self.attendees]
        out["absent"] = [a.to_dict() for a in self.absent]
        out["paragraphs"] = [p.to_dict() for p in self.paragraphs]
        return out

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_dict(cls, d: dict) -> Protocol:
        rng = d.get("paragraph_range")
        return cls(d.get("organisation", ""), d.get("body", ""), Meeting.from_dict(d.get("meeting") or {}),
                   tuple(rng) if rng else None, Officers.from_dict(d.get("officers")),
                   Adjustment.from_dict(d.get("adjustment")), Notice.from_dict(d.get("notice")),
                   [Attendee.from_dict(a) for a in d.get("attendees") or []],
                   [Absent.from_dict(a) for a in d.get("absent") or []],
                   [Paragraph.from_dict(p) for p in d.get("paragraphs") or []])


# ---- validation ----------------------------------------------------------------------


@cache
def schema() -> dict:
    return json.loads(files("samordna.protocols").joinpath("protocol.schema.json").read_text(encoding="utf-8"))


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(schema(), format_checker=FormatChecker())


def _where(path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "protokollet"


def _swedish(error) -> str:
    v, where = error.validator, _where(error.absolute_path)
    if v == "required":
        missing = [k for k in error.validator_value if isinstance(error.instance, dict) and k not in error.instance]
        return f"{where}: obligatoriskt fält saknas: {', '.join(missing)}"
    if v == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(k for k in error.instance if k not in allowed) if isinstance(error.instance, dict) else []
        return f"{where}: okänt fält: {', '.join(extra)}"
    if v == "type":
        kinds = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        names = {"string": "text", "integer": "heltal", "boolean": "sant/falskt", "array": "lista", "object": "objekt",
                 "null": "null", "number": "tal"}
        return f"{where}: ska vara {' eller '.join(names.get(k, k) for k in kinds)}"
    if v == "enum":
        return f"{where}: ska vara något av {', '.join(map(str, error.validator_value))}, inte {error.instance!r}"
    if v == "const":
        return f"{where}: ska vara {error.validator_value!r}"
    if v == "pattern":
        return f"{where}: {error.instance!r} är inget klockslag på formen TT:MM"
    if v == "format":
        return f"{where}: {error.instance!r} är inget giltigt datum (ÅÅÅÅ-MM-DD)"
    if v in ("minItems", "maxItems"):
        return f"{where}: ska ha exakt två värden (första och sista paragraf)"
    return f"{where}: ogiltigt värde ({error.message})"


def validate(data: Any) -> list[str]:
    """Swedish messages for every way `data` breaks the schema; empty when valid."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.validator))
    return [_swedish(e) for e in errors]
