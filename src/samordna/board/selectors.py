"""Reads for the board: who is in the room at each paragraph, and is the board quorate there."""
from dataclasses import dataclass

from django.db.models import Prefetch

from samordna.rules import numbering, presence, quorum, substitutes

from .models import (Attendance, Ballot, Decision, Disqualification, Mandate, Meeting, Motion, Paragraph, ParagraphAttachment,
                     Presence, Recording, Reservation, Role)


@dataclass(frozen=True)
class ParagraphQuorum:
    paragraph: Paragraph | None
    verdict: quorum.Verdict
    time_estimated: bool
    serving_names: tuple[str, ...]

    @property
    def reason(self):
        return self.verdict.reasons[0]


PARAGRAPH_ORDER = ("number", "sub", "position")  # Paragraph's default order within one meeting


def displayed_paragraphs(meeting):
    """The meeting's paragraphs with everything the protocol page prints of them, read in a fixed handful of
    queries (one per kind of thing, not one per paragraph)."""
    # to_attr lists: Django then skips building a related queryset per paragraph and kind. Orders by the parent's id,
    # not the models' default "paragraph", which Django expands into joins up to the association on every query.
    shown = {
        "decisions": Decision.objects.order_by("paragraph_id", "position", "id"),
        "attachments": ParagraphAttachment.objects.select_related("document").defer(
            "content", "document__content", "document__text").order_by("paragraph_id", "position", "id"),
        "recordings": Recording.objects.order_by("paragraph_id", "position", "id"),
        "motions": Motion.objects.select_related("mover", "seconder").order_by("paragraph_id", "position", "id"),
        "reservations": Reservation.objects.select_related("person").order_by("paragraph_id", "id"),
        "disqualifications": Disqualification.objects.select_related("person").order_by("paragraph_id", "id"),
    }
    return meeting.paragraphs.order_by(*PARAGRAPH_ORDER).select_related("vote__chair").prefetch_related(
        *(Prefetch(name, queryset=queryset, to_attr=f"_shown_{name}") for name, queryset in shown.items()),
        Prefetch("vote__ballots", queryset=Ballot.objects.select_related("person", "member").order_by("vote_id", "position", "id")))


def voting_mandates(meeting):
    """Member and substitute mandates of the meeting's body that are in force on its date and belong to a seat group."""
    mandates = (
        Mandate.objects.filter(body=meeting.body, role__in=[Role.MEMBER, Role.SUBSTITUTE])
        .select_related("person", "member")
        .order_by("substitute_order", "person__name")
    )
    return [m for m in mandates if m.member_id and m.current_on(meeting.date)]


def _group_of_member(meeting):
    """The charter's seat groups; a body without any (an arbetsutskott) has one seat per member mandate."""
    mapping, groups = {}, []
    for group in meeting.body.seat_groups.order_by("position", "name").prefetch_related("members"):
        groups.append(substitutes.SeatGroup(name=group.name, seats=group.seats))
        for member in group.members.all():
            mapping[member.id] = group.name
    if not groups:
        seats = {}
        for mandate in voting_mandates(meeting):
            if mandate.role == Role.MEMBER:
                seats[mandate.member] = seats.get(mandate.member, 0) + 1
        for member, count in seats.items():
            groups.append(substitutes.SeatGroup(name=member.name, seats=count))
            mapping[member.id] = member.name
    return groups, mapping


def _substitute_orders(meeting, mandates):
    """Charter order: as the board listed them, or by the population of the substitute's Member (largest first)."""
    if meeting.association.charter.substitute_order != "population":
        return {m.id: m.substitute_order for m in mandates}
    subs = [m for m in mandates if m.role == Role.SUBSTITUTE]
    population = {m.member.name: m.member.population_on(meeting.date) or 0 for m in subs}
    ranked = substitutes.order_by_population([(str(m.id), m.member.name) for m in subs], population)
    return {int(key): rank for rank, key in enumerate(ranked, start=1)}


def roster(meeting):
    """The rules' view of the body: seat groups and everyone who may serve, keyed by person id."""
    groups, group_of = _group_of_member(meeting)
    mandates = [m for m in voting_mandates(meeting) if m.member_id in group_of]
    orders = _substitute_orders(meeting, mandates)
    replaces = dict(
        Attendance.objects.filter(meeting=meeting, replaces__isnull=False).order_by().values_list("person_id", "replaces_id")
    )
    reps = [
        substitutes.Representative(
            name=str(m.person_id),
            role=m.role,
            group=group_of[m.member_id],
            order=orders.get(m.id, m.substitute_order),
            replaces=str(replaces[m.person_id]) if m.person_id in replaces else None,
        )
        for m in mandates
    ]
    return groups, reps, {m.person_id: m.person for m in mandates}


def presence_intervals(meeting):
    """Person id → intervals, for everyone registered as present."""
    result = {}
    attendances = (Attendance.objects.filter(meeting=meeting, status=Attendance.Status.PRESENT).order_by("pk")
                   .prefetch_related(_presences()))
    for attendance in attendances:
        result[attendance.person_id] = [
            presence.Interval(start=p.start, end=p.end, from_paragraph=p.from_paragraph, to_paragraph=p.to_paragraph)
            for p in attendance.presences.all()
        ]
    return result


def _presences():
    """An attendance's intervals in Presence's own order, without the joins its default order ("attendance") costs."""
    return Prefetch("presences", queryset=Presence.objects.order_by("attendance_id", "start", "from_paragraph", "id"))


def present_at(intervals_by_person, moment):
    return {str(pid) for pid, intervals in intervals_by_person.items() if presence.is_present(intervals, moment)}


def disqualified_by_paragraph(meeting):
    """Paragraph id → ids (as the rules' names) of the people who left that paragraph for jäv."""
    result = {}
    rows = Disqualification.objects.filter(paragraph__meeting=meeting).order_by().values_list("paragraph_id", "person_id")
    for paragraph_id, person_id in rows:
        result.setdefault(paragraph_id, set()).add(str(person_id))
    return result


def quorum_by_paragraph(meeting, paragraphs=None, extra=None):
    """A verdict for every paragraph; `extra` (number, time) evaluates a paragraph not yet saved.

    A member who is jävig takes no part in the paragraph (KL 6 kap. 28 §), so for the rules they are absent there:
    the next substitute of the same seat group steps in and the quorum is counted without them."""
    paragraphs = list(meeting.paragraphs.order_by(*PARAGRAPH_ORDER)) if paragraphs is None else list(paragraphs)
    points = [(p, p.number, p.start) for p in paragraphs]
    if extra is not None:
        points.append((None, extra[0], extra[1]))
        points.sort(key=lambda point: point[1])
    groups, reps, people = roster(meeting)
    intervals = presence_intervals(meeting)
    times = presence.estimate_times([t for _, _, t in points], meeting.start)
    rule = quorum.QuorumRule(require_all_groups=meeting.association.charter.quorum_all_groups)
    disqualified = disqualified_by_paragraph(meeting)
    result = []
    for (paragraph, number, known), at in zip(points, times):
        present = present_at(intervals, presence.Moment(time=at, paragraph=number))
        if paragraph is not None:
            present -= disqualified.get(paragraph.pk, set())
        verdict = quorum.assess(groups, reps, present, rule)
        names = tuple(_serving_label(s, people) for s in verdict.serving)
        result.append(ParagraphQuorum(paragraph, verdict, known is None, names))
    return result


def quorum_for_new(meeting, number, start):
    return next(q for q in quorum_by_paragraph(meeting, extra=(number, start)) if q.paragraph is None)


def serving_at_start(meeting):
    groups, reps, people = roster(meeting)
    at = presence.Moment(time=meeting.start, paragraph=None)
    verdict = quorum.assess(groups, reps, present_at(presence_intervals(meeting), at))
    return verdict, [_serving_label(s, people) for s in verdict.serving]


def _serving_label(serving, people):
    person = people.get(int(serving.name))
    label = person.name if person else serving.name
    if serving.replaces and int(serving.replaces) in people:
        label += f" (ersätter {people[int(serving.replaces)].name})"
    return label


def numbered_meetings(meeting):
    """This meeting and the others of its body, in the form the numbering rule reads."""
    numbers = {}
    for meeting_id, number in Paragraph.objects.filter(meeting__body_id=meeting.body_id).order_by().values_list(
            "meeting_id", "number"):
        numbers.setdefault(meeting_id, set()).add(number)
    others = Meeting.objects.filter(body_id=meeting.body_id).exclude(pk=meeting.pk).order_by("date", "start", "pk")
    to_rule = lambda pk, day: numbering.NumberedMeeting(key=pk, date=day, numbers=tuple(sorted(numbers.get(pk, ()))))  # noqa: E731
    return to_rule(meeting.pk, meeting.date), [to_rule(pk, day) for pk, day in others.values_list("pk", "date")]


def next_paragraph_number(meeting, numbered=None):
    own, others = numbered or numbered_meetings(meeting)
    scheme = numbering.Scheme(meeting.body.numbering_scheme)
    if not own.numbers and meeting.first_number:
        return meeting.first_number
    # The body's first number only bridges the history kept outside the system; once any protocol is here,
    # schemes that restart begin at 1.
    has_history = any(m.numbers for m in others)
    first = 1 if has_history and scheme != numbering.Scheme.CONTINUOUS else meeting.body.first_number
    return numbering.next_number(scheme, own, others, first_number=first)


def tabled_suggestions(meeting):
    """Paragraphs tabled at earlier meetings of the body that no later agenda has taken up yet."""
    return (
        Paragraph.objects.filter(meeting__body=meeting.body, meeting__date__lt=meeting.date, tabled=True, resumed_by__isnull=True)
        .select_related("meeting")
        .order_by("meeting__date", "number")
    )


def attendance_blocks(meeting, quorums=None):
    """Attendance grouped as the protocols print it: Beslutande, Ersättare, Adjungerade, Övriga, Anmält förhinder.
    `quorums`: the meeting's quorum_by_paragraph when the caller has it already."""
    attendances = list(
        meeting.attendances.order_by("role", "person__name").select_related("person", "mandate__member", "replaces")
        .prefetch_related(_presences())
    )
    verdicts = [q.verdict for q in (quorum_by_paragraph(meeting) if quorums is None else quorums)]
    if not verdicts:
        verdicts = [serving_at_start(meeting)[0]]
    serving_ids, replaced = set(), {}
    for verdict in verdicts:
        for s in verdict.serving:
            serving_ids.add(int(s.name))
            if s.replaces:
                replaced.setdefault(int(s.name), int(s.replaces))
    names = dict(meeting.body.association.people.filter(id__in=replaced.values()).values_list("id", "name"))
    for a in attendances:
        # "ersätter X": the secretary's choice, else whom the charter's order made the substitute serve for.
        a.replaces_name = a.replaces.name if a.replaces else names.get(replaced.get(a.person_id))
    present = [a for a in attendances if a.status == Attendance.Status.PRESENT]
    blocks = [
        ("Ledamöter", [a for a in present if a.role == Role.MEMBER]),
        ("Tjänstgörande ersättare", [a for a in present if a.role == Role.SUBSTITUTE and a.person_id in serving_ids]),
        ("Ersättare", [a for a in present if a.role == Role.SUBSTITUTE and a.person_id not in serving_ids]),
        ("Adjungerade", [a for a in present if a.role == Role.CO_OPTED]),
        ("Övriga närvarande", [a for a in present if a.role in (Role.OFFICIAL, Role.GUEST)]),
        ("Anmält förhinder", [a for a in attendances if a.status == Attendance.Status.ABSENT]),
    ]
    return [(title, rows) for title, rows in blocks if rows]
