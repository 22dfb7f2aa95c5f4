"""The association, its members, meetings, protocols (read, and a draft from the interchange format), decisions and the
public notice board."""
import json
from django.core.exceptions import ValidationError as DjangoValidationError
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from samordna.accounts.models import EDITOR_ROLES
from samordna.associations.models import Association, Member
from samordna.board import importing
from samordna.board.models import Body, Decision, Meeting
from samordna.notices import selectors as notice_selectors
from samordna.protocols.export import meeting_protocol

from . import services
from .access import SLUG, acting, not_found
from .api import ERRORS, PUBLIC_ERRORS, Error, Mapped, Page, api
from .models import WRITE_PROTOCOLS
from .openapi import REF
from .schemas import AssociationOut, DecisionOut, MeetingDetailOut, MeetingOut, MemberOut, NoticeOut

router = Router(tags=["Förbund och sammanträden"])
MAX_ID = 2**63 - 1
SlugPath = Path(..., description="Förbundets kortnamn i adressen.", max_length=50)
MeetingId = Path(..., ge=1, le=MAX_ID, description="Sammanträdets id.")


def _meetings(association):
    return Meeting.objects.filter(body__association=association).select_related("body").order_by("-date", "-start", "-id")


def _hhmm(t):
    return t.strftime("%H:%M") if t else None


def meeting_row(m):
    return {"id": m.pk, "body": m.body.slug, "body_name": m.body.name, "date": m.date, "start": _hhmm(m.start), "end": _hhmm(m.end),
            "place": m.place, "label": m.label, "public": m.public, "protocol_status": m.protocol_status,
            "adjusted_on": m.adjusted_on, "notice_posted": m.notice_posted, "content_hash": m.content_hash}


def _meeting(association, meeting_id):
    meeting = _meetings(association).select_related("chair", "secretary").filter(pk=meeting_id).first()
    if meeting is None:
        not_found("Sammanträdet finns inte.")
    return meeting


@router.get("/f/{slug}/", response={200: AssociationOut, **ERRORS}, url_name="api_association",
            operation_id="api_association", summary="Förbundet",
            description="Förbundets namn, förbundsordningens inställningar och organ.")
def association(request, slug: str = SlugPath):
    association, roles = acting(request, slug)
    charter = getattr(association, "charter", None)
    return {"slug": association.slug, "name": association.name, "address": association.address,
            "website": association.website, "roles": sorted(roles),
            "charter": None if charter is None else {
                "numbering": charter.numbering, "quorum_all_groups": charter.quorum_all_groups,
                "substitute_order": charter.substitute_order, "meetings_public": charter.meetings_public,
                "adjusters": charter.adjusters},
            "bodies": [{"slug": b.slug, "name": b.name, "kind": b.kind} for b in Body.objects.filter(association=association)]}


@router.get("/f/{slug}/members", response={200: list[MemberOut], **ERRORS}, url_name="api_members",
            operation_id="api_members", summary="Förbundsmedlemmar")
@paginate(Page)
def members(request, slug: str = SlugPath):
    association, _ = acting(request, slug)
    return Member.objects.filter(association=association).order_by("kind", "name", "id")


class MeetingFilter(Schema):
    body: str | None = Field(None, description="Bara detta organs sammanträden (organets kortnamn).", max_length=50)
    year: int | None = Field(None, ge=1900, le=2200, description="Bara detta år.")
    status: str | None = Field(None, pattern="^(draft|ready|adjusted)$", description="draft, ready eller adjusted.")


@router.get("/f/{slug}/meetings", response={200: list[MeetingOut], **ERRORS}, url_name="api_meetings",
            operation_id="api_meetings", summary="Sammanträden", description="Nyast först.")
@paginate(Page)
def meetings(request, filters: Query[MeetingFilter], slug: str = SlugPath):
    association, _ = acting(request, slug)
    found = _meetings(association)
    if filters.body is not None:
        found = found.filter(body__slug=filters.body if SLUG.fullmatch(filters.body) else "")
    if filters.year:
        found = found.filter(date__year=filters.year)
    if filters.status:
        found = found.filter(protocol_status=filters.status)
    return Mapped(found, meeting_row)


@router.get("/f/{slug}/meetings/{meeting_id}", response={200: MeetingDetailOut, **ERRORS}, url_name="api_meeting",
            operation_id="api_meeting", summary="Ett sammanträde", description="Med paragrafer och beslut.")
def meeting(request, slug: str = SlugPath, meeting_id: int = MeetingId):
    association, _ = acting(request, slug)
    m = _meeting(association, meeting_id)
    paragraphs = m.paragraphs.prefetch_related("decisions")
    return meeting_row(m) | {
        "chair": m.chair.name if m.chair else None, "secretary": m.secretary.name if m.secretary else None,
        "adjusters": [p.name for p in m.adjusters.order_by("name")],
        "paragraphs": [{"id": p.pk, "number": p.number, "sub": p.sub, "title": p.title, "kind": p.kind,
                        "case_number": p.case_number, "tabled": p.tabled, "adjusted_immediately": p.adjusted_immediately,
                        "decisions": [d.text for d in p.decisions.all()]} for p in paragraphs]}


PROTOCOL_RESPONSE = {"200": {"description": "Protokollet i utbytesformatet samordna.protocol/1.",
                             "content": {"application/json": {"schema": {"$ref": REF}}}}}


@router.get("/f/{slug}/meetings/{meeting_id}/protocol", response={200: dict, **ERRORS}, url_name="api_protocol",
            operation_id="api_protocol", summary="Protokollet i utbytesformatet",
            description="Samma innehåll som PDF- och Word-protokollet och som det justerade protokollets kontrollsumma.",
            openapi_extra={"responses": PROTOCOL_RESPONSE})
def protocol(request, slug: str = SlugPath, meeting_id: int = MeetingId):
    association, _ = acting(request, slug)
    return meeting_protocol(_meeting(association, meeting_id))


class DraftTarget(Schema):
    body: str | None = Field(None, max_length=50, description="Organets kortnamn. Utan den väljs organet efter "
                                                              "dokumentets body, annars styrelsen.")


CREATE_EXTRA = {
    "requestBody": {"required": True, "description": "Ett protokoll i utbytesformatet samordna.protocol/1.",
                    "content": {"application/json": {"schema": {"$ref": REF}}}},
    "responses": {"400": {"description": "Innehållet är inte JSON.",
                          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}},
}


@router.post("/f/{slug}/protocols", response={201: MeetingOut, 400: Error, **ERRORS}, url_name="api_protocol_create",
             operation_id="api_protocol_create", summary="Skapa ett protokollutkast",
             description="Skapar ett sammanträde med närvaro, funktionärer och paragrafer som utkast, från ett dokument "
                         "i utbytesformatet. Kräver behörigheten write:protocols och rollen förbundschef/administratör "
                         "eller sekreterare. Ett dokument som inte följer formatet ger 422 och inget sparas.",
             openapi_extra=CREATE_EXTRA)
def protocol_create(request, target: Query[DraftTarget], slug: str = SlugPath):
    association, _ = acting(request, slug, scope=WRITE_PROTOCOLS, roles=EDITOR_ROLES)
    try:
        data = json.loads(request.body or b"")
    except (ValueError, UnicodeDecodeError):
        raise HttpError(400, "Innehållet är inte giltig JSON; skicka protokollet som application/json.")
    if not isinstance(data, dict):
        raise HttpError(422, "Protokollet ska vara ett JSON-objekt i utbytesformatet samordna.protocol/1.")
    wanted = target.body
    if wanted:
        body = Body.objects.filter(association=association, slug=wanted if SLUG.fullmatch(wanted) else "").first()
    else:
        body = importing.guess_body(association, data.get("body") if isinstance(data.get("body"), str) else "")
    try:
        meeting = services.create_draft(association, body, data)
    except DjangoValidationError as error:
        return Status(422, {"detail": "Protokollet kunde inte tas emot; inget har sparats.", "errors": error.messages})
    return Status(201, meeting_row(meeting))


class DecisionFilter(Schema):
    year: int | None = Field(None, ge=1900, le=2200, description="Bara beslut från sammanträden detta år.")
    meeting_id: int | None = Field(None, ge=1, le=MAX_ID, description="Bara detta sammanträdes beslut.")


@router.get("/f/{slug}/decisions", response={200: list[DecisionOut], **ERRORS}, url_name="api_decisions",
            operation_id="api_decisions", summary="Beslut", description="Varje beslutad att-sats, nyast först.")
@paginate(Page)
def decisions(request, filters: Query[DecisionFilter], slug: str = SlugPath):
    association, _ = acting(request, slug)
    found = Decision.objects.filter(paragraph__meeting__body__association=association)
    if filters.year:
        found = found.filter(paragraph__meeting__date__year=filters.year)
    if filters.meeting_id:
        found = found.filter(paragraph__meeting_id=filters.meeting_id)
    found = found.select_related("paragraph__meeting__body").order_by(
        "-paragraph__meeting__date", "paragraph__number", "paragraph__sub", "position", "id")
    return Mapped(found, lambda d: {
        "id": d.pk, "text": d.text, "paragraph": d.paragraph.number, "paragraph_sub": d.paragraph.sub,
        "paragraph_title": d.paragraph.title, "case_number": d.paragraph.case_number,
        "meeting_id": d.paragraph.meeting_id, "meeting_date": d.paragraph.meeting.date,
        "body": d.paragraph.meeting.body.slug, "protocol_status": d.paragraph.meeting.protocol_status})


@router.get("/f/{slug}/notices", response={200: list[NoticeOut], **PUBLIC_ERRORS}, auth=None, url_name="api_notices",
            operation_id="api_notices", summary="Anslagstavlan",
            description="Justerade protokoll med anslagsdag och sista dag för överklagande. Öppen utan nyckel, "
                        "som den offentliga anslagstavlan.")
@paginate(Page)
def notices(request, slug: str = SlugPath):
    association = Association.objects.filter(slug=slug if SLUG.fullmatch(slug) else "").first()
    if association is None:
        not_found()
    return [{"meeting_id": n.meeting.pk, "body": n.meeting.body.name, "meeting_date": n.meeting.date,
             "adjusted": n.meeting.adjusted_on, "posted": n.dates.posted, "appeal_last_day": n.dates.appeal_last_day,
             "remove_after": n.dates.remove_after, "content_hash": n.meeting.content_hash, "current": n.current}
            for n in notice_selectors.notices(association)]


api.add_router("", router)
