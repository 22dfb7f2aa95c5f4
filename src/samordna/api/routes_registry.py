"""The case register (diarium): cases and their documents' particulars, never the files themselves."""
from ninja import Field, Path, Query, Router, Schema
from ninja.pagination import paginate

from samordna.registry import selectors
from samordna.registry.models import Case

from .access import acting, not_found
from .api import ERRORS, Mapped, Page, api
from .routes_board import MAX_ID, SlugPath
from .schemas import CaseDetailOut, CaseOut

router = Router(tags=["Diariet"])


def case_row(case):
    return {"id": case.pk, "number": case.number, "title": case.title, "received_on": case.received_on,
            "status": case.status, "handling_officer": case.handling_officer.name if case.handling_officer else None}


class CaseFilter(Schema):
    status: str | None = Field(None, pattern="^(open|on_agenda|decided|closed)$",
                               description="open, on_agenda, decided eller closed.")
    year: int | None = Field(None, ge=1900, le=2200, description="Bara ärenden som kom in detta år.")
    q: str | None = Field(None, max_length=100, pattern=r"^[^\x00]*$", description="Sök i diarienummer och ärendemening.")


@router.get("/f/{slug}/cases", response={200: list[CaseOut], **ERRORS}, url_name="api_cases", operation_id="api_cases",
            summary="Ärenden i diariet", description="Nyast först.")
@paginate(Page)
def cases(request, filters: Query[CaseFilter], slug: str = SlugPath):
    association, _ = acting(request, slug)
    found = selectors.cases(association, status=filters.status or "", year=filters.year, query=(filters.q or "").strip())
    return Mapped(found, case_row)


@router.get("/f/{slug}/cases/{case_id}", response={200: CaseDetailOut, **ERRORS}, url_name="api_case",
            operation_id="api_case", summary="Ett ärende",
            description="Med handlingarnas uppgifter (utan innehåll) och paragraferna som behandlat ärendet. Handlingar "
                        "med sekretess syns bara för förbundschef/administratör, sekreterare och revisor.")
def case(request, slug: str = SlugPath, case_id: int = Path(..., ge=1, le=MAX_ID, description="Ärendets id.")):
    association, _ = acting(request, slug)
    found = Case.objects.filter(association=association, pk=case_id).select_related("handling_officer").first()
    if found is None:
        not_found("Ärendet finns inte.")
    documents = selectors.documents(found, request.auth.user)
    return case_row(found) | {
        "description": found.description,
        "documents": [{"id": d.pk, "kind": d.kind, "title": d.title, "filename": d.filename, "content_type": d.content_type,
                       "size": d.size, "sha256": d.sha256, "confidential": d.confidential} for d in documents],
        "paragraphs": [{"meeting_id": p.meeting_id, "meeting_date": p.meeting.date, "body": p.meeting.body.slug,
                        "paragraph": p.number, "paragraph_sub": p.sub, "title": p.title,
                        "decisions": [d.text for d in p.decisions.all()]} for p in selectors.paragraphs(found)],
    }


api.add_router("", router)
