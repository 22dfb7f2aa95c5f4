"""Line stream → Protocol + Swedish warnings.

The stream is cut into three regions: the header (before the first §), the paragraphs, and
the trailer (after the last paragraph's body). The header gives organisation, meeting,
officers, adjustment, notice and attendance; the trailer may add officers and notice; the
paragraphs give decisions; roll-call lists anywhere are attached to their paragraph.

An "extract" — a protocol excerpt stapled after other papers, like a council's § under a
committee's proposal — starts at its own "Sammanträdesdatum", so the papers before it are
not read as the protocol's header.
"""
from __future__ import annotations

import re
from collections import Counter

from . import checks, dates, names, paragraphs, votes
from .attendance import AttendanceReader, role_heading
from .decisions import TRIGGER_RE
from .header import HeaderReader, organ_name
from .interchange import Protocol
from .labels import match_label
from .readers import Line


def _protocol_start(lines: list[Line], first_head: int) -> tuple[int, bool]:
    candidates = [i for i in range(first_head) if (lab := match_label(lines[i], i)) and lab.key == "meeting_date"]
    if not candidates:
        return 0, False
    last = candidates[-1]
    before = [ln for ln in lines[:last] if not ln.blank]
    between = [ln for ln in lines[last:first_head] if not ln.blank]
    if len(before) > 20 and len(between) <= 8 and not any(role_heading(ln) for ln in lines[:last]):
        return last, True
    return 0, False


def _table_head(lines: list[Line], upto: int) -> int:
    for i in range(upto):
        if not lines[i].blank and paragraphs.TABLE_HEAD_RE.match(lines[i].text.strip()):
            return i
    return upto


def _block_text(block: paragraphs.Block, lines: list[Line]) -> str:
    if block.row is not None:
        return " ".join(block.row)
    # A heading line ends a sentence ("Reservation" / "Bo Ek (M) … reserverar sig").
    return " ".join(" ".join(ln.text.split()) + ("." if ln.heading and ln.text.rstrip()[-1:] not in ".:!?" else "")
                    for ln in lines[block.start:block.end] if not ln.blank)


def _same(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def parse(lines: list[Line]) -> tuple[Protocol, list[str]]:
    """Never raises on any line stream; what cannot be found is left empty and warned about."""
    warnings: list[str] = []
    blocks = paragraphs.locate(lines)
    first = blocks[0].head if blocks else len(lines)
    start, extract = _protocol_start(lines, first)
    if start:
        blocks = [b for b in blocks if b.head >= start]
    head_end = _table_head(lines, blocks[0].head if blocks else len(lines))
    body_end = max((b.end for b in blocks), default=len(lines))
    head, tail = range(start, max(start, head_end)), range(body_end, len(lines))

    years = dates.years_in(ln.text for ln in lines[start:])
    header = HeaderReader(lines, head, tail, years).read()
    attendance = AttendanceReader(lines, head, header.organisation).read()

    protocol = Protocol(header.organisation, header.body, header.meeting, header.paragraph_range, header.officers,
                        header.adjustment, header.notice, attendance.attendees, attendance.absent)
    protocol.paragraphs = [paragraphs.build(b, lines) for b in blocks]
    _votes(protocol, blocks, lines, warnings)
    if header.body_guessed:
        protocol.body = _deciding_organ(protocol, blocks, lines) or protocol.body
    _officers(protocol, header.officer_orgs)

    if protocol.paragraph_range is None and not extract and len({p.number for p in protocol.paragraphs}) >= 2:
        numbers = [p.number for p in protocol.paragraphs]
        protocol.paragraph_range = (min(numbers), max(numbers))
    if extract and blocks and protocol.meeting.protocol_label is None and protocol.paragraphs[0].case_number:
        protocol.meeting.protocol_label = f"Dnr {protocol.paragraphs[0].case_number}"
    if any(a.remote for a in protocol.attendees):
        protocol.meeting.remote_participation = True

    if header.year_guess:
        warnings.append(header.year_guess)
    if not protocol.meeting.date:
        warnings.append("Hittar inget sammanträdesdatum.")
    if not protocol.paragraphs:
        warnings.append("Hittar inga paragrafer (§).")
    if not protocol.attendees and not extract:
        warnings.append("Hittar ingen närvarolista.")
    warnings.extend(checks.check(protocol))
    return protocol, warnings


def _deciding_organ(protocol: Protocol, blocks, lines: list[Line]) -> str | None:
    """The organ that decides: the subject of "X beslutar" lines and of decision sentences."""
    counts: Counter = Counter()
    for block, para in zip(blocks, protocol.paragraphs):
        subjects = [d.split()[0] for d in para.decisions if d.split()]
        subjects += [ln.text.split()[0] for ln in lines[block.start:block.end]
                     if not ln.blank and TRIGGER_RE.match(ln.text.strip())]
        counts.update(organ_name(s) for s in subjects if organ_name(s))
    return counts.most_common(1)[0][0] if counts else None


def _votes(protocol: Protocol, blocks, lines: list[Line], warnings: list[str]) -> None:
    if not blocks:
        return
    by_number = {p.number: k for k, p in enumerate(protocol.paragraphs)}
    calls = {}
    for call in votes.find_roll_calls(lines):
        k = by_number.get(call.reference) if call.reference is not None else None
        if k is None:
            heads = [b.head for b in blocks]
            k = max((n for n, h in enumerate(heads) if h <= call.start), default=None)
        if k is not None:
            calls[k] = call
    for k, (block, para) in enumerate(zip(blocks, protocol.paragraphs)):
        text = _block_text(block, lines)
        call = calls.get(k)
        vote, problems = votes.build_vote(text, call)
        para.vote = vote
        label = f"§ {para.number}{para.sub or ''}"
        warnings.extend(f"{label}: {p[0].upper()}{p[1:]}." for p in problems)
        para.reservations = votes.reservations(text)
        if call:
            for name, function in call.functions.items():
                code = names.function_code(function)
                if code == "chair" and not protocol.officers.chair:
                    protocol.officers.chair = name
                elif code == "vice_chair" and not protocol.officers.vice_chair:
                    protocol.officers.vice_chair = name


def _adjusters_from_paragraphs(protocol: Protocol) -> list[str]:
    """Without a "Justerare" label, the "Val av justerare" paragraph names them ("Bo Lund valdes att justera")."""
    present = {" ".join(a.name.casefold().split()) for a in protocol.attendees}
    for para in protocol.paragraphs:
        if not re.search(r"justera|justering", para.title, re.IGNORECASE):
            continue
        found = []
        for text in para.decisions or [para.text]:
            rest = text
            while (hit := names.find_name(rest)) is not None:
                name = hit[0]
                if (not present or name.casefold() in present) and name not in found:
                    found.append(name)
                rest = rest[hit[2]:]
        return found
    return []


def _officers(protocol: Protocol, orgs: dict[str, str]) -> None:
    officers = protocol.officers
    for attendee in protocol.attendees:
        if attendee.function == "chair" and not officers.chair:
            officers.chair = attendee.name
        elif attendee.function == "vice_chair" and not officers.vice_chair:
            officers.vice_chair = attendee.name
        elif attendee.function == "secretary" and not officers.secretary:
            officers.secretary = attendee.name
    for attendee in protocol.attendees:
        if not attendee.function:
            if officers.chair and _same(attendee.name, officers.chair):
                attendee.function = "chair"
            elif officers.vice_chair and _same(attendee.name, officers.vice_chair):
                attendee.function = "vice_chair"
        if not attendee.organisation:
            org = next((o for n, o in orgs.items() if _same(n, attendee.name)), None)
            if org:
                attendee.organisation = org
    if not officers.adjusters:
        officers.adjusters = _adjusters_from_paragraphs(protocol)
    # A name written with its organisation in the signature ("Alva Lind, Skövde kommun") stays a name;
    # the chair signs "Justeras" too but is not one of the adjusters.
    officers.adjusters = [a for a in (re.sub(r",.*$", "", a).strip() for a in officers.adjusters)
                          if not (officers.chair and _same(a, officers.chair))]
