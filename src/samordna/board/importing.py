"""Importing protocols kept outside samordna: upload files, parse them into previews, confirm them into meetings.

Upload keeps the file's bytes, so parsing can run file by file (the batch page shows progress) and a preview can be
parsed again. Confirming is one transaction: the meeting, its people (matched by name, else created), mandates,
attendance, officers, paragraphs and decisions, sealed as an adjusted protocol with its content hash. A file whose
bytes were confirmed before is recognised by hash and changes nothing.
"""
import hashlib
import re
import secrets
import tempfile
from datetime import date, time
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from samordna.accounts.audit import record_created, record_update
from samordna.associations.models import Member
from samordna.protocols import checks
from samordna.protocols.export import seal_hash
from samordna.protocols.extract import extract
from samordna.protocols.interchange import Protocol, validate
from samordna.protocols.readers import SUPPORTED, Limits, ReadError
from samordna.rules import numbering, votes

from . import import_sniff, selectors
from .models import (Attendance, Ballot, Body, Decision, Mandate, Meeting, Paragraph, Person, Presence, ProtocolImport,
                     Reservation, Role, Vote)

MAX_FILES = 50


def max_bytes():
    return getattr(settings, "PROTOCOL_IMPORT_MAX_BYTES", Limits.max_bytes)


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# Upload and parse ------------------------------------------------------------------------------------------------


def upload(association, files, user=None):
    """Store a batch of (filename, bytes); refuses the whole batch (nothing saved) if any file is unusable."""
    if not files:
        raise ValidationError({"files": "Välj minst en fil att importera."})
    if len(files) > MAX_FILES:
        raise ValidationError({"files": f"Högst {MAX_FILES} filer per omgång; du valde {len(files)}."})
    errors = []
    for name, data in files:
        suffix = Path(name).suffix.lower()
        if suffix not in SUPPORTED:
            errors.append(f"{name}: filtypen {suffix or '(ingen)'} stöds inte; använd .txt, .md, .docx eller .pdf.")
        elif not data:
            errors.append(f"{name}: filen är tom.")
        elif len(data) > max_bytes():
            size, limit = (f"{n / 2**20:.1f}".replace(".", ",") for n in (len(data), max_bytes()))
            errors.append(f"{name}: filen är {size} MB; högst {limit} MB tillåts.")
        elif import_sniff.mismatch(name, suffix, data):
            errors.append(import_sniff.mismatch(name, suffix, data))
    if errors:
        raise ValidationError({"files": errors})
    batch = secrets.token_hex(8)
    with transaction.atomic():
        for name, data in files:
            ProtocolImport.objects.create(
                association=association, batch=batch, filename=Path(name).name[:255], content_hash=file_hash(data),
                source=data, uploaded_by=user if user and user.is_authenticated else None,
            )
    return batch


def already_imported(imp):
    return (ProtocolImport.objects.filter(association=imp.association, content_hash=imp.content_hash,
                                          status=ProtocolImport.Status.CONFIRMED)
            .exclude(pk=imp.pk).select_related("meeting").first())


def guess_body(association, name):
    bodies = list(Body.objects.filter(association=association))
    wanted = " ".join((name or "").casefold().split())
    for body in bodies:
        if wanted and (body.name.casefold() in wanted or wanted in body.name.casefold()):
            return body
    return next((b for b in bodies if b.kind == Body.Kind.BOARD), bodies[0] if bodies else None)


def parse_import(imp):
    """Parse one uploaded file into its preview (or a Swedish error); returns the import."""
    if imp.status == ProtocolImport.Status.CONFIRMED:
        return imp
    earlier = already_imported(imp)
    if earlier:
        imp.status = ProtocolImport.Status.DUPLICATE
        imp.error = (f"Filen importerades redan {earlier.confirmed_at:%Y-%m-%d} som mötet {earlier.meeting.date:%Y-%m-%d}; "
                     "inget ändras." if earlier.meeting else "Filen har redan importerats; inget ändras.")
        imp.save(update_fields=["status", "error"])
        return imp
    suffix = Path(imp.filename).suffix.lower()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"protokoll{suffix}"
        path.write_bytes(bytes(imp.source))
        try:
            protocol, warnings = extract(path, Limits(max_bytes=max_bytes()))
        except ReadError as error:
            imp.status, imp.error = ProtocolImport.Status.FAILED, str(error).replace(path.name, imp.filename)
        except Exception as error:  # a parser bug must not stop the batch or show a traceback
            imp.status = ProtocolImport.Status.FAILED
            imp.error = f"Filen kunde inte tolkas (internt fel: {type(error).__name__}). Rapportera gärna filen."
        else:
            imp.status, imp.error = ProtocolImport.Status.PREVIEW, ""
            imp.data, imp.warnings = protocol.to_dict(), warnings
            imp.body = guess_body(imp.association, protocol.body)
    imp.save()
    return imp


def revise(imp, data, body):
    """Store the secretary's corrections to a preview; the warnings are recomputed from the corrected protocol."""
    if imp.status != ProtocolImport.Status.PREVIEW:
        raise ValidationError("Bara en förhandsgranskning kan rättas.")
    problems = validate(data)
    if problems:
        raise ValidationError(problems[:10])
    if body is None or body.association_id != imp.association_id:
        raise ValidationError({"body": "Välj vilket organ protokollet hör till."})
    imp.data, imp.body = data, body
    imp.warnings = checks.check(Protocol.from_dict(data))
    imp.save(update_fields=["data", "body", "warnings"])
    return imp


# Confirm ---------------------------------------------------------------------------------------------------------


def _norm(text):
    return " ".join((text or "").casefold().split())


def _day(text, field):
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        raise ValidationError({field: f"Datumet {text!r} är inte ett giltigt datum (ÅÅÅÅ-MM-DD)."})


def _clock(text, field):
    try:
        return time.fromisoformat(text) if text else None
    except ValueError:
        raise ValidationError({field: f"Klockslaget {text!r} är inte giltigt (TT:MM)."})


class _People:
    """Finds the association's people and Members by name, creating people who are not there yet."""

    def __init__(self, association, body, day):
        self.association, self.body, self.day = association, body, day
        self.by_name = {_norm(p.name): p for p in Person.objects.filter(association=association)}
        self.members = list(Member.objects.filter(association=association))
        self.created = []

    def member(self, organisation):
        wanted = _norm(organisation)
        if not wanted:
            return None
        exact = [m for m in self.members if _norm(m.name) == wanted]
        if exact:
            return exact[0]
        near = [m for m in self.members if wanted in _norm(m.name) or _norm(m.name) in wanted]
        return near[0] if len(near) == 1 else None

    def person(self, name, party=None, employer=None):
        key = _norm(name)
        found = self.by_name.get(key)
        if found is None:
            found = Person.objects.create(association=self.association, name=" ".join(name.split())[:200],
                                          party=(party or "")[:20], employer=(employer or "")[:200])
            self.by_name[key] = found
            self.created.append(found)
        return found

    def mandate(self, person, role, member):
        """The person's mandate in the body on the meeting's day; an imported one covers only the days seen."""
        mandates = list(Mandate.objects.filter(person=person, body=self.body, role=role))
        for m in mandates:
            if m.current_on(self.day) and (member is None or m.member_id in (None, member.pk)):
                return m
        for m in mandates:
            if m.member_id == (member.pk if member else None) and m.term_start and m.term_end:
                m.term_start, m.term_end = min(m.term_start, self.day), max(m.term_end, self.day)
                m.save(update_fields=["term_start", "term_end"])
                return m
        return Mandate.objects.create(person=person, body=self.body, role=role, member=member,
                                      term_start=self.day, term_end=self.day)


MANDATE_ROLE = {"member": Role.MEMBER, "serving_substitute": Role.SUBSTITUTE, "substitute": Role.SUBSTITUTE,
                "co_opted": Role.CO_OPTED, "official": Role.OFFICIAL}


def _attend(meeting, people, entry, status):
    role = entry.get("role") or "member"
    member = people.member(entry.get("organisation"))
    staff = role in ("official", "guest")
    person = people.person(entry["name"], entry.get("party"), entry.get("organisation") if staff or not member else None)
    mandate = people.mandate(person, MANDATE_ROLE[role], member if not staff else None) if role in MANDATE_ROLE else None
    attendance_role = MANDATE_ROLE.get(role, Role.GUEST)
    attendance, created = Attendance.objects.get_or_create(
        meeting=meeting, person=person,
        defaults={"mandate": mandate, "role": attendance_role, "status": status, "remote": bool(entry.get("remote"))})
    return attendance if created else None


def _presences(attendance, entries):
    for i, p in enumerate(entries or []):
        Presence.objects.create(attendance=attendance, start=_clock(p.get("from"), f"närvaro {i + 1}"),
                                end=_clock(p.get("to"), f"närvaro {i + 1}"),
                                from_paragraph=p.get("from_paragraph"), to_paragraph=p.get("to_paragraph"))


def _check_numbers(meeting, paragraphs):
    numbers = [(p["number"], p.get("sub") or "") for p in paragraphs]
    repeated = sorted({f"§ {n}{' ' + s if s else ''}" for n, s in numbers if numbers.count((n, s)) > 1})
    if repeated:
        raise ValidationError({"paragraphs": f"{', '.join(repeated)} förekommer flera gånger; rätta numren."})
    own, others = selectors.numbered_meetings(meeting)
    wanted = numbering.NumberedMeeting(key=meeting.pk, date=meeting.date, numbers=tuple(sorted({n for n, _ in numbers})))
    clashes = numbering.conflicts(numbering.Scheme(meeting.body.numbering_scheme), wanted, others)
    if clashes:
        raise ValidationError({"paragraphs": clashes[:5]})


def _save_vote(paragraph, entry, people, chair):
    """A vote as the protocol recorded it: ballots by name, counts as stated, the result by the counting rule."""
    data = entry.get("vote")
    if data:
        ballots = [b for b in data.get("ballots", []) if b.get("vote") in ("yes", "no", "abstain")]
        if ballots:
            result = votes.count({b["name"]: b["vote"] for b in ballots}, chair=chair.name if chair else None)
            yes, no, abstain, outcome, winner = result.yes, result.no, result.abstain, result.outcome, result.winner or ""
        else:
            yes, no, abstain = data.get("yes") or 0, data.get("no") or 0, data.get("abstain") or 0
            outcome = "yes" if yes > no else "no" if no > yes else "tie_chair"
            winner = "yes" if yes > no else "no" if no > yes else ""
        vote = Vote.objects.create(paragraph=paragraph, chair=chair, yes=yes, no=no, abstain=abstain, outcome=outcome,
                                   winner=winner if winner in ("yes", "no") else "", stated_yes=data.get("yes"),
                                   stated_no=data.get("no"), stated_abstain=data.get("abstain"))
        record_created(Ballot.objects.bulk_create(
            Ballot(vote=vote, person=people.person(b["name"], b.get("party")), choice=b["vote"], position=i)
            for i, b in enumerate(ballots)))
    for written in dict.fromkeys(entry.get("reservations", [])):
        # "Ulla Berg (S)": the protocol names the party beside the reserving member.
        match = re.match(r"^(.*?)\s*\(([^)]{1,20})\)\s*$", written)
        name, party = (match[1], match[2]) if match else (written, None)
        person = people.person(name, party)
        if not Reservation.objects.filter(paragraph=paragraph, person=person).exists():
            Reservation.objects.create(paragraph=paragraph, person=person)


def _save_paragraphs(meeting, paragraphs, people):
    for position, p in enumerate(paragraphs):
        span = p.get("time") or {}
        decisions = [d for d in p.get("decisions", []) if d.strip()]
        paragraph = Paragraph(
            meeting=meeting, number=p["number"], sub=(p.get("sub") or "")[:5], position=position,
            title=(p.get("title") or "")[:300] or f"§ {p['number']}", case_number=(p.get("case_number") or "")[:50],
            text=p.get("text") or "", tabled=bool(p.get("tabled")), adjusted_immediately=bool(p.get("adjusted_immediately")),
            kind="decision" if decisions or p.get("tabled") else "information",
            start=_clock(span.get("from"), f"§ {p['number']}"), end=_clock(span.get("to"), f"§ {p['number']}"),
        )
        paragraph.full_clean(exclude=["agenda_item"])
        paragraph.save()
        record_created(Decision.objects.bulk_create(
            Decision(paragraph=paragraph, position=i, text=d) for i, d in enumerate(decisions)))
        _save_vote(paragraph, p, people, meeting.chair)


def save_content(meeting, data, people):
    """Attendance, officers and paragraphs of an interchange document, into a meeting just created."""
    for entry in data.get("attendees", []):
        attendance = _attend(meeting, people, entry, Attendance.Status.PRESENT)
        if attendance:
            _presences(attendance, entry.get("present"))
    for entry in data.get("absent", []):
        _attend(meeting, people, entry, Attendance.Status.ABSENT)
    for entry in data.get("attendees", []):
        if entry.get("replaces"):
            record_update(Attendance.objects.filter(meeting=meeting, person=people.person(entry["name"])),
                          replaces=people.person(entry["replaces"]))
    officers = data.get("officers") or {}
    meeting.chair = people.person(officers["chair"]) if officers.get("chair") else None
    meeting.secretary = people.person(officers["secretary"]) if officers.get("secretary") else None
    meeting.save(update_fields=["chair", "secretary"])
    meeting.adjusters.set([people.person(name) for name in officers.get("adjusters", [])])
    _save_paragraphs(meeting, data.get("paragraphs", []), people)


def confirm(imp, user=None):
    """Save the preview as an adjusted meeting in one transaction; returns the meeting."""
    if imp.status == ProtocolImport.Status.CONFIRMED:
        raise ValidationError("Filen är redan importerad; inget ändras.")
    if imp.status != ProtocolImport.Status.PREVIEW or not imp.data:
        raise ValidationError("Filen har ingen förhandsgranskning att importera.")
    problems = validate(imp.data)
    if problems:
        raise ValidationError(problems[:10])
    if imp.body is None:
        raise ValidationError({"body": "Välj vilket organ protokollet hör till."})
    data = imp.data
    head = data.get("meeting", {})
    day = _day(head.get("date"), "date")
    if day is None:
        raise ValidationError({"date": "Sammanträdesdatum saknas."})
    start = _clock(head.get("start"), "start")
    if start is None:
        raise ValidationError({"start": "Starttiden saknas; fyll i när mötet började."})
    adjustment, notice = data.get("adjustment") or {}, data.get("notice") or {}
    try:
        with transaction.atomic():
            if already_imported(imp):
                raise ValidationError("Filen är redan importerad; inget ändras.")
            meeting = Meeting(body=imp.body, date=day, start=start, end=_clock(head.get("end"), "end"),
                              place=(head.get("place") or "")[:300], remote_participation=bool(head.get("remote_participation")),
                              label=(head.get("protocol_label") or "")[:100])
            meeting.full_clean(exclude=["place"])
            meeting.save()
            _check_numbers(meeting, data.get("paragraphs", []))
            people = _People(imp.association, imp.body, day)
            save_content(meeting, data, people)
            # A protocol brought from the archive was adjusted long ago: it arrives final and sealed.
            meeting.protocol_status = Meeting.ProtocolStatus.ADJUSTED
            meeting.adjusted_on = _day(adjustment.get("date"), "adjustment") or day
            meeting.notice_posted = _day(notice.get("posted"), "notice")
            meeting.content_hash = seal_hash(meeting)
            meeting.save()
            imp.status, imp.meeting, imp.confirmed_at = ProtocolImport.Status.CONFIRMED, meeting, timezone.now()
            imp.uploaded_by = imp.uploaded_by or (user if user and user.is_authenticated else None)
            imp.save()
    except IntegrityError:
        raise ValidationError("Filen är redan importerad; inget ändras.")
    return meeting
