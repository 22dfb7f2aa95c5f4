"""The preview's correction form: posted fields → a corrected copy of the interchange data, with Swedish errors.

The form posts one input per field the secretary may correct (header, officers, every attendee, absent person and
paragraph); what the form does not show (partial presence, votes) is kept as parsed.
"""
import copy
import re
from datetime import date

ROLES = [("member", "Ledamot"), ("serving_substitute", "Tjänstgörande ersättare"), ("substitute", "Ersättare"),
         ("co_opted", "Adjungerad"), ("official", "Tjänsteperson"), ("guest", "Gäst")]
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CLOCK = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


def _text(post, key):
    return " ".join((post.get(key) or "").split())


def _date(post, key, label, errors):
    value = _text(post, key)
    if value and not _DATE.match(value):
        errors.append(f"{label}: skriv datumet som ÅÅÅÅ-MM-DD, inte {value!r}.")
    elif value:
        try:
            date.fromisoformat(value)
        except ValueError:
            errors.append(f"{label}: {value} finns inte i kalendern.")
    return value or None


def _clock(post, key, label, errors):
    value = _text(post, key)
    if not value:
        return None
    match = _CLOCK.match(value)
    if not match:
        errors.append(f"{label}: skriv klockslaget som TT:MM, inte {value!r}.")
        return value
    return f"{int(match[1]):02d}:{match[2]}"


def _set(entry, key, value):
    if value in (None, "", []):
        if entry.get(key) is not None:
            del entry[key]  # an explicit null stays as the parser wrote it
    else:
        entry[key] = value


def apply(data, post):
    """Returns (corrected data, errors). Nothing in `data` itself changes."""
    data, errors = copy.deepcopy(data), []
    head = data.setdefault("meeting", {})
    _set(head, "date", _date(post, "date", "Datum", errors))
    if not head.get("date"):
        errors.append("Datum: sammanträdesdatum måste anges.")
    _set(head, "start", _clock(post, "start", "Starttid", errors))
    _set(head, "end", _clock(post, "end", "Sluttid", errors))
    _set(head, "place", _text(post, "place"))
    _set(head, "protocol_label", _text(post, "protocol_label"))
    adjusted = _date(post, "adjusted_on", "Justeringsdag", errors)
    if adjusted:
        data.setdefault("adjustment", {})["date"] = adjusted
    elif data.get("adjustment"):
        data["adjustment"].pop("date", None)
    posted = _date(post, "notice_posted", "Anslaget", errors)
    if posted:
        data.setdefault("notice", {})["posted"] = posted
    elif data.get("notice"):
        data["notice"].pop("posted", None)

    officers = data.setdefault("officers", {})
    _set(officers, "chair", _text(post, "chair"))
    _set(officers, "secretary", _text(post, "secretary"))
    officers["adjusters"] = [n.strip() for n in (post.get("adjusters") or "").split(",") if n.strip()]

    roles = dict(ROLES)
    attendees = []
    for i, entry in enumerate(data.get("attendees", [])):
        if post.get(f"a-{i}-remove"):
            continue
        name = _text(post, f"a-{i}-name")
        if not name:
            errors.append(f"Närvarande rad {i + 1}: namn saknas (kryssa i ”Ta bort” för att stryka raden).")
            continue
        role = post.get(f"a-{i}-role") or entry.get("role")
        if role not in roles:
            errors.append(f"Närvarande rad {i + 1} ({name}): okänd roll.")
            continue
        entry = {**entry, "name": name, "role": role}
        for key in ("organisation", "party", "replaces"):
            _set(entry, key, _text(post, f"a-{i}-{key}"))
        if role != "serving_substitute":
            entry.pop("replaces", None)
        attendees.append(entry)
    data["attendees"] = attendees

    absent = []
    for i, entry in enumerate(data.get("absent", [])):
        if post.get(f"f-{i}-remove"):
            continue
        name = _text(post, f"f-{i}-name")
        if not name:
            errors.append(f"Frånvarande rad {i + 1}: namn saknas.")
            continue
        entry = {**entry, "name": name}
        _set(entry, "organisation", _text(post, f"f-{i}-organisation"))
        absent.append(entry)
    data["absent"] = absent

    paragraphs = []
    for i, entry in enumerate(data.get("paragraphs", [])):
        if post.get(f"p-{i}-remove"):
            continue
        number = _text(post, f"p-{i}-number")
        if not number.isdigit() or int(number) < 1:
            errors.append(f"Paragraf rad {i + 1}: paragrafnumret måste vara ett positivt heltal, inte {number!r}.")
            continue
        title = _text(post, f"p-{i}-title")
        if not title:
            errors.append(f"§ {number}: rubrik saknas.")
        entry = {**entry, "number": int(number), "title": title,
                 "decisions": [line.strip() for line in (post.get(f"p-{i}-decisions") or "").splitlines() if line.strip()],
                 "tabled": bool(post.get(f"p-{i}-tabled")),
                 "adjusted_immediately": bool(post.get(f"p-{i}-adjusted_immediately")),
                 "text": (post.get(f"p-{i}-text") or "").strip()}
        for key in ("sub", "case_number"):
            _set(entry, key, _text(post, f"p-{i}-{key}"))
        paragraphs.append(entry)
    data["paragraphs"] = paragraphs
    numbers = [p["number"] for p in paragraphs]
    if numbers:
        data["paragraph_range"] = [min(numbers), max(numbers)]
    else:
        data.pop("paragraph_range", None)
    return data, errors


def form_values(data, post=None):
    """What each input of the correction form shows: the posted value when the form came back, else the parsed one."""
    def pick(key, parsed):
        return post.get(key, "") if post is not None else ("" if parsed is None else parsed)

    head, officers = data.get("meeting", {}), data.get("officers", {})
    values = {
        "date": pick("date", head.get("date")), "start": pick("start", head.get("start")), "end": pick("end", head.get("end")),
        "place": pick("place", head.get("place")), "protocol_label": pick("protocol_label", head.get("protocol_label")),
        "adjusted_on": pick("adjusted_on", (data.get("adjustment") or {}).get("date")),
        "notice_posted": pick("notice_posted", (data.get("notice") or {}).get("posted")),
        "chair": pick("chair", officers.get("chair")), "secretary": pick("secretary", officers.get("secretary")),
        "adjusters": pick("adjusters", ", ".join(officers.get("adjusters", []))),
    }
    values["attendees"] = [
        {"i": i, "parsed": a, **{k: pick(f"a-{i}-{k}", a.get(k)) for k in ("name", "role", "organisation", "party", "replaces")},
         "remove": bool(post and post.get(f"a-{i}-remove"))}
        for i, a in enumerate(data.get("attendees", []))]
    values["absent"] = [
        {"i": i, "parsed": a, **{k: pick(f"f-{i}-{k}", a.get(k)) for k in ("name", "organisation")},
         "remove": bool(post and post.get(f"f-{i}-remove"))}
        for i, a in enumerate(data.get("absent", []))]
    values["paragraphs"] = [
        {"i": i, "parsed": p, **{k: pick(f"p-{i}-{k}", p.get(k)) for k in ("number", "sub", "title", "case_number", "text")},
         "decisions": pick(f"p-{i}-decisions", "\n".join(p.get("decisions", []))),
         "tabled": bool(post.get(f"p-{i}-tabled")) if post is not None else bool(p.get("tabled")),
         "adjusted_immediately": (bool(post.get(f"p-{i}-adjusted_immediately")) if post is not None
                                  else bool(p.get("adjusted_immediately"))),
         "remove": bool(post and post.get(f"p-{i}-remove"))}
        for i, p in enumerate(data.get("paragraphs", []))]
    return values
