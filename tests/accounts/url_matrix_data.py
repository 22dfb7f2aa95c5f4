"""The URL access matrix (issue 9, item 3): one fixture world and, per URL name, who gets which status.

Every URL pattern of the project must have an entry in TABLE; test_url_matrix.py fails when one is missing, so a new
URL cannot be added without deciding who may reach it. The world is built through the apps' services in our own words.
"""
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal as D
from typing import Callable

from django.contrib.auth.models import User
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from factories import Lake

from samordna.accounts import services as account_services
from samordna.accounts.models import AssociationRole
from samordna.associations import services as association_services
from samordna.board import importing
from samordna.board import services as board_services
from samordna.board.models import ProtocolImport
from samordna.board.models_votes import Disqualification, Motion, Reservation
from samordna.control import services as control_services
from samordna.economy import services as economy_services
from samordna.economy import services_plan as economy_services_plan
from samordna.economy.models import Budget, BudgetLine, FinancingPlan, Withdrawal
from samordna.interventions import services as intervention_services
from samordna.interventions.models import Contract, Goal, Intervention, Orientation
from samordna.protocols.export import content_hash, meeting_protocol
from samordna.registry import services as registry_services
from samordna.registry import services_followup
from samordna.registry.models import Assignment, Case, DelegatedDecision, DelegationPoint, Notification
from samordna.survey import services as survey_services

ACTORS = ("anonymous", "admin", "secretary", "board_member", "reporter", "auditor", "outsider")
EDITORS = ("admin", "secretary")
READERS = ("board_member", "auditor")
LOGIN = "login"  # a 302 whose Location is the login page
WRITE_OK = frozenset({200, 302, 400})  # an editor's empty POST: re-rendered form, redirect or refused input


# Profiles: actor -> the status codes that are right for that actor -----------------------------------------------

def public(*codes):
    """Open to everyone, logged in or not, of any association."""
    return {actor: frozenset(codes or {200}) for actor in ACTORS}


def read(reporter=403):
    """A staff page every role of the association reads; reporters see only their interventions (issue 9 item 1)."""
    return {"anonymous": LOGIN, "outsider": frozenset({404}), "reporter": frozenset({reporter}),
            **{a: frozenset({200}) for a in EDITORS + READERS}}


def editors_only(reporter=403):
    """A page for editors even when only read (forms for creating things, import, codes)."""
    return {"anonymous": LOGIN, "outsider": frozenset({404}), "reporter": frozenset({reporter}),
            **{a: frozenset({200}) for a in EDITORS}, **{a: frozenset({403}) for a in READERS}}


def write(reporter=403, readers=403, editors=WRITE_OK):
    """A POST that changes data: editors only; others of the association 403, other tenants 404."""
    reporter = reporter if isinstance(reporter, frozenset) else frozenset({reporter})
    return {"anonymous": LOGIN, "outsider": frozenset({404}), "reporter": reporter,
            **{a: frozenset(editors) for a in EDITORS}, **{a: frozenset({readers}) for a in READERS}}


def post_only():
    """GET on a POST-only view: 405 for everyone logged in (said before any lookup, so it leaks nothing)."""
    return {"anonymous": LOGIN, **{a: frozenset({405}) for a in ACTORS if a != "anonymous"}}


def own_account(code=200):
    """The logged-in person's own pages, whatever association they act in."""
    return {"anonymous": LOGIN, **{a: frozenset({code}) for a in ACTORS if a != "anonymous"}}


def admins_only(code=200):
    """User administration: the association's administrators only (issue 9 item 1)."""
    others = ("secretary", "board_member", "reporter", "auditor")
    return {"anonymous": LOGIN, "outsider": frozenset({404}), "admin": frozenset(code if isinstance(code, set) else {code}),
            **{a: frozenset({403}) for a in others}}


def auditors_only():
    """The audit log: the association's administrators and auditors only (issue 9 items 1 and 4)."""
    return {"anonymous": LOGIN, "outsider": frozenset({404}), "admin": frozenset({200}), "auditor": frozenset({200}),
            **{a: frozenset({403}) for a in ("secretary", "board_member", "reporter")}}


def api_read(reporter=403):
    """The JSON API read with the browser's session (issue 9 item 5): the pages' rules, 401 instead of the login page."""
    return {"anonymous": frozenset({401}), "outsider": frozenset({404}), "reporter": frozenset({reporter}),
            **{a: frozenset({200}) for a in EDITORS + READERS}}


@dataclass(frozen=True)
class Entry:
    kwargs: Callable = lambda w: {"slug": w.slug}
    get: dict | None = None
    post: dict | None = None
    query: str = ""
    post_data: dict = field(default_factory=dict)


def s(**more):
    """kwargs builder: the association's slug plus attributes of the world."""
    return lambda w: {"slug": w.slug, **{k: (getattr(w, v, v) if isinstance(v, str) else v) for k, v in more.items()}}


# The world -----------------------------------------------------------------------------------------------------------

PROTOCOL_TEXT = """Samordningsförbundet Sjölandet
Protokoll från styrelsens sammanträde

Datum: 2019-02-14
Tid: 09.00–11.00
Plats: Kansliet

Närvarolista
Namn\tOrganisation\tRoll
Anna Berg\tMölndals stad\tOrdförande
Bo Dahl\tFörsäkringskassan\tLedamot

Protokollförare: Bo Dahl
Justerare: Anna Berg

§ 1 Mötets öppnande
Ordföranden öppnar mötet.

§ 2 Mötets avslutande
Ordföranden avslutar mötet.
"""


class World:
    """The Lake association with one object of every kind a URL points at, its six actors and another tenant."""

    def __init__(self):
        self.lake = lake = Lake()
        association = lake.association
        self.slug = association.slug
        self.users = {}
        for role in ("admin", "secretary", "board_member", "reporter", "auditor"):
            user = User.objects.create(username=f"matris-{role}")
            AssociationRole.objects.create(user=user, association=association, role=role)
            self.users[role] = user
        other = association_services.create_association(slug="grannforbundet", name="Samordningsförbundet Grannen")
        self.other_slug = other.slug
        self.users["outsider"] = User.objects.create(username="matris-annan-admin")
        AssociationRole.objects.create(user=self.users["outsider"], association=other, role="admin")
        # Editors must use two-factor authentication; every actor has a confirmed device so that step is never the answer.
        self.devices = {actor: TOTPDevice.objects.create(user=user, name="Matris", confirmed=True)
                        for actor, user in self.users.items()}

        self.member_id = lake.members["Mölndals stad"].pk
        self.body = lake.board
        self.body_slug = lake.board.slug
        self.token = lake.board.calendar_token
        self._board()
        self._imports()
        self._registry()
        self._protocol_life()
        self._interventions()
        self._economy()
        self._control()
        self._survey()
        self._api()
        invitation, self.invitation_token = account_services.invite(association, "ny@sjolandet.example", "board_member",
                                                                    self.users["admin"])
        self.invitation_id = invitation.pk
        self.role_id = AssociationRole.objects.get(user=self.users["auditor"], association=association).pk

    def _board(self):
        lake = self.lake
        meeting = lake.meeting(date(2023, 9, 21))
        lake.afternoon_of_2021_11_25(meeting)
        self.meeting_id = meeting.pk
        self.person_id = lake.people["Ledamot Mölndals"].pk
        item = board_services.add_agenda_item(meeting, title="Verksamhetsplan", kind="decision")
        self.item_id = item.pk
        paragraph = board_services.save_paragraph(meeting, title="Verksamhetsplan", kind="decision", text="Förslaget föredras.",
                                                  start=None, tabled=False, decisions_text="fastställa verksamhetsplanen")
        self.paragraph_id = paragraph.pk
        person = lake.people["Ledamot Västra"]
        self.motion_id = Motion.objects.create(paragraph=paragraph, mover=person, text="bifall till förslaget").pk
        self.reservation_id = Reservation.objects.create(paragraph=paragraph, person=person).pk
        self.disqualification_id = Disqualification.objects.create(paragraph=paragraph, person=lake.people["Ledamot Försäkringskassan"]).pk

        adjusted = lake.meeting(timezone.localdate())
        board_services.save_paragraph(adjusted, title="Budget", kind="information", text="", start=None, tabled=False)
        adjusted.protocol_status = "adjusted"
        adjusted.adjusted_on = adjusted.notice_posted = timezone.localdate()
        adjusted.content_hash = content_hash(meeting_protocol(adjusted))
        adjusted.save()
        self.adjusted_id = adjusted.pk

    def _imports(self):
        lake = self.lake
        lake.mandate("Anna Berg", "Mölndals stad", "member")
        lake.mandate("Bo Dahl", "Försäkringskassan", "member")
        self.batch = importing.upload(lake.association, [("styrelsen-2019-02-14.txt", PROTOCOL_TEXT.encode())])
        self.import_id = importing.parse_import(ProtocolImport.objects.get(batch=self.batch)).pk

    def _registry(self):
        association = self.lake.association
        case = registry_services.save_case(Case(association=association, number="7/23", title="Lokalfrågan",
                                                received_on=date(2023, 2, 1)))
        self.case_id = case.pk
        self.document_id = registry_services.add_document(case, filename="skrivelse.txt", data="Skrivelse om lokaler.".encode(),
                                                          kind="incoming").pk
        self.assignment_id = services_followup.save_assignment(Assignment(
            association=association, title="Redovisa lokalbehovet", owner_body=self.body, due_on=date(2023, 12, 1))).pk
        point = services_followup.save_delegation_point(DelegationPoint(association=association, code="1.1",
                                                                        title="Avtal under 50 000 kr", delegate="Förbundschef"))
        self.decision_id = services_followup.save_delegated_decision(DelegatedDecision(
            association=association, point=point, decided_on=date(2023, 3, 1), subject="Hyra av möteslokal",
            decided_by=self.lake.people["Ledamot Mölndals"])).pk
        self.notification_id = services_followup.save_notification(Notification(
            association=association, received_on=date(2023, 3, 2), sender="Leverantör AB", subject="Byte av kontaktperson")).pk

    def _protocol_life(self):
        """Attachments, a recording and a case recipient (issue 3 items 6–7); the adjusted protocol gets a public
        attachment and is sealed again with it."""
        from samordna.board import attachments
        from samordna.board.models import Meeting, Paragraph
        from samordna.board.models_attachments import ParagraphAttachment
        from samordna.protocols.export import seal_hash
        from samordna.registry import services_dispatch

        paragraph = Paragraph.objects.get(pk=self.paragraph_id)
        self.attachment_id = attachments.upload_attachment(paragraph, filename="bilaga.txt", data="Underlag.".encode()).pk
        self.recording_id = attachments.add_recording(paragraph, url="https://play.example.se/styrelsen", start="00:42:10").pk
        adjusted = Meeting.objects.get(pk=self.adjusted_id)
        self.public_attachment_id = ParagraphAttachment.objects.create(
            paragraph=adjusted.paragraphs.get(), title="Budgetunderlag", filename="budget.txt", content_type="text/plain",
            size=7, sha256="0" * 64, content=b"Budget.").pk
        adjusted.content_hash = seal_hash(adjusted)
        adjusted.save(update_fields=["content_hash"])
        case = Case.objects.get(pk=self.case_id)
        self.recipient_id = services_dispatch.add_recipient(case, name="Lerums kommun, kommunstyrelsen", email="ks@lerum.example").pk

    def _interventions(self):
        lake = self.lake
        association = lake.association
        intervention_services.ensure_defaults(association)
        orientation = Orientation.objects.get(association=association, name="Förberedande")
        intervention = intervention_services.save_intervention(
            Intervention(association=association, name="Trädgården", kind="individual", orientation=orientation,
                         provider="Gröna händer AB", start=date(2023, 1, 1), capacity_at_once=10, published=True,
                         description="Arbete i trädgård.", target_group="Personer långt från arbete", place="Lerum",
                         referral="Remiss från handläggaren."),
            owners=[lake.members["Mölndals stad"]], municipalities=[lake.members["Lerums kommun"]])
        intervention_services.save_goal(Goal(intervention=intervention, indicator="andel i arbete", target=30, unit="%"))
        self.pk = intervention.pk
        self.contract_id = intervention_services.save_contract(Contract(
            intervention=intervention, provider="Gröna händer AB", start=date(2023, 1, 1), end=date(2025, 12, 31))).pk
        intervention_services.assign_reporter(intervention, self.users["reporter"])
        self.intervention = intervention
        # Not assigned to the reporter: as invisible to them as another tenant's.
        self.other_pk = intervention_services.save_intervention(
            Intervention(association=association, name="Verkstaden", kind="individual", orientation=orientation,
                         provider="Snickeriet", start=date(2023, 1, 1), capacity_at_once=6),
            owners=[lake.members["Partille kommun"]], municipalities=[lake.members["Partille kommun"]]).pk

    def _economy(self):
        lake = self.lake
        association = lake.association
        codes = {"Mölndals stad": "1481", "Härryda kommun": "1401", "Partille kommun": "1402", "Lerums kommun": "1441",
                 "Alingsås kommun": "1489"}
        for name, code in codes.items():
            member = lake.members[name]
            member.municipality_code = code
            association_services.save_member(member)
            association_services.set_population(member, date(2023, 6, 30), 40_000)
        economy_services.save_plan(FinancingPlan(association=association, year=2024, requested_total=D(20_000),
                                                 state_allocation=D(9011)))
        budget = economy_services.save_budget(Budget(association=association, year=2024, opening_equity=D(5_000)))
        self.line_id = economy_services.save_line(BudgetLine(
            association=association, budget=budget, section=BudgetLine.Section.INCOME, label="Bidrag från medlemmarna",
            amount=D(20_000), accounts="3000-3099", position=0)).pk
        economy_services.register_withdrawal(Withdrawal(association=association, member=lake.members["Härryda kommun"],
                                                        notice_date=date(2022, 6, 15), decision="Fullmäktige 2022-06-15"))
        self.withdrawal_id = Withdrawal.objects.get(association=association).pk
        economy_services_plan.create_plan(association, 2024)  # a draft business plan: edit, preview, adopt, download

    def _control(self):
        plan = control_services.save_plan(self.lake.association, year=2023)
        self.risk_id = control_services.save_risk(plan, title="Uppföljningen brister", process="Uppföljning", probability=2,
                                                  consequence=3, action_plan="Stående punkt på styrelsens möten.").pk

    def _api(self):
        from samordna.api import services as api_services

        token, _ = api_services.create_token(self.users["admin"], self.lake.association, name="Matrisens nyckel",
                                             scopes=["read"], days=30)
        self.api_token_id = token.pk

    def _survey(self):
        association = self.lake.association
        questionnaire = survey_services.create_questionnaire(association, "Avslutsenkät", publish_on=date(2024, 1, 2))
        self.questionnaire_id = questionnaire.pk
        distribution = survey_services.create_distribution(association, questionnaire, label="Trädgården")
        self.distribution_id = distribution.pk
        self.survey_token = distribution.token


# The table -----------------------------------------------------------------------------------------------------------

M = s(meeting_id="meeting_id")
P = s(meeting_id="meeting_id", paragraph_id="paragraph_id")
CASE = s(case_id="case_id")
INT = s(pk="pk")
PLAN = s(year=2023)

TABLE = {
    # Public pages
    "home": Entry(kwargs=lambda w: {}, get=public()),
    "login": Entry(kwargs=lambda w: {}, get=public(), post=public(200)),
    "logout": Entry(kwargs=lambda w: {}, get=public(405), post=public(302)),
    "survey_answer": Entry(kwargs=lambda w: {"token": w.survey_token}, get=public(), post=public(200, 400)),
    "survey_thanks": Entry(kwargs=lambda w: {"token": w.survey_token}, get=public()),
    "public_page": Entry(get=public()),
    "meeting_feed": Entry(kwargs=s(body_slug="body_slug", token="token"), get=public()),
    "notice_board": Entry(get=public()),
    "notice_board_json": Entry(get=public()),
    "notice_board_feed": Entry(get=public()),
    "notice_protocol": Entry(kwargs=s(meeting_id="adjusted_id"), get=public()),
    "notice_protocol_pdf": Entry(kwargs=s(meeting_id="adjusted_id"), get=public()),
    "notice_attachment": Entry(kwargs=s(meeting_id="adjusted_id", attachment_id="public_attachment_id"), get=public()),
    "intervention_catalogue": Entry(get=public()),
    "catalogue_entry": Entry(kwargs=INT, get=public()),

    # The person's own account, login steps, password reset, invitations (not tied to one association)
    "account": Entry(kwargs=lambda w: {}, get=own_account()),
    "password_change": Entry(kwargs=lambda w: {}, get=own_account(), post=own_account()),
    "two_factor_verify": Entry(kwargs=lambda w: {}, get=own_account(), post=own_account()),
    "two_factor_enrol": Entry(kwargs=lambda w: {}, get=own_account(), post=own_account()),
    "recovery_codes": Entry(kwargs=lambda w: {}, get=post_only(), post=own_account()),
    # Without the password an empty POST only re-shows the form (the matrix runs with 2FA not required).
    "two_factor_disable": Entry(kwargs=lambda w: {}, get=own_account(), post=own_account()),
    "password_reset": Entry(kwargs=lambda w: {}, get=public(), post=public(200)),
    "password_reset_done": Entry(kwargs=lambda w: {}, get=public()),
    "password_reset_confirm": Entry(kwargs=lambda w: {"uidb64": "MQ", "token": "fel-lank"}, get=public()),
    "password_reset_complete": Entry(kwargs=lambda w: {}, get=public()),
    # The link is the key: whoever holds it may read it; a logged-in person accepting it is redirected.
    "invitation": Entry(kwargs=lambda w: {"token": w.invitation_token}, get=public(), post=public(200, 302)),

    # User administration of the association
    "users": Entry(get=admins_only()),
    "invite": Entry(get=post_only(), post=admins_only({302, 400})),
    "user_role": Entry(kwargs=s(role_id="role_id"), get=post_only(), post=admins_only(302)),
    "invitation_revoke": Entry(kwargs=s(invitation_id="invitation_id"), get=post_only(), post=admins_only(302)),
    "audit_log": Entry(get=auditors_only()),
    "audit_export": Entry(kwargs=s(fmt="csv"), get=auditors_only()),

    # Association, people and bodies
    "association": Entry(get=read()),
    "members": Entry(get=read(), post=write()),
    "member": Entry(kwargs=s(member_id="member_id"), get=read(), post=write()),
    "charter": Entry(get=read(), post=write()),
    "people": Entry(get=read(), post=write()),
    "person": Entry(kwargs=s(person_id="person_id"), get=read(), post=write()),
    "bodies": Entry(get=read(), post=write()),
    "body": Entry(kwargs=s(body_slug="body_slug"), get=read(), post=write()),
    "standard_items": Entry(get=read(), post=write()),

    # Meetings, agenda, attendance
    "meeting_plan": Entry(kwargs=s(body_slug="body_slug"), get=read(), post=write()),
    "meeting_calendar": Entry(kwargs=s(body_slug="body_slug"), get=read()),
    "meeting_detail": Entry(kwargs=M, get=read(), post=write()),
    "agenda": Entry(kwargs=M, get=read(), post=write()),
    "agenda_summon": Entry(kwargs=M, get=post_only(), post=write()),
    "agenda_item_action": Entry(kwargs=s(meeting_id="meeting_id", item_id="item_id"), get=post_only(), post=write()),
    "agenda_take_up": Entry(kwargs=P, get=post_only(), post=write()),
    "attendance": Entry(kwargs=M, get=read(), post=write()),
    "attendance_guest": Entry(kwargs=M, get=post_only(), post=write()),
    "attendance_person": Entry(kwargs=s(meeting_id="meeting_id", person_id="person_id"), get=read(), post=write()),

    # Protocol, adjustment, documents
    "protocol": Entry(kwargs=M, get=read(), post=write()),
    "protocol_standard": Entry(kwargs=M, get=post_only(), post=write()),
    "protocol_from_agenda": Entry(kwargs=M, get=post_only(), post=write()),
    "protocol_read": Entry(kwargs=M, get=read()),
    "paragraph_edit": Entry(kwargs=P, get=read(), post=write()),
    "adjustment": Entry(kwargs=M, get=read()),
    # Chair and adjusters approve or return: every reading role of the association may post; an empty action does nothing.
    "adjustment_action": Entry(kwargs=M, get=post_only(), post=write(readers=302, editors={302})),
    "protocol_document": Entry(kwargs=s(meeting_id="meeting_id", fmt="docx"), get=read()),
    "extract": Entry(kwargs=M, get=read()),
    "extract_send": Entry(kwargs=M, get=post_only(), post=write()),
    "notice_posting": Entry(kwargs=s(meeting_id="adjusted_id"), get=read(), post=write()),
    "paragraph_attachments": Entry(kwargs=P, get=read(), post=write()),
    "paragraph_attachment_download": Entry(kwargs=s(meeting_id="meeting_id", paragraph_id="paragraph_id", item_id="attachment_id"),
                                           get=read()),
    "paragraph_attachment_delete": Entry(kwargs=s(meeting_id="meeting_id", paragraph_id="paragraph_id", item_id="attachment_id"),
                                         get=post_only(), post=write()),
    "paragraph_recording_delete": Entry(kwargs=s(meeting_id="meeting_id", paragraph_id="paragraph_id", item_id="recording_id"),
                                        get=post_only(), post=write()),

    # Votes, motions, reservations, disqualification
    "paragraph_vote": Entry(kwargs=P, get=read(), post=write()),
    "vote_delete": Entry(kwargs=P, get=post_only(), post=write()),
    "vote_lot": Entry(kwargs=P, get=post_only(), post=write()),
    "motion_add": Entry(kwargs=P, get=post_only(), post=write()),
    "motion_delete": Entry(kwargs=s(meeting_id="meeting_id", paragraph_id="paragraph_id", item_id="motion_id"),
                           get=post_only(), post=write()),
    "reservation_add": Entry(kwargs=P, get=post_only(), post=write()),
    "reservation_delete": Entry(kwargs=s(meeting_id="meeting_id", paragraph_id="paragraph_id", item_id="reservation_id"),
                                get=post_only(), post=write()),
    "disqualification_add": Entry(kwargs=P, get=post_only(), post=write()),
    "disqualification_delete": Entry(kwargs=s(meeting_id="meeting_id", paragraph_id="paragraph_id",
                                              item_id="disqualification_id"), get=post_only(), post=write()),

    # Protocol import (editors only, even reading)
    "protocol_imports": Entry(get=editors_only(), post=write()),
    "protocol_import_batch": Entry(kwargs=s(batch="batch"), get=editors_only(), post=write()),
    "protocol_import_preview": Entry(kwargs=s(import_id="import_id"), get=editors_only(), post=write()),
    "protocol_import_parse": Entry(kwargs=s(import_id="import_id"), get=post_only(), post=write()),

    # Registry
    "cases": Entry(get=read()),
    "case_create": Entry(get=editors_only(), post=write()),
    "registry_settings": Entry(get=read(), post=write()),
    "case_detail": Entry(kwargs=CASE, get=read(), post=write()),
    "case_edit": Entry(kwargs=CASE, get=editors_only(), post=write()),
    "case_agenda": Entry(kwargs=CASE, get=editors_only(), post=write()),
    "document_upload": Entry(kwargs=CASE, get=editors_only(), post=write()),
    "document_download": Entry(kwargs=s(case_id="case_id", document_id="document_id"), get=read()),
    "document_delete": Entry(kwargs=s(case_id="case_id", document_id="document_id"), get=post_only(), post=write()),
    "case_recipient_add": Entry(kwargs=CASE, get=post_only(), post=write()),
    "case_recipient_delete": Entry(kwargs=s(case_id="case_id", recipient_id="recipient_id"), get=post_only(), post=write()),
    "assignments": Entry(get=read()),
    "assignment_create": Entry(get=editors_only(), post=write()),
    "assignment_edit": Entry(kwargs=s(assignment_id="assignment_id"), get=read(), post=write()),
    "delegated_decisions": Entry(get=read()),
    "delegated_create": Entry(get=editors_only(), post=write()),
    "delegated_edit": Entry(kwargs=s(decision_id="decision_id"), get=read(), post=write()),
    "notifications": Entry(get=read()),
    "notification_create": Entry(get=editors_only(), post=write()),
    "notification_edit": Entry(kwargs=s(notification_id="notification_id"), get=read(), post=write()),
    "agenda_registry_action": Entry(kwargs=s(meeting_id="meeting_id", action="delegationsbeslut"), get=post_only(),
                                    post=write()),

    # Interventions: the reporter works with the interventions assigned to them (issue 5 item 4, issue 9 item 1)
    "interventions": Entry(get=read(reporter=200)),
    "intervention_create": Entry(get=editors_only(), post=write()),
    "intervention_dashboard": Entry(get=read()),
    "interventions_follow_up": Entry(get=read()),
    "intervention_settings": Entry(get=read(), post=write()),
    "intervention": Entry(kwargs=INT, get=read(reporter=200), post=write()),
    "intervention_edit": Entry(kwargs=INT, get=editors_only(), post=write()),
    "contract_edit": Entry(kwargs=s(pk="pk", contract_id="contract_id"), get=editors_only(), post=write()),
    # Without a month the picker sends everyone back to the intervention page.
    "intervention_report_pick": Entry(kwargs=INT, get={**read(reporter=302), **{a: frozenset({302}) for a in EDITORS + READERS}}),
    "intervention_report": Entry(kwargs=s(pk="pk", year=2024, month=1), get=editors_only(reporter=200),
                                 post=write(reporter=WRITE_OK)),
    "intervention_follow_up": Entry(kwargs=INT, get=read(reporter=200)),
    # Reports for the whole association are not the reporter's; the report of their own intervention is.
    "intervention_reports": Entry(get=read()),
    "association_report_download": Entry(kwargs=s(kind="ar", year=2024, number=1, fmt="docx"), get=read()),
    "national_export_download": Entry(kwargs=s(kind="ar", year=2024, number=1, fmt="csv"), get=read()),
    "intervention_report_download": Entry(kwargs=s(pk="pk", kind="ar", year=2024, number=1, fmt="docx"),
                                          get=read(reporter=200)),

    # Economy
    "economy": Entry(get=read()),
    "economy_plan": Entry(kwargs=s(year=2024), get=read(), post=write()),
    "economy_plan_xlsx": Entry(kwargs=s(year=2024), get=read()),
    "economy_plan_document": Entry(kwargs=s(year=2024, fmt="pdf"), get=read()),
    "economy_population": Entry(get=read(), post=write()),
    "economy_budget": Entry(kwargs=s(year=2024), get=read(), post=write()),
    "economy_budget_xlsx": Entry(kwargs=s(year=2024), get=read()),
    "economy_budget_document": Entry(kwargs=s(year=2024, fmt="docx"), get=read()),
    "economy_budget_line": Entry(kwargs=s(year=2024, line_id="line_id"), get=read(), post=write()),
    "economy_outcome": Entry(kwargs=s(year=2024), get=read(), post=write()),
    "economy_fees": Entry(get=read(), post=write()),
    "economy_withdrawals": Entry(get=read(), post=write()),
    "economy_revoke": Entry(kwargs=s(withdrawal_id="withdrawal_id"), get=read(), post=write()),
    "economy_settings": Entry(get=read(), post=write()),
    "economy_business_plans": Entry(get=read(), post=write()),
    "economy_business_plan": Entry(kwargs=s(year=2024), get=read(), post=write()),
    "economy_business_plan_preview": Entry(kwargs=s(year=2024), get=read()),
    "economy_business_plan_adopt": Entry(kwargs=s(year=2024), get=read(), post=write()),
    "economy_business_plan_document": Entry(kwargs=s(year=2024, fmt="pdf"), get=read()),

    # Internal control
    "internal_control": Entry(get=read(), post=write()),
    "control_settings": Entry(get=read(), post=write()),
    "control_plan": Entry(kwargs=PLAN, get=read(), post=write()),
    "control_report_pdf": Entry(kwargs=PLAN, get=read()),
    "control_copy": Entry(kwargs=PLAN, get=post_only(), post=write()),
    "control_agenda": Entry(kwargs=PLAN, get=post_only(), post=write()),
    "control_risk_new": Entry(kwargs=PLAN, get=editors_only(), post=write()),
    "control_risk": Entry(kwargs=s(year=2023, risk_id="risk_id"), get=read(), post=write()),
    "control_follow_up": Entry(kwargs=s(year=2023, risk_id="risk_id"), get=editors_only(), post=write()),

    # Surveys
    "surveys": Entry(get=read(), post=write()),
    "survey_detail": Entry(kwargs=s(pk="questionnaire_id"), get=read(), post=write()),
    # An empty POST names no answer to hide: 404 for an editor, after the role check.
    "survey_results": Entry(kwargs=s(pk="questionnaire_id"), get=read(), post=write(editors=WRITE_OK | {404})),
    "survey_results_csv": Entry(kwargs=s(pk="questionnaire_id"), get=read()),
    "survey_distribution": Entry(kwargs=s(pk="distribution_id"), get=read(), post=write()),
    "survey_codes": Entry(kwargs=s(pk="distribution_id"), get=editors_only(), post=write()),
    "survey_qr": Entry(kwargs=s(pk="distribution_id", fmt="svg"), get=read()),

    # Search across the association
    "search": Entry(get=read(), query="q=lokal"),

    # JSON API (issue 9 item 5). A session may read (GET) by the pages' rules; writing needs a token, so a session's
    # POST is 401 for everyone. Own API tokens: the person's own pages; another person's token is 404.
    "api_tokens": Entry(kwargs=lambda w: {}, get=own_account(), post=own_account(400)),
    "api_token_revoke": Entry(kwargs=lambda w: {"token_id": w.api_token_id}, get=post_only(),
                              post={"anonymous": LOGIN, "admin": frozenset({302}),
                                    **{a: frozenset({404}) for a in ACTORS if a not in ("anonymous", "admin")}}),
    "api_openapi": Entry(kwargs=lambda w: {}, get=public()),
    "api_root": Entry(kwargs=lambda w: {}, get=public(404)),
    "api_notices": Entry(get=public()),
    "api_association": Entry(get=api_read()),
    "api_members": Entry(get=api_read()),
    "api_meetings": Entry(get=api_read()),
    "api_meeting": Entry(kwargs=M, get=api_read()),
    "api_protocol": Entry(kwargs=M, get=api_read()),
    "api_protocol_create": Entry(get=public(405), post=public(401)),
    "api_decisions": Entry(get=api_read()),
    "api_cases": Entry(get=api_read()),
    "api_case": Entry(kwargs=s(case_id="case_id"), get=api_read()),
    "api_interventions": Entry(get=api_read(reporter=200)),
    "api_intervention": Entry(kwargs=INT, get=api_read(reporter=200)),
    "api_intervention_follow_up": Entry(kwargs=INT, get=api_read(reporter=200)),
    "api_follow_up": Entry(get=api_read()),
}

# Known defects: (URL name, method, actor) -> why the answer differs from the table. Strict xfails, so a fix shows up.
# Empty: the reporter's reach, the report form's role check and the user pages' login were fixed when found.
KNOWN_DEFECTS = {}
