"""Test data built through the services, in our own words."""
from datetime import date, time

from samordna.associations import services as association_services
from samordna.associations.models import Member
from samordna.board import services
from samordna.board.models import Body, Mandate, Meeting, Person, Role

LAKE_MEMBERS = [
    ("Försäkringskassan", Member.Kind.SOCIAL_INSURANCE),
    ("Arbetsförmedlingen", Member.Kind.EMPLOYMENT_SERVICE),
    ("Västra Götalandsregionen", Member.Kind.REGION),
    ("Mölndals stad", Member.Kind.MUNICIPALITY),
    ("Härryda kommun", Member.Kind.MUNICIPALITY),
    ("Partille kommun", Member.Kind.MUNICIPALITY),
    ("Lerums kommun", Member.Kind.MUNICIPALITY),
    ("Alingsås kommun", Member.Kind.MUNICIPALITY),
]


class Lake:
    """An association shaped like Insjöriket: eight Members with one seat each, numbering continuous."""

    def __init__(self):
        self.association = association_services.create_association(
            slug="sjolandet", name="Samordningsförbundet Sjölandet", numbering="continuous"
        )
        self.members = {}
        for name, kind in LAKE_MEMBERS:
            self.members[name] = association_services.save_member(Member(association=self.association, name=name, kind=kind))
        self.board = association_services.save_body(
            Body(association=self.association, name="Styrelsen", slug="styrelsen", kind=Body.Kind.BOARD, first_number=1121)
        )
        self.people = {}
        for member_name in self.members:
            short = member_name.split()[0]
            self.mandate(f"Ledamot {short}", member_name, Role.MEMBER)
            self.mandate(f"Ersättare {short}", member_name, Role.SUBSTITUTE)

    def mandate(self, person_name, member_name, role, **extra):
        person = Person.objects.create(association=self.association, name=person_name)
        Mandate.objects.create(person=person, body=self.board, member=self.members[member_name], role=role, **extra)
        self.people[person_name] = person
        return person

    def meeting(self, day=date(2021, 11, 25), start=time(13, 30), end=time(16, 30)):
        return services.save_meeting(Meeting(body=self.board, date=day, start=start, end=end, place="Kansliet"))

    def attend(self, meeting, name, intervals=(), **kwargs):
        person = self.people[name]
        mandate = person.mandates.first()
        return services.set_attendance(meeting, person, status="present", mandate=mandate, intervals=intervals, **kwargs)

    def afternoon_of_2021_11_25(self, meeting):
        """The attendance pattern of Insjöriket's meeting on 2021-11-25, with our own stand-in names."""
        for name in ("Ledamot Mölndals", "Ledamot Försäkringskassan", "Ledamot Västra", "Ersättare Mölndals", "Ersättare Partille"):
            self.attend(meeting, name)
        self.attend(meeting, "Ledamot Arbetsförmedlingen", [{"start": time(13, 30), "end": time(14, 0)}])
        self.attend(meeting, "Ersättare Härryda", [{"start": time(13, 30), "end": time(13, 57)}])
        self.attend(meeting, "Ersättare Försäkringskassan", [{"start": time(13, 30), "end": time(15, 30)}])
        self.attend(meeting, "Ersättare Alingsås", [{"start": time(13, 30), "end": time(15, 0)}])
        for name in ("Ersättare Arbetsförmedlingen", "Ledamot Lerums"):
            services.set_attendance(meeting, self.people[name], status="absent", mandate=self.people[name].mandates.first())


def write_paragraph(meeting, title, start=None, decisions="", **kwargs):
    """A decision paragraph through the service, with only what the test cares about given."""
    fields = {"kind": "decision", "text": "", "tabled": False, "start": start} | kwargs
    return services.save_paragraph(meeting, title=title, decisions_text=decisions, **fields)
