"""Quorum per paragraph for a protocol in the interchange format (protocol.schema.json).

Glue between the interchange format and the pure rules: attendees become a roster of
seat holders, presence intervals place them at each paragraph, and `rules.quorum.assess`
gives the verdict. Legal sources are cited in the rules modules: FinsamL 10 §, 12 §
(seats and substitutes), finsam.se Styrelsearbetet (more than half of the seats),
nvsam.se reglemente § 6 (substitutes' order).

Pure: takes dicts and strings, returns a dict; no files, no Django.
"""
from __future__ import annotations

import datetime
import json
from functools import cache
from importlib.resources import files
from typing import Any, Sequence

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from samordna.rules.presence import Interval, Moment, estimate_times, hhmm, interval_errors, is_present
from samordna.rules.quorum import QuorumRule, assess
from samordna.rules.substitutes import MEMBER, SUBSTITUTE, Representative, SeatGroup

VOTING_ROLES = {"member": MEMBER, "serving_substitute": SUBSTITUTE, "substitute": SUBSTITUTE}


class ReportError(ValueError):
    """Bad input; the message is Swedish and meant for the user."""


# ---- the members spec ----------------------------------------------------------------


def parse_members(spec: str | None) -> list[SeatGroup]:
    """ "Försäkringskassan;Göteborgs stad=2" → seat groups (one seat unless `=N`)."""
    pieces = [p.strip() for p in (spec or "").split(";") if p.strip()]
    if not pieces:
        raise ReportError(
            "Ange medlemmarna med --members, t.ex. --members \"Försäkringskassan;Arbetsförmedlingen;Göteborgs stad=2\""
        )
    groups, keys = [], set()
    for piece in pieces:
        name, sep, count = (s.strip() for s in piece.partition("="))
        if not name:
            raise ReportError(f"Namn saknas före '=' i --members: '{piece}'")
        if sep and not (count.isdigit() and int(count) > 0):
            raise ReportError(f"Ogiltigt antal platser i --members: '{piece}' (ange ett positivt heltal, t.ex. '{name}=2')")
        if organisation_key(name) in keys:
            raise ReportError(f"'{name}' förekommer mer än en gång i --members")
        keys.add(organisation_key(name))
        groups.append(SeatGroup(name, int(count) if sep else 1))
    return groups


def parse_order(spec: str | None) -> list[str]:
    return [p.strip() for p in (spec or "").split(";") if p.strip()]


# Common short forms in protocols; keys are already case-folded.
_ALIASES = {
    "af": "arbetsförmedlingen",
    "fk": "försäkringskassan",
    "vgr": "västra götalandsregionen",
    "vg-region": "västra götalandsregionen",
    "vg-regionen": "västra götalandsregionen",
    "västra götalands region": "västra götalandsregionen",
    "region västra götaland": "västra götalandsregionen",
}


def organisation_key(name: str | None) -> str:
    """Tolerant key: "Mölndal stad" = "Mölndals stad", "Borås Stad" = "Borås", "AF" = "Arbetsförmedlingen"."""
    words = (name or "").casefold().replace(",", " ").replace(".", " ").split()
    while words and words[-1] in {"kommun", "stad"}:
        words.pop()
    key = " ".join(words)
    key = _ALIASES.get(key, key)
    # Genitive s ("Lerums kommun", "Mölndals stad") is dropped on both sides of a comparison.
    return key[:-1] if key.endswith("s") else key


# ---- schema ----------------------------------------------------------------------------

_TYPE_SV = {"string": "text", "integer": "heltal", "number": "tal", "object": "objekt",
            "array": "lista", "boolean": "sant eller falskt", "null": "null"}


@cache
def _validator() -> Draft202012Validator:
    schema = json.loads((files("samordna.protocols") / "protocol.schema.json").read_text("utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _field(path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "dokumentet"


def _explain(error) -> str:
    kind, value, inst = error.validator, error.validator_value, error.instance
    if kind == "required":
        return "saknar " + ", ".join(f"fältet '{k}'" for k in value if k not in inst)
    if kind == "additionalProperties":
        allowed = error.schema.get("properties", {})
        return "okänt fält " + ", ".join(f"'{k}'" for k in inst if k not in allowed)
    if kind == "type":
        wanted = value if isinstance(value, list) else [value]
        return "ska vara " + " eller ".join(_TYPE_SV.get(t, t) for t in wanted)
    if kind == "enum":
        return f"'{inst}' är inte tillåtet; välj en av " + ", ".join(f"'{v}'" for v in value)
    if kind == "const":
        return f"ska vara '{value}'"
    if kind == "pattern":
        return f"'{inst}' har fel form (klockslag skrivs TT:MM)" if ":" in value else f"'{inst}' har fel form"
    if kind == "format":
        return f"'{inst}' är inte ett giltigt datum (ÅÅÅÅ-MM-DD)" if value == "date" else f"'{inst}' har fel format"
    if kind in {"minItems", "maxItems"}:
        return "har fel antal element"
    return "ogiltigt värde"


def validate_protocol(doc: Any) -> None:
    """Raise ReportError naming the first offending field, e.g. "attendees[3].role: …"."""
    error = best_match(_validator().iter_errors(doc))
    if error is not None:
        raise ReportError(f"Protokollet följer inte utbytesformatet: {_field(error.absolute_path)}: {_explain(error)}")


def _time(value: str | None, field: str) -> datetime.time | None:
    if value is None:
        return None
    try:
        return datetime.time.fromisoformat(value)
    except ValueError:
        raise ReportError(f"Protokollet följer inte utbytesformatet: {field}: '{value}' är inget giltigt klockslag") from None


# ---- the report ------------------------------------------------------------------------


def _intervals(person: dict, field: str) -> list[Interval]:
    return [
        Interval(
            _time(p.get("from"), f"{field}.present[{i}].from"),
            _time(p.get("to"), f"{field}.present[{i}].to"),
            p.get("from_paragraph"),
            p.get("to_paragraph"),
        )
        for i, p in enumerate(person.get("present") or [])
    ]


class _Seats:
    """Maps organisations to seat groups; `--order` organisations missing from
    --members belong to the shared municipal seat ("Kommunerna")."""

    def __init__(self, groups: Sequence[SeatGroup], order: Sequence[str]):
        self.by_key = {organisation_key(g.name): g.name for g in groups}
        shared = [g.name for g in groups if organisation_key(g.name).startswith("kommuner")]
        self.rank = {organisation_key(o): i for i, o in enumerate(order)}
        for key in self.rank:
            if key not in self.by_key and shared:
                self.by_key[key] = shared[0]

    def group(self, organisation: str | None) -> str | None:
        return self.by_key.get(organisation_key(organisation))

    def order(self, organisation: str | None) -> int:
        return self.rank.get(organisation_key(organisation), len(self.rank))


def _roster(doc: dict, groups: Sequence[SeatGroup], seats: _Seats, start, end):
    """Seat holders, everyone's presence intervals, and warnings for the user."""
    roster, presence, warnings = [], {}, []
    members_listed: dict[str, int] = {}
    for i, a in enumerate(doc["attendees"]):
        intervals = _intervals(a, f"attendees[{i}]")
        presence.setdefault(a["name"], intervals)
        warnings += [f"{a['name']}: {m}" for m in interval_errors(intervals, start, end)]
        if a["role"] not in VOTING_ROLES:
            continue  # co-opted, officials and guests never hold a seat
        group = seats.group(a.get("organisation"))
        if group is None:
            warnings.append(
                f"{a['name']} ({a.get('organisation') or 'organisation saknas'}) hör inte till någon medlem "
                "i --members och räknas inte"
            )
            continue
        role = VOTING_ROLES[a["role"]]
        members_listed[group] = members_listed.get(group, 0) + (role == MEMBER)
        roster.append(Representative(a["name"], role, group, seats.order(a.get("organisation")), a.get("replaces")))

    # Absent people and those named in `replaces` are members who are not there: they
    # give a serving substitute the name of the member replaced.
    known = {r.name for r in roster}
    for ab in doc.get("absent", []):
        group = seats.group(ab.get("organisation"))
        if group and ab["name"] not in known:
            role = SUBSTITUTE if (ab.get("role") or "") in {"substitute", "ersättare"} else MEMBER
            roster.append(Representative(ab["name"], role, group))
            known.add(ab["name"])
    for r in list(roster):
        if r.replaces and r.replaces not in known:
            roster.append(Representative(r.replaces, MEMBER, r.group))
            known.add(r.replaces)

    for g in groups:
        if members_listed.get(g.name, 0) > g.seats:
            warnings.append(
                f"{g.name} har {members_listed[g.name]} ledamöter i närvarolistan men {g.seats} "
                f"{'plats' if g.seats == 1 else 'platser'} enligt --members"
            )
    return roster, presence, warnings


def build_report(
    doc: dict, groups: Sequence[SeatGroup], order: Sequence[str] = (), rule: QuorumRule = QuorumRule()
) -> dict:
    """Quorum verdict for every paragraph of `doc`, in file order."""
    validate_protocol(doc)
    meeting = doc["meeting"]
    start = _time(meeting.get("start"), "meeting.start")
    end = _time(meeting.get("end"), "meeting.end")
    roster, presence, warnings = _roster(doc, groups, _Seats(groups, order), start, end)

    declared_serving = [a["name"] for a in doc["attendees"] if a["role"] == "serving_substitute"]
    paragraphs = doc["paragraphs"]
    stated = [_time((p.get("time") or {}).get("from"), f"paragraphs[{i}].time.from") for i, p in enumerate(paragraphs)]
    earliest = min((iv.start for ivs in presence.values() for iv in ivs if iv.start), default=None)
    times = estimate_times(stated, start, earliest)

    out = []
    for p, t, known_time in zip(paragraphs, times, stated):
        here = {name for name, ivs in presence.items() if is_present(ivs, Moment(t, p["number"]))}
        v = assess(groups, roster, here, rule)
        reasons = list(v.reasons)
        # Say so when the protocol calls someone serving but the rules give them no seat.
        holders = {s.name for s in v.serving}
        reasons += [f"{name} anges som tjänstgörande ersättare men har ingen plats att fylla"
                    for name in declared_serving if name in here and name not in holders]
        if known_time is None:
            reasons.append(
                f"Klockslaget {hhmm(t)} är uppskattat; protokollet anger ingen tid för paragrafen"
                if t else "Klockslag saknas och kan inte uppskattas; närvarotider har inte prövats"
            )
        out.append({
            "number": p["number"],
            "sub": p.get("sub"),
            "title": p["title"],
            "time": hhmm(t) if t else None,
            "time_estimated": known_time is None,
            "quorate": v.quorate,
            "serving_count": v.serving_count,
            "seats": v.seats,
            "required": v.required,
            "serving": [{"name": s.name, "group": s.group, "replaces": s.replaces} for s in v.serving],
            "reasons": reasons,
        })
    return {
        "organisation": doc["organisation"],
        "date": meeting["date"],
        "members": [{"name": g.name, "seats": g.seats} for g in groups],
        "warnings": warnings,
        "paragraphs": out,
    }
