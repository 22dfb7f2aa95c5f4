"""A small association for the API tests, built through the services in our own words, with one token per role
(imported by plain name, like the other test folders' builders)."""
from datetime import date

from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from factories import Lake

from samordna.accounts.models import AssociationRole
from samordna.api import services as api_services
from samordna.associations import services as association_services
from samordna.board import services as board_services
from samordna.interventions import services as intervention_services
from samordna.interventions.models import ExitReason, Intervention, Orientation
from samordna.protocols.export import content_hash, meeting_protocol
from samordna.registry import services as registry_services
from samordna.registry.models import Case
from samordna.rules.followup import breakdown_field

ROLES = ("admin", "secretary", "board_member", "reporter", "auditor")


def month_values(intervention, *, end, started, ended):
    """A consistent month: everyone in one category of each breakdown, every exit for the first reason."""
    values = {"participants_end": end, "started": started, "ended": ended, "queue_end": 0}
    for measure, total in (("participants_end", end), ("started", started), ("ended", ended)):
        values[breakdown_field(measure, "gender", "woman")] = total
        values[breakdown_field(measure, "gender", "man")] = 0
        values[breakdown_field(measure, "age", "30-39")] = total
        values[breakdown_field(measure, "support", "sickness_benefit")] = total
    reasons = list(ExitReason.objects.filter(association=intervention.association))
    for i, reason in enumerate(reasons):
        values[f"exit__{reason.pk}"] = ended if i == 0 else 0
    return values


class ApiWorld:
    def __init__(self):
        self.lake = lake = Lake()
        association = self.association = lake.association
        self.slug = association.slug
        self.users, self.tokens = {}, {}
        for role in ROLES:
            user = User.objects.create(username=f"api-{role}")
            AssociationRole.objects.create(user=user, association=association, role=role)
            self.users[role] = user
            scopes = ["read", "write:protocols"] if role in ("admin", "secretary") else ["read"]
            _, self.tokens[role] = api_services.create_token(user, association, name=f"Nyckel för {role}", scopes=scopes,
                                                             days=90)
        self.other = association_services.create_association(slug="grannen", name="Samordningsförbundet Grannen")
        outsider = User.objects.create(username="api-grannen")
        AssociationRole.objects.create(user=outsider, association=self.other, role="admin")
        self.users["outsider"] = outsider
        _, self.tokens["outsider"] = api_services.create_token(outsider, self.other, name="Grannens nyckel",
                                                               scopes=["read", "write:protocols"], days=30)
        self._board()
        self._registry()
        self._interventions()

    def _board(self):
        lake = self.lake
        meeting = lake.meeting(date(2023, 9, 21))
        lake.afternoon_of_2021_11_25(meeting)
        board_services.save_paragraph(meeting, title="Verksamhetsplan", kind="decision", text="Förslaget föredras.",
                                      start=None, tabled=False,
                                      decisions_text="fastställa verksamhetsplanen\nuppdra åt förbundschefen att redovisa")
        self.meeting = meeting
        adjusted = lake.meeting(timezone.localdate())
        board_services.save_paragraph(adjusted, title="Budgetuppföljning", kind="information", text="Informationen noteras.",
                                      start=None, tabled=False)
        adjusted.protocol_status = "adjusted"
        adjusted.adjusted_on = adjusted.notice_posted = timezone.localdate()
        adjusted.content_hash = content_hash(meeting_protocol(adjusted))
        adjusted.save()
        self.adjusted = adjusted

    def _registry(self):
        case = registry_services.save_case(Case(association=self.association, number="12/23", title="Lokalfrågan",
                                                received_on=date(2023, 2, 1)))
        self.case = case
        registry_services.add_document(case, filename="skrivelse.txt", data="Skrivelse om lokaler.".encode(),
                                       kind="incoming")
        secret = registry_services.add_document(case, filename="hyresavtal.txt", data="Hyran är förhandlad.".encode(),
                                                kind="attachment")
        secret.confidential = True
        secret.save()

    def _interventions(self):
        lake, association = self.lake, self.association
        intervention_services.ensure_defaults(association)
        orientation = Orientation.objects.get(association=association, name="Förberedande")
        garden = intervention_services.save_intervention(
            Intervention(association=association, name="Trädgården", kind="individual", orientation=orientation,
                         provider="Gröna händer AB", start=date(2023, 1, 1), capacity_at_once=10),
            owners=[lake.members["Mölndals stad"]], municipalities=[lake.members["Lerums kommun"]])
        workshop = intervention_services.save_intervention(
            Intervention(association=association, name="Verkstaden", kind="individual", orientation=orientation,
                         provider="Snickeriet", start=date(2023, 1, 1), capacity_at_once=6),
            owners=[lake.members["Partille kommun"]], municipalities=[lake.members["Partille kommun"]])
        intervention_services.assign_reporter(garden, self.users["reporter"])
        # Three people in the garden all spring: a small count that must show as "<5" outside the staff.
        for month, (end, started) in enumerate([(3, 3), (3, 0), (3, 0), (3, 0)], start=1):
            intervention_services.save_report(garden, date(2023, month, 1), month_values(garden, end=end, started=started,
                                                                                        ended=0),
                                              user=self.users["secretary"], today=date(2023, 6, 1))
        self.garden, self.workshop = garden, workshop

    def client(self, actor):
        return Client(HTTP_AUTHORIZATION=f"Bearer {self.tokens[actor]}")


def url(world, tail):
    return f"/api/f/{world.slug}/{tail}"
