"""What a printed protocol says, worked out once from an interchange document ("samordna.protocol/1").

`protocol_context()` turns the structured data into ready-made Swedish strings and lists – the
header block, the attendance grouped by role, each paragraph with its decisions, vote and
reservations, the signature block and the notice certificate (anslagsbevis). The HTML template
(and so the PDF) and the Word writer both print from this one context, so the two formats say the
same thing in the same order. Nothing here touches the database.

`extras` carries what the interchange format does not: the SHA-256 of the adjusted content, the
computed notice dates, an extract selection, a draft flag, a recording link, attachment titles and
`proceedings` ({"<number><sub>": {motions, vote, written_reservations, disqualifications, attachments,
recordings}}, from board.votes.document_proceedings and board.attachments.document_lines): motions, order of questions, the vote's proposition and result line,
whom each voter represents, written reservations and jäv.
"""
from __future__ import annotations

import re
from typing import Any

FUNCTIONS = {"chair": "ordförande", "vice_chair": "vice ordförande", "secretary": "sekreterare"}
VOTES = ("yes", "no", "abstain")
_BLANK_LINE = re.compile(r"\n[ \t]*\n+")
# Control characters print as missing-glyph boxes and are not allowed in XML (DOCX, the fast parse path).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def _s(value: Any) -> str:
    return "" if value is None else _CONTROL.sub("", str(value)).strip()


def join_and(items: list[str]) -> str:
    """'A', 'A och B', 'A, B och C'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " och " + items[-1]


def dash(a: str | None, b: str | None) -> str:
    """'a–b' with an en dash; a lone bound stands alone."""
    a, b = _s(a), _s(b)
    return f"{a}–{b}" if a and b else a or b


def paragraph_span(first: int | None, last: int | None) -> str:
    if first is None and last is None:
        return ""
    if first is None or last is None or first == last:
        return f"§ {first if first is not None else last}"
    return f"§§ {first}–{last}"


def presence_text(present: list[dict] | None) -> str:
    """Partial presence in words: 'kl. 13:30–14:00', 'under § 41', 'till och med § 1127'."""
    parts = []
    for p in present or []:
        start, end = p.get("from"), p.get("to")
        first, last = p.get("from_paragraph"), p.get("to_paragraph")
        if start and end:
            parts.append(f"kl. {start}–{end}")
        elif start:
            parts.append(f"från kl. {start}")
        elif end:
            parts.append(f"till kl. {end}")
        if first is not None and last is not None:
            parts.append(f"under {paragraph_span(first, last)}")
        elif first is not None:
            parts.append(f"från och med § {first}")
        elif last is not None:
            parts.append(f"till och med § {last}")
    return ", ".join(parts)


def name_with_party(name: str, party: str | None) -> str:
    party = _s(party)
    return f"{name} ({party})" if party else name


def text_blocks(text: str | None) -> list[list[str]]:
    """The text's paragraphs (split on blank lines), each a list of its lines."""
    text = _s(text).replace("\r\n", "\n")
    if not text:
        return []
    return [[line.strip() for line in block.split("\n") if line.strip()] for block in _BLANK_LINE.split(text)
            if block.strip()]


def decision_line(clause: str) -> str:
    """An 'att'-clause is printed 'att …'; a clause starting with a capital letter stands as written."""
    clause = _s(clause)
    if clause[:1].islower() and not clause.lower().startswith("att "):
        return f"att {clause}"
    return clause


def _function_label(attendee: dict, officers: dict) -> str:
    function = _s(attendee.get("function"))
    if function:
        return FUNCTIONS.get(function, function)
    for key in ("chair", "vice_chair"):
        if officers.get(key) and officers.get(key) == attendee.get("name"):
            return FUNCTIONS[key]
    return ""


def _attendee_row(a: dict, officers: dict) -> dict:
    name = name_with_party(_s(a.get("name")), a.get("party"))
    function = _function_label(a, officers)
    notes = []
    if a.get("replaces"):
        notes.append(f"ersätter {_s(a['replaces'])}")
    if a.get("remote"):
        notes.append("på distans")
    presence = presence_text(a.get("present"))
    if presence:
        notes.append(presence)
    return {"name": name, "function": function, "label": f"{name}, {function}" if function else name,
            "organisation": _s(a.get("organisation")), "note": ", ".join(notes)}


def _attendance(protocol: dict, officers: dict) -> list[dict]:
    by_role: dict[str, list[dict]] = {}
    for a in protocol.get("attendees") or []:
        by_role.setdefault(a.get("role"), []).append(_attendee_row(a, officers))
    sections = [
        ("Beslutande", [("Ledamöter", "member"), ("Tjänstgörande ersättare", "serving_substitute")]),
        ("Övriga närvarande", [("Ersättare", "substitute"), ("Adjungerade", "co_opted"), ("Övriga", "official"),
                               ("Övriga", "guest")]),
    ]
    out = []
    for heading, groups in sections:
        merged: dict[str, list[dict]] = {}
        for label, role in groups:
            if by_role.get(role):
                merged.setdefault(label, []).extend(by_role[role])
        if merged:
            out.append({"heading": heading, "groups": [{"heading": k, "rows": v} for k, v in merged.items()]})
    absent = []
    for a in protocol.get("absent") or []:
        name = name_with_party(_s(a.get("name")), a.get("party"))
        role = _s(a.get("role"))
        role = FUNCTIONS.get(role, role)
        absent.append({"name": name, "function": role, "label": f"{name}, {role}" if role else name,
                       "organisation": _s(a.get("organisation")), "note": ""})
    if absent:
        out.append({"heading": "Anmält förhinder", "groups": [{"heading": "", "rows": absent}]})
    return out


def _vote(vote: dict | None) -> dict | None:
    if not vote:
        return None
    ballots = vote.get("ballots") or []
    counts = {k: sum(1 for b in ballots if b.get("vote") == k) for k in VOTES}
    for k in VOTES:
        if vote.get(k) is not None:
            counts[k] = vote[k]
    rows = [{"name": name_with_party(_s(b.get("name")), b.get("party")),
             **{k: ("X" if b.get("vote") == k else "") for k in VOTES}} for b in ballots]
    return {"ballots": rows, **counts,
            "result": f"Ja {counts['yes']}, Nej {counts['no']}, Avstår {counts['abstain']}"}


def _vote_detail(detail: dict | None, body: str) -> dict | None:
    """The vote as a municipal extract prints it, from extras["proceedings"] (board.votes.document_proceedings)."""
    if not detail:
        return None
    rows = [{"name": _s(b.get("name")), "represents": _s(b.get("represents")),
             **{k: ("X" if b.get("vote") == k else "") for k in VOTES}} for b in detail.get("ballots") or []]
    order = _s(detail.get("order_of_questions"))
    approved = detail.get("order_approved", True)
    who = body or "Organet"
    return {
        "question": _s(detail.get("question")),
        "order_of_questions": order,
        "order_decision": (f"{who} godkänner propositionsordningen." if approved
                           else f"{who} godkänner inte den föreslagna propositionsordningen.") if order else "",
        "proposition": _s(detail.get("proposition")),
        "result": _s(detail.get("result")),
        "lot": _s(detail.get("lot")),
        "ballots": rows,
        **{k: detail.get(k, sum(1 for b in rows if b[k])) for k in VOTES},
    }


def _attachments(extras: dict, number: int) -> list[str]:
    table = extras.get("attachments") or {}
    found = table.get(number, table.get(str(number))) or []
    return [_s(t) for t in found if _s(t)]


def _paragraph(p: dict, body: str, extras: dict) -> dict:
    number, sub = p.get("number"), _s(p.get("sub"))
    label = f"§ {number} {sub}" if sub else f"§ {number}"
    decisions = [decision_line(d) for d in p.get("decisions") or [] if _s(d)]
    any_att = any(d.startswith("att ") for d in decisions)
    vote = _vote(p.get("vote"))
    reservations = [_s(r) for r in p.get("reservations") or [] if _s(r)]
    proceedings = (extras.get("proceedings") or {}).get(f"{number}{sub}") or {}
    disqualifications = [_s(d) for d in proceedings.get("disqualifications") or [] if _s(d)]
    time = p.get("time") or {}
    time_text = ""
    if time.get("from") and time.get("to"):
        time_text = f"kl. {time['from']}–{time['to']}"
    elif time.get("from"):
        time_text = f"från kl. {time['from']}"
    elif time.get("to"):
        time_text = f"till kl. {time['to']}"
    anchor = f"p{number}{sub}"
    return {
        "anchor": re.sub(r"[^A-Za-z0-9_-]", "", anchor),
        "number": number, "sub": sub, "label": label, "title": _s(p.get("title")),
        "heading": f"{label} {_s(p.get('title'))}".strip(),
        "case_number": _s(p.get("case_number")),
        "time": time_text,
        "text": text_blocks(p.get("text")),
        "decision_intro": f"{body or 'Organet'} beslutar" if any_att else "",
        "decisions": decisions,
        "tabled": bool(p.get("tabled")),
        "adjusted_immediately": bool(p.get("adjusted_immediately")),
        "vote": vote,
        "vote_detail": _vote_detail(proceedings.get("vote"), body),
        "motions": [_s(m) for m in proceedings.get("motions") or [] if _s(m)],
        "disqualifications": disqualifications,
        "written_reservations": [{"name": _s(r.get("name")), "motivation": text_blocks(r.get("motivation"))}
                                 for r in proceedings.get("written_reservations") or [] if _s(r.get("motivation"))],
        "reservations": reservations,
        "reservation_text": f"Mot beslutet reserverar sig {join_and(reservations)}." if reservations else "",
        # Jäv is printed at the top of the paragraph, so it is not repeated among the changes at its end.
        "attendance_changes": [_s(c) for c in p.get("attendance_changes") or [] if _s(c) and _s(c) not in disqualifications],
        "attachments": _attachments(extras, number) + [_s(t) for t in proceedings.get("attachments") or [] if _s(t)],
        "recordings": [_s(r) for r in proceedings.get("recordings") or [] if _s(r)],
    }


def _paragraph_selection(paragraphs: list[dict], extract_of) -> list[dict]:
    if not extract_of:
        return paragraphs
    wanted = {int(n) for n in extract_of}
    return [p for p in paragraphs if p.get("number") in wanted]


def protocol_context(protocol: dict, *, extras: dict | None = None) -> dict:
    """Template context for a protocol in the interchange format (see module docstring)."""
    extras = dict(extras or {})
    meeting = protocol.get("meeting") or {}
    officers = protocol.get("officers") or {}
    organisation, body = _s(protocol.get("organisation")), _s(protocol.get("body"))
    extract_of = extras.get("extract_of") or []
    is_extract = bool(extract_of)
    all_paragraphs = protocol.get("paragraphs") or []
    chosen = _paragraph_selection(all_paragraphs, extract_of)

    # Header block.
    rng = protocol.get("paragraph_range")
    numbers = [p.get("number") for p in chosen if isinstance(p.get("number"), int)]
    if is_extract:
        span = join_and([paragraph_span(n, n) for n in dict.fromkeys(numbers)])
    elif rng:
        span = paragraph_span(rng[0], rng[1])
    else:
        span = paragraph_span(min(numbers), max(numbers)) if numbers else ""
    time = ""
    if meeting.get("start") or meeting.get("end"):
        time = "kl. " + dash(meeting.get("start"), meeting.get("end"))
        breaks = [dash(b.get("from"), b.get("to")) for b in meeting.get("breaks") or [] if b]
        breaks = [b for b in breaks if b]
        if breaks:
            time += f" (ajournering {join_and(breaks)})"
    place = _s(meeting.get("place"))
    if meeting.get("remote_participation"):
        place = f"{place} (med deltagare på distans)" if place else "Deltagare på distans"
    date = _s(meeting.get("date"))
    title = "Protokollsutdrag" if is_extract else "Protokoll"
    header = [("Datum", date), ("Tid", time), ("Plats", place), ("Paragrafer", span),
              ("Protokoll", _s(meeting.get("protocol_label")))]
    if extras.get("recording_url"):
        header.append(("Inspelning", _s(extras["recording_url"])))

    # Adjustment and signatures.
    adjustment = protocol.get("adjustment") or {}
    adjusters = [_s(a) for a in officers.get("adjusters") or [] if _s(a)]
    adjustment_text = ", ".join(x for x in (_s(adjustment.get("place")), _s(adjustment.get("date"))) if x)
    signatures = [{"role": "Sekreterare", "name": _s(officers.get("secretary"))},
                  {"role": "Ordförande", "name": _s(officers.get("chair"))}]
    signatures += [{"role": "Justerare", "name": a} for a in adjusters] or [{"role": "Justerare", "name": ""}]

    # Notice certificate: the protocol's own notice, overridden by computed dates in extras.
    notice = dict(protocol.get("notice") or {})
    computed = extras.get("notice") or {}
    posted = _s(computed.get("posted") or notice.get("posted"))
    until = _s(computed.get("remove_after") or notice.get("removed"))
    certificate = {
        "organ": ", ".join(x for x in (body, organisation) if x),
        "meeting_date": date,
        "adjusted": _s(adjustment.get("date")),
        "period": dash(posted, until) if posted and until else (f"från {posted}" if posted else (
            f"till {until}" if until else "")),
        "appeal_last_day": _s(computed.get("appeal_last_day")),
        "kept_at": _s(computed.get("kept_at") or notice.get("kept_at")),
        "signer": _s(officers.get("secretary")),
    }
    certificate["rows"] = [(k, v) for k, v in (
        ("Organ", certificate["organ"]), ("Sammanträdesdatum", certificate["meeting_date"]),
        ("Datum för justering", certificate["adjusted"]), ("Anslaget under tiden", certificate["period"]),
        ("Sista dag för överklagande", certificate["appeal_last_day"]),
        ("Förvaringsplats för protokollet", certificate["kept_at"])) if v or k in (
        "Organ", "Sammanträdesdatum", "Anslaget under tiden", "Förvaringsplats för protokollet")]

    content_hash = _s(extras.get("content_hash")).lower()
    doc_title = f"{title} {body} {organisation} {date}".replace("  ", " ").strip()
    return {
        "title": title, "doc_title": doc_title, "is_extract": is_extract,
        "draft": bool(extras.get("draft")), "draft_text": "UTKAST – ej justerat",
        "organisation": organisation, "body": body, "date": date, "time": time, "place": place, "span": span,
        "protocol_label": _s(meeting.get("protocol_label")),
        "header": [(k, v) for k, v in header if v],
        "recording_url": _s(extras.get("recording_url")),
        "attendance": [] if is_extract else _attendance(protocol, officers),
        "adjusters": adjusters, "adjusters_text": join_and(adjusters),
        "adjustment": {"date": _s(adjustment.get("date")), "place": _s(adjustment.get("place")),
                       "text": adjustment_text},
        "adjustment_rows": [("Utses att justera", join_and(adjusters) or "–"),
                            ("Justeringsdag", _s(adjustment.get("date")) or "–"),
                            ("Plats för justering", _s(adjustment.get("place")) or "–")],
        "signatures": signatures,
        "certificate": certificate,
        "paragraphs": [_paragraph(p, body, extras) for p in chosen],
        "certification": {"secretary": _s(officers.get("secretary")), "adjusted": _s(adjustment.get("date"))},
        "content_hash": content_hash,
        # One initials box per person who signs every page: the chair and each adjuster.
        "sign_slots": list(range(max(1, len(adjusters) + (1 if officers.get("chair") else 0)))),
        "footer_sign": "Justerandes signatur",
    }
