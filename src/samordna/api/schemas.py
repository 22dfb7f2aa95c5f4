"""What the API answers with: English field names (glossary.md), Swedish descriptions."""
from datetime import date

from ninja import Field, Schema

CLOCK = r"^[0-2][0-9]:[0-5][0-9]$"  # as in the interchange format: local Swedish time


class CharterOut(Schema):
    numbering: str = Field(description="Paragrafnumrering: continuous, per_year eller per_meeting.")
    quorum_all_groups: bool = Field(description="Om varje medlem måste vara företrädd för beslutsförhet.")
    substitute_order: str = Field(description="Ersättarnas turordning: listed eller population.")
    meetings_public: bool = Field(description="Om styrelsens sammanträden är offentliga.")
    adjusters: int = Field(description="Antal justerare.")


class BodyOut(Schema):
    slug: str
    name: str
    kind: str = Field(description="board, committee, preparatory, members_meeting eller other.")


class AssociationOut(Schema):
    slug: str
    name: str
    address: str
    website: str
    charter: CharterOut | None
    bodies: list[BodyOut]
    roles: list[str] = Field(description="Nyckelns användares roller i förbundet just nu.")


class MemberOut(Schema):
    id: int
    name: str
    short_name: str
    kind: str = Field(description="fk, af, region eller municipality.")
    municipality_code: str = Field(description="SCB:s kommunkod för kommuner, annars tom.")


class MeetingOut(Schema):
    id: int
    body: str = Field(description="Organets kortnamn.")
    body_name: str
    date: date
    start: str = Field(pattern=CLOCK, description="Starttid, TT:MM.")
    end: str | None = Field(pattern=CLOCK, description="Sluttid, TT:MM.")
    place: str
    label: str
    public: bool
    protocol_status: str = Field(description="draft, ready eller adjusted.")
    adjusted_on: date | None
    notice_posted: date | None
    content_hash: str = Field(description="SHA-256 av det justerade protokollet; tom innan justering.")


class ParagraphOut(Schema):
    id: int
    number: int
    sub: str
    title: str
    kind: str = Field(description="decision eller information.")
    case_number: str
    tabled: bool
    adjusted_immediately: bool
    decisions: list[str]


class MeetingDetailOut(MeetingOut):
    chair: str | None
    secretary: str | None
    adjusters: list[str]
    paragraphs: list[ParagraphOut]


class DecisionOut(Schema):
    id: int
    text: str
    paragraph: int = Field(description="Paragrafnummer.")
    paragraph_sub: str
    paragraph_title: str
    case_number: str
    meeting_id: int
    meeting_date: date
    body: str
    protocol_status: str


class DocumentOut(Schema):
    id: int
    kind: str
    title: str
    filename: str
    content_type: str
    size: int
    sha256: str
    confidential: bool


class CaseOut(Schema):
    id: int
    number: str
    title: str
    received_on: date
    status: str = Field(description="open, on_agenda, decided eller closed.")
    handling_officer: str | None


class HandledOut(Schema):
    meeting_id: int
    meeting_date: date
    body: str
    paragraph: int
    paragraph_sub: str
    title: str
    decisions: list[str]


class CaseDetailOut(CaseOut):
    description: str
    documents: list[DocumentOut] = Field(description="Handlingar med sekretess visas bara för roller som får se dem.")
    paragraphs: list[HandledOut]


class InterventionOut(Schema):
    id: int
    name: str
    kind: str = Field(description="individual eller structural.")
    orientation: str
    follow_up_method: str
    esf_funded: bool
    provider: str
    start: date
    end: date | None
    capacity_at_once: int | None
    capacity_per_year: int | None
    published: bool
    owners: list[str]
    municipalities: list[str]


class GoalOut(Schema):
    indicator: str
    comparison: str
    target: float
    unit: str


class InterventionDetailOut(InterventionOut):
    description: str
    target_group: str
    place: str
    referral: str
    goals: list[GoalOut]


class FigureOut(Schema):
    value: int | None = Field(description="Talet, eller null när det döljs för att skydda enskilda.")
    text: str = Field(description="Så som talet visas, t.ex. ”<5”.")


class ExitOut(Schema):
    reason: str
    positive: bool
    figure: FigureOut
    percent: float | None


class GoalVerdictOut(Schema):
    indicator: str
    target: float
    unit: str
    status: str = Field(description="green, amber, red eller none.")
    label: str
    text: str


class BalanceRowOut(Schema):
    category: str
    figures: list[FigureOut] = Field(description="Deltagare vid periodens slut, påbörjade, avslutade.")


class BalanceOut(Schema):
    dimension: str
    rows: list[BalanceRowOut]
    totals: list[FigureOut]


class ReferralOut(Schema):
    member: str
    figure: FigureOut


class PeriodOut(Schema):
    kind: str
    year: int
    number: int
    first_month: date
    last_month: date


class FollowUpOut(Schema):
    intervention_id: int
    intervention: str
    period: PeriodOut
    suppressed: bool = Field(description="Sant när små tal döljs (utanför förbundets kansli).")
    threshold: int
    note: str
    months_reported: int
    figures: dict[str, FigureOut] = Field(description="start, started, ended, end, served och queue.")
    median_wait_days: int | None
    capacity_use: float | None
    average_participants: float | None
    cost_per_participant: int | None
    budget: int | None
    positive_share: float | None
    exits: list[ExitOut]
    goals: list[GoalVerdictOut]
    balance: list[BalanceOut]
    referrals: list[ReferralOut]


class OverviewOut(Schema):
    period: PeriodOut
    suppressed: bool
    threshold: int
    note: str
    interventions: list[FollowUpOut]
    totals: dict[str, int] | None = Field(description="Summor, bara i kansliets vy (annars null).")


class NoticeOut(Schema):
    meeting_id: int
    body: str
    meeting_date: date
    adjusted: date
    posted: date
    appeal_last_day: date
    remove_after: date
    content_hash: str
    current: bool = Field(description="Sant så länge anslaget sitter uppe.")
