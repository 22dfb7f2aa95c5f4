"""A meeting in the database as a protocol in the interchange format (samordna.protocol/1).

The same dict feeds the PDF/DOCX renderer and, serialised canonically, the content hash that seals an adjusted protocol.
"""
import hashlib
import json

from samordna.board import selectors
from samordna.board.models import Attendance, Role


def _hhmm(t):
    return t.strftime("%H:%M") if t else None


def _presence(p):
    return {key: value for key, value in (
        ("from", _hhmm(p.start)), ("to", _hhmm(p.end)), ("from_paragraph", p.from_paragraph), ("to_paragraph", p.to_paragraph),
    ) if value is not None}


def _function(attendance, meeting):
    if attendance.mandate and attendance.mandate.function:
        return attendance.mandate.function
    if meeting.chair_id == attendance.person_id:
        return "chair"
    if meeting.secretary_id == attendance.person_id:
        return "secretary"
    return attendance.person.title or None


def _attendee(a, meeting, serving_role):
    person = a.person
    entry = {
        "name": person.name,
        "role": serving_role.get(a.person_id, a.role),
        "function": _function(a, meeting),
        "organisation": a.mandate.member.name if a.mandate and a.mandate.member else (person.employer or None),
        "party": person.party or None,
        "replaces": getattr(a, "replaces_name", None) or (a.replaces.name if a.replaces else None),
        "remote": a.remote,
        "present": [_presence(p) for p in a.presences.all()],
    }
    return {k: v for k, v in entry.items() if k in ("name", "role") or v not in (None, [], False)}


def _proceedings(p, quorums):
    """The vote, reservations and jäv of a paragraph, in the schema's terms; empty for a paragraph without them, so
    the export (and the seal of protocols adjusted before votes were recorded) stays as it was."""
    from samordna.board.models_votes import Vote, person_label
    from samordna.board.votes import disqualification_lines

    entry = {}
    vote = Vote.objects.filter(paragraph=p).first()
    if vote is not None:
        entry["vote"] = {
            "yes": vote.yes, "no": vote.no, "abstain": vote.abstain,
            "ballots": [{k: v for k, v in (("name", b.person.name), ("party", b.person.party or None), ("vote", b.choice)) if v}
                        for b in vote.ballots.select_related("person")],
        }
    reservations = [person_label(r.person) for r in p.reservations.all()]
    if reservations:
        entry["reservations"] = reservations
    if p.disqualifications.all():
        entry["attendance_changes"] = disqualification_lines(p, quorums.get(p.pk))
    return entry


def _paragraph(p, quorums=None):
    entry = {
        "number": p.number,
        "sub": p.sub or None,
        "title": p.title,
        "case_number": p.case_number or None,
        "text": p.text,
        "decisions": [d.text for d in p.decisions.all()],
        "tabled": p.tabled,
        "adjusted_immediately": p.adjusted_immediately,
    }
    if p.start or p.end:
        entry["time"] = {"from": _hhmm(p.start), "to": _hhmm(p.end)}
    entry.update(_proceedings(p, quorums or {}))
    return {k: v for k, v in entry.items() if v not in (None, "", [])}


def meeting_protocol(meeting) -> dict:
    """The protocol of one meeting, valid against protocol.schema.json."""
    paragraphs = list(meeting.paragraphs.prefetch_related("decisions", "reservations__person", "disqualifications"))
    blocks = dict(selectors.attendance_blocks(meeting))
    serving = {a.person_id: Role.SUBSTITUTE for a in blocks.get("Ersättare", [])}
    serving |= {a.person_id: "serving_substitute" for a in blocks.get("Tjänstgörande ersättare", [])}
    present = [a for title, rows in blocks.items() if title != "Anmält förhinder" for a in rows]
    absent = [a for a in blocks.get("Anmält förhinder", []) if a.status == Attendance.Status.ABSENT]
    numbers = [p.number for p in paragraphs]
    jav = any(p.disqualifications.all() for p in paragraphs)
    quorums = {q.paragraph.pk: q for q in selectors.quorum_by_paragraph(meeting, paragraphs)} if jav else {}
    protocol = {
        "schema": "samordna.protocol/1",
        "organisation": meeting.association.name,
        "body": meeting.body.name,
        "meeting": {
            "date": meeting.date.isoformat(),
            "start": _hhmm(meeting.start),
            "end": _hhmm(meeting.end),
            "place": meeting.place,
            "remote_participation": meeting.remote_participation,
            "protocol_label": meeting.label or None,
        },
        "officers": {
            "chair": meeting.chair.name if meeting.chair else None,
            "secretary": meeting.secretary.name if meeting.secretary else None,
            "adjusters": [p.name for p in meeting.adjusters.order_by("name")],
        },
        "attendees": [_attendee(a, meeting, serving) for a in present],
        "absent": [
            {k: v for k, v in {"name": a.person.name, "organisation": a.mandate.member.name if a.mandate and a.mandate.member else None,
                               "party": a.person.party or None, "role": a.role}.items() if v}
            for a in absent
        ],
        "paragraphs": [_paragraph(p, quorums) for p in paragraphs],
    }
    if numbers:
        protocol["paragraph_range"] = [min(numbers), max(numbers)]
    return protocol


def canonical_bytes(protocol: dict) -> bytes:
    """One byte string per content: sorted keys, no insignificant whitespace, UTF-8."""
    return json.dumps(protocol, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def content_hash(protocol: dict) -> str:
    return hashlib.sha256(canonical_bytes(protocol)).hexdigest()


# The seal -------------------------------------------------------------------------------------------------------------
# The interchange format (protocol.schema.json, shared and closed with additionalProperties: false) has no place for
# motions, the order of questions, the vote's texts, a drawn lot, written reservations, attachments or recordings, yet
# the printed protocol shows them. The seal therefore covers {"protocol": …, "extras": …} when a meeting has any of
# them, and the interchange JSON alone when it has none – which is exactly what every seal made before extras existed
# covered, so those seals still verify.


def _utc(moment):
    from datetime import UTC

    return moment.astimezone(UTC).isoformat(timespec="seconds") if moment else None


def _drop_empty(entry):
    return {k: v for k, v in entry.items() if v not in (None, "", [], {})}


def _vote_extras(vote):
    if vote is None:
        return {}
    entry = {"question": vote.question, "yes_means": vote.yes_means, "no_means": vote.no_means,
             "order_of_questions": vote.order_of_questions}
    if vote.order_of_questions:
        entry["order_approved"] = vote.order_approved
    if vote.kind != "ordinary":
        entry["kind"] = vote.kind
    if vote.lot_winner:
        entry["lot"] = _drop_empty({"winner": vote.lot_winner, "drawn_at": _utc(vote.lot_drawn_at), "drawn_by": vote.lot_drawn_by_name})
    return _drop_empty(entry)


def seal_extras(meeting) -> dict:
    """What the printed protocol says beyond the interchange format, keyed "<number><sub>"; {} when nothing."""
    from samordna.board.models_votes import Vote

    votes = {v.paragraph_id: v for v in Vote.objects.filter(paragraph__meeting=meeting)}
    paragraphs = meeting.paragraphs.prefetch_related(
        "motions__mover", "motions__seconder", "reservations__person", "attachments__document", "recordings")
    extras = {}
    for p in paragraphs:
        entry = _drop_empty({
            "motions": [_drop_empty({"mover": m.mover.name, "seconder": m.seconder.name if m.seconder_id else None, "text": m.text})
                        for m in p.motions.all()],
            "vote": _vote_extras(votes.get(p.pk)),
            "reservation_motivations": [{"name": r.person.name, "motivation": r.motivation}
                                        for r in p.reservations.all() if r.motivation],
            "attachments": [{"title": a.label, "sha256": a.checksum} for a in p.attachments.all()],
            "recordings": [_drop_empty({"url": r.url, "start": r.start_text, "label": r.label}) for r in p.recordings.all()],
        })
        if entry:
            extras[f"{p.number}{p.sub}"] = entry
    return extras


def sealed_content(meeting) -> dict:
    """The dict whose canonical bytes the seal hashes."""
    protocol, extras = meeting_protocol(meeting), seal_extras(meeting)
    return {"protocol": protocol, "extras": extras} if extras else protocol


def seal_hash(meeting) -> str:
    return content_hash(sealed_content(meeting))


def seal_holds(meeting) -> bool:
    """True when the stored rows still give the sealed hash, in the current form or the older protocol-only form."""
    protocol, extras = meeting_protocol(meeting), seal_extras(meeting)
    if content_hash({"protocol": protocol, "extras": extras} if extras else protocol) == meeting.content_hash:
        return True
    # Sealed before extras were covered: only the interchange part was hashed.
    return bool(extras) and content_hash(protocol) == meeting.content_hash
