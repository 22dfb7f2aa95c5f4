"""Writes for the board. Each function is one transaction; bad input raises ValidationError in Swedish and saves nothing."""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from samordna.accounts.audit import record_created
from samordna.rules import numbering, presence, substitutes
from samordna.search.signals import batch as search_batch

from . import selectors
from .adjustment import ensure_editable
from .models import AgendaItem, Attendance, Decision, Paragraph, Presence, Role, StandardItem, Vote


def _raise_if(errors, field=None):
    if errors:
        raise ValidationError({field: errors} if field else errors)


# Meetings -----------------------------------------------------------------


def save_meeting(meeting):
    """Create or update a meeting; its paragraph numbers must not collide with another meeting's in the same scope."""
    with transaction.atomic():
        if meeting.pk:
            ensure_editable(meeting)
        meeting.full_clean()
        meeting.save()
        if meeting.first_number:
            own, others = selectors.numbered_meetings(meeting)
            count = max(len(own.numbers), 1)
            wanted = numbering.NumberedMeeting(
                key=own.key, date=own.date, numbers=tuple(range(meeting.first_number, meeting.first_number + count))
            )
            _raise_if(numbering.conflicts(numbering.Scheme(meeting.body.numbering_scheme), wanted, others), "first_number")
    return meeting


# Agenda -------------------------------------------------------------------


def add_agenda_item(meeting, **fields):
    with transaction.atomic():
        position = (meeting.agenda_items.aggregate(m=Max("position"))["m"] or 0) + 1
        item = AgendaItem(meeting=meeting, position=position, **fields)
        if item.tabled_from_id:
            tabled = item.tabled_from
            if tabled.meeting.body_id != meeting.body_id or tabled.meeting.date >= meeting.date or not tabled.tabled:
                raise ValidationError({"tabled_from": "Bara ärenden som bordlagts vid ett tidigare möte i samma organ kan tas upp igen."})
        item.full_clean()
        item.save()
    return item


def take_up_tabled(meeting, paragraph):
    """Put a tabled paragraph back on the agenda of a later meeting."""
    return add_agenda_item(
        meeting,
        title=paragraph.title,
        kind=paragraph.kind,
        case_number=paragraph.case_number,
        proposal=paragraph.agenda_item.proposal if paragraph.agenda_item else "",
        tabled_from=paragraph,
    )


def move_agenda_item(item, delta):
    with transaction.atomic():
        items = list(item.meeting.agenda_items.order_by("position", "id"))
        index = items.index(item)
        target = index + delta
        if 0 <= target < len(items):
            items[index], items[target] = items[target], items[index]
        for position, each in enumerate(items, start=1):
            if each.position != position:
                each.position = position
                each.save(update_fields=["position"])


# Attendance ---------------------------------------------------------------


def _whole_meeting_present(meeting, exclude_person_id):
    return {
        str(a.person_id)
        for a in meeting.attendances.filter(status=Attendance.Status.PRESENT).prefetch_related("presences")
        if a.person_id != exclude_person_id and not a.presences.all()
    }


def set_attendance(meeting, person, *, status, remote=False, replaces=None, note="", intervals=(), mandate=None, role=None):
    """Register one person's attendance with partial presence; validated against the meeting and the charter."""
    ensure_editable(meeting)
    intervals = [presence.Interval(**i) if isinstance(i, dict) else i for i in intervals]
    errors = {}
    if status == Attendance.Status.PRESENT:
        interval_errors = presence.interval_errors(intervals, meeting.start, meeting.end)
        if interval_errors:
            errors["presences"] = interval_errors
    if replaces is not None:
        _, reps, _ = selectors.roster(meeting)
        present = _whole_meeting_present(meeting, person.id)
        message = substitutes.replacement_errors(reps, str(person.id), str(replaces.id), present)
        message = [m.replace(str(person.id), person.name).replace(str(replaces.id), replaces.name) for m in message]
        if message:
            errors["replaces"] = message
    _raise_if(errors)
    with transaction.atomic():
        attendance, _ = Attendance.objects.update_or_create(
            meeting=meeting,
            person=person,
            defaults={
                "status": status,
                "remote": remote,
                "replaces": replaces,
                "note": note,
                "mandate": mandate,
                "role": role or (mandate.role if mandate else Role.GUEST),
            },
        )
        attendance.presences.all().delete()
        if status == Attendance.Status.PRESENT:
            record_created(Presence.objects.bulk_create(  # bulk writes send no signals: log each interval
                Presence(
                    attendance=attendance, start=i.start, end=i.end, from_paragraph=i.from_paragraph, to_paragraph=i.to_paragraph
                )
                for i in intervals
            ))
        _check_replacing_present_member(meeting)
    return attendance


def _check_replacing_present_member(meeting):
    """A member marked present for the whole meeting cannot have a substitute chosen to serve for them."""
    for attendance in meeting.attendances.filter(replaces__isnull=False).select_related("person", "replaces"):
        if str(attendance.replaces_id) in _whole_meeting_present(meeting, attendance.person_id):
            raise ValidationError(
                {"status": [f"{attendance.person.name} är vald att ersätta {attendance.replaces.name}, som då inte kan vara närvarande hela mötet. Ändra först ersättarens val."]}
            )


def clear_attendance(meeting, person):
    ensure_editable(meeting)
    Attendance.objects.filter(meeting=meeting, person=person).delete()


# Protocol -----------------------------------------------------------------


def _decision_lines(text):
    lines = [line.strip() for line in (text or "").splitlines()]
    return [line[4:].strip() if line.lower().startswith("att ") else line for line in lines if line]


def _check_quorum(meeting, number, start, kind, tabled, decisions, paragraph=None):
    """The board may not decide when it is not quorate (FinsamL; KL 6 kap. 27 § by analogy)."""
    if not decisions or tabled or kind == AgendaItem.Kind.INFORMATION:
        return
    if paragraph is None:
        verdict = selectors.quorum_for_new(meeting, number, start).verdict
    else:
        others = [p for p in meeting.paragraphs.all() if p.pk != paragraph.pk]
        paragraph.number, paragraph.start = number, start
        verdict = next(q.verdict for q in selectors.quorum_by_paragraph(meeting, others + [paragraph]) if q.paragraph is paragraph)
    if not verdict.quorate:
        raise ValidationError(
            {
                "decisions": [
                    f"{meeting.body.name} är inte beslutsför vid § {number}: {'; '.join(verdict.reasons)}. "
                    "Markera paragrafen som bordlagd eller som informationsärende, eller ändra närvaron."
                ]
            }
        )


def _check_number(meeting, number, sub, paragraph, numbered):
    """Unique within the meeting (number and sub-item letter) and within the charter's numbering scope."""
    same = meeting.paragraphs.filter(number=number, sub=sub)
    if paragraph is not None:
        same = same.exclude(pk=paragraph.pk)
    if same.exists():
        raise ValidationError({"number": [f"§ {number}{' ' + sub if sub else ''} finns redan i det här protokollet."]})
    own, others = numbered
    candidate = numbering.NumberedMeeting(key=own.key, date=own.date, numbers=tuple(sorted(set(own.numbers) | {number})))
    _raise_if(numbering.conflicts(numbering.Scheme(meeting.body.numbering_scheme), candidate, others), "number")


def save_paragraph(meeting, *, paragraph=None, number=None, decisions_text="", **fields):
    """Create (number by the charter's rule) or update a paragraph and its decision clauses."""
    ensure_editable(meeting)
    decisions = _decision_lines(decisions_text)
    with transaction.atomic(), search_batch():
        numbered = selectors.numbered_meetings(meeting)
        if number is None:
            number = paragraph.number if paragraph else selectors.next_paragraph_number(meeting, numbered)
        _check_number(meeting, number, fields.get("sub", ""), paragraph, numbered)
        _check_quorum(meeting, number, fields.get("start"), fields.get("kind"), fields.get("tabled"), decisions, paragraph)
        if paragraph is None:
            paragraph = Paragraph(meeting=meeting)
        paragraph.number = number
        for name, value in fields.items():
            setattr(paragraph, name, value)
        paragraph.full_clean(exclude=["meeting"], validate_unique=False)
        paragraph.save()
        paragraph.decisions.all().delete()
        for i, t in enumerate(decisions):  # one by one: each save reaches the audit log's signal
            Decision.objects.create(paragraph=paragraph, position=i, text=t)
    return paragraph


def delete_paragraph(paragraph):
    ensure_editable(paragraph.meeting)
    if Vote.objects.filter(paragraph=paragraph).exclude(lot_winner="").exists():
        # Deleting the paragraph would let the lot be drawn again in a new one.
        raise ValidationError(f"Lottning har förrättats vid § {paragraph.number}. Paragrafen kan inte tas bort.")
    paragraph.delete()


def save_officers(meeting, *, chair, secretary, adjusters):
    ensure_editable(meeting)
    with transaction.atomic():
        meeting.chair, meeting.secretary = chair, secretary
        meeting.save(update_fields=["chair", "secretary"])
        meeting.adjusters.set(adjusters)


def _fill(template, meeting):
    adjusters = " och ".join(p.name for p in meeting.adjusters.all()) or "…"
    values = {"ordforande": meeting.chair.name if meeting.chair else "…", "justerare": adjusters, "datum": f"{meeting.date:%Y-%m-%d}"}
    for key, value in values.items():
        template = template.replace("{" + key + "}", value)
    return template


def apply_standard_items(meeting):
    """Open the protocol with the association's standard paragraphs (opening, adjusters, agenda)."""
    created = []
    with transaction.atomic():
        for item in StandardItem.objects.filter(association=meeting.association):
            if meeting.paragraphs.filter(title=item.title).exists():
                continue
            created.append(
                save_paragraph(
                    meeting,
                    title=item.title,
                    kind=item.kind,
                    text=_fill(item.text, meeting),
                    decisions_text=_fill(item.decision, meeting),
                    start=None,
                )
            )
    return created


def paragraph_from_agenda(meeting, item):
    """Start a paragraph from an agenda item: its title, case number and proposal become the draft."""
    return save_paragraph(
        meeting,
        title=item.title,
        kind=item.kind,
        case_number=item.case_number,
        text="",
        decisions_text="",
        agenda_item=item,
        start=None,
    )


DEFAULT_STANDARD_ITEMS = [
    ("Sammanträdet öppnas", "information", "Ordföranden {ordforande} öppnar sammanträdet.", ""),
    ("Val av justerare", "decision", "", "utse {justerare} att jämte ordföranden justera protokollet"),
    ("Godkännande av dagordning", "decision", "", "godkänna dagordningen"),
]


def ensure_standard_items(association):
    if not association.standard_items.exists():
        record_created(StandardItem.objects.bulk_create(
            StandardItem(association=association, position=i, title=t, kind=k, text=x, decision=d)
            for i, (t, k, x, d) in enumerate(DEFAULT_STANDARD_ITEMS, start=1)
        ))
