"""The demo's building blocks: a compact way to build an association through the services.

Everything goes through `associations.services` and `board.services` (validated, one transaction
each), so the demo also exercises the rules: a paragraph with a decision where the board is not
quorate would be refused here just as in the browser. Models are written directly only where no
service exists (people, mandates, seat groups, presidium rotation, the protocol template).
"""
from dataclasses import dataclass
from datetime import date, time, timedelta

from samordna.associations import services as association_services
from samordna.associations.models import Member
from samordna.board import selectors, services
from samordna.board.models import AgendaItem, Body, Mandate, Meeting, Person, PresidiumTerm, Role, SeatGroup, StandardItem

FK = Member.Kind.SOCIAL_INSURANCE
AF = Member.Kind.EMPLOYMENT_SERVICE
REGION = Member.Kind.REGION
MUNICIPALITY = Member.Kind.MUNICIPALITY

DECISION = AgendaItem.Kind.DECISION
INFORMATION = AgendaItem.Kind.INFORMATION


def t(text):
    """"13:30" → time(13, 30)."""
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def clock(start, end):
    """Presence between two clock times ("är med mellan 13:30 och 14:00")."""
    return {"start": t(start) if start else None, "end": t(end) if end else None}


def during(first, last=None):
    """Presence by paragraph ("under § 41")."""
    return {"from_paragraph": first, "to_paragraph": last or first}


@dataclass
class Para:
    """One paragraph of a protocol, and the agenda item it comes from."""

    title: str
    text: str = ""
    decisions: tuple = ()
    kind: str = DECISION
    at: str | None = None  # clock time the paragraph was handled
    until: str | None = None
    tabled: bool = False
    case: str = ""
    proposal: str = ""
    immediately: bool = False
    sub: str = ""
    on_agenda: bool = True


def dec(title, text="", decisions=(), **extra):
    return Para(title, text, tuple([decisions] if isinstance(decisions, str) else decisions), DECISION, **extra)


def info(title, text="", decisions=(), **extra):
    return Para(title, text, tuple([decisions] if isinstance(decisions, str) else decisions), INFORMATION, **extra)


def upcoming(today, weeks, weekday):
    """The first `weekday` (0 = Monday) at least `weeks` weeks after today: meetings that are always in the future."""
    day = today + timedelta(weeks=weeks)
    return day + timedelta(days=(weekday - day.weekday()) % 7)


class Builder:
    """Builds one association: Members, bodies, people, meetings, agendas, attendance and protocols."""

    def __init__(self, *, slug, name, address="", **charter):
        self.association = association_services.create_association(slug=slug, name=name, address=address, **charter)
        self.members = {}
        self.people = {}
        self._agenda = {}

    # Members, bodies, seats -------------------------------------------------

    def member(self, name, kind, *, short="", code="", population=None):
        member = association_services.save_member(
            Member(association=self.association, name=name, kind=kind, short_name=short, municipality_code=code)
        )
        for day, figure in (population or {}).items():
            association_services.set_population(member, day, figure)
        self.members[name] = member
        return member

    def body(self, name, slug, kind=Body.Kind.BOARD, **fields):
        return association_services.save_body(Body(association=self.association, name=name, slug=slug, kind=kind, **fields))

    def seat_group(self, body, name, member_names, seats=1):
        """Put Members into one seat group, taking them out of the one-Member groups the service gave them."""
        group, _ = SeatGroup.objects.get_or_create(body=body, name=name, defaults={"seats": seats})
        group.seats = seats
        group.save()
        for member_name in member_names:
            member = self.members[member_name]
            for other in body.seat_groups.filter(members=member).exclude(pk=group.pk):
                other.members.remove(member)
                if not other.members.exists():
                    other.delete()
            group.members.add(member)
        return group

    def order_seats(self, body, names):
        for position, name in enumerate(names, start=1):
            body.seat_groups.filter(name=name).update(position=position)

    def presidium(self, body, rotation):
        """{year: (chair Member, vice chair Member)}: the charter's turordning."""
        for year, (chair, vice) in rotation.items():
            PresidiumTerm.objects.create(
                body=body, year=year, chair_member=self.members[chair],
                vice_chair_member=self.members[vice] if vice else None,
            )

    def standard_items(self, rows):
        """Replace the default protocol template: (title, kind, text, decision)."""
        self.association.standard_items.all().delete()
        StandardItem.objects.bulk_create(
            StandardItem(association=self.association, position=i, title=title, kind=kind, text=text, decision=decision)
            for i, (title, kind, text, decision) in enumerate(rows, start=1)
        )

    # People -----------------------------------------------------------------

    def person(self, name, *, party="", title="", employer=""):
        if name not in self.people:
            self.people[name] = Person.objects.create(
                association=self.association, name=name, party=party, title=title, employer=employer
            )
        return self.people[name]

    def mandate(self, body, name, member=None, role=Role.MEMBER, *, party="", title="", function="", order=1,
                start=None, end=None):
        person = self.person(name, party=party, title=title)
        Mandate.objects.create(
            person=person, body=body, member=self.members[member] if member else None, role=role,
            function=function, substitute_order=order, term_start=start, term_end=end,
        )
        return person

    def staff(self, body, name, title, function=""):
        person = self.person(name, title=title, employer=self.association.name)
        Mandate.objects.create(person=person, body=body, role=Role.OFFICIAL, function=function)
        return person

    # Meetings ---------------------------------------------------------------

    def meeting(self, body, day, start, end=None, place="", *, label="", remote=False, public=False, first_number=None):
        return services.save_meeting(
            Meeting(body=body, date=day, start=t(start), end=t(end) if end else None, place=place, label=label,
                    remote_participation=remote, public=public, first_number=first_number)
        )

    def officers(self, meeting, chair, secretary, adjusters=()):
        meeting.chair = self.people[chair]
        meeting.secretary = self.people[secretary]
        services.save_meeting(meeting)
        meeting.adjusters.set([self.people[name] for name in adjusters])

    def _mandate(self, meeting, person):
        for mandate in person.mandates.filter(body=meeting.body):
            if mandate.current_on(meeting.date):
                return mandate
        return None

    def present(self, meeting, name, *intervals, remote=False, replaces=None, note=""):
        person = self.people[name]
        mandate = self._mandate(meeting, person)
        return services.set_attendance(
            meeting, person, status="present", remote=remote, note=note, intervals=list(intervals), mandate=mandate,
            replaces=self.people[replaces] if replaces else None, role=None if mandate else Role.GUEST,
        )

    def absent(self, meeting, name):
        person = self.people[name]
        return services.set_attendance(meeting, person, status="absent", mandate=self._mandate(meeting, person))

    def guest(self, meeting, name, title, employer, *intervals, note="", remote=False):
        self.person(name, title=title, employer=employer)
        return self.present(meeting, name, *intervals, note=note, remote=remote)

    def everyone(self, meeting, *, except_=(), absent=(), remote=()):
        """Register every member, substitute and staff of the body as present, but for the listed."""
        for mandate in Mandate.objects.filter(body=meeting.body).select_related("person"):
            name = mandate.person.name
            if name in except_ or not mandate.current_on(meeting.date):
                continue
            if name in absent:
                self.absent(meeting, name)
            else:
                self.present(meeting, name, remote=name in remote)

    # Agenda and protocol ----------------------------------------------------

    def agenda(self, meeting, paras):
        """The föredragningslista: one item per paragraph that is on it (the standard paragraphs are not)."""
        items = self._agenda.setdefault(meeting.pk, {})
        for para in paras:
            if not para.on_agenda:
                continue
            proposal = para.proposal or "\n".join(f"att {d}" for d in para.decisions if para.kind == DECISION)
            items[id(para)] = services.add_agenda_item(
                meeting, title=para.title, kind=para.kind, case_number=para.case, proposal=proposal
            )
        return items

    def take_up(self, meeting, paragraph):
        item = services.take_up_tabled(meeting, paragraph)
        # The service starts the resumed item without a proposal; the demo carries over the one first put forward.
        if paragraph.agenda_item and paragraph.agenda_item.proposal:
            item.proposal = paragraph.agenda_item.proposal
            item.save(update_fields=["proposal"])
        return item

    def protocol(self, meeting, paras, *, standard=True):
        """Write the protocol: the association's standard paragraphs, then one paragraph per entry."""
        if standard:
            services.apply_standard_items(meeting)
        items = self._agenda.get(meeting.pk, {})
        written = {}
        # The charter's rule (via the selector) gives the first number; the rest follow it, and the service still
        # refuses any number that is taken in its scope. Sub-items (5 a, 5 b …) share their parent's number.
        number = selectors.next_paragraph_number(meeting) - 1
        for para in paras:
            paragraph = services.save_paragraph(
                meeting,
                number=number if para.sub else number + 1,
                decisions_text="\n".join(para.decisions),
                title=para.title,
                kind=para.kind,
                case_number=para.case,
                text=para.text,
                agenda_item=items.get(id(para)),
                tabled=para.tabled,
                adjusted_immediately=para.immediately,
                start=t(para.at) if para.at else None,
                end=t(para.until) if para.until else None,
                sub=para.sub,
            )
            number = paragraph.number
            written[para.title] = paragraph
        return written


def plan(builder, body, dates, start, end, place, **extra):
    """Meetings in the plan, with no agenda or protocol yet."""
    return [builder.meeting(body, day, start, end, place, **extra) for day in dates]


def standard_count(builder):
    return builder.association.standard_items.count()


__all__ = [
    "AF", "DECISION", "FK", "INFORMATION", "MUNICIPALITY", "REGION", "Body", "Builder", "Para", "Role",
    "clock", "date", "dec", "during", "info", "plan", "standard_count", "t", "upcoming",
]
