"""The protocol as PDF and Word, and certified extracts (protokollsutdrag) of chosen paragraphs."""
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render

from samordna.documents.render import render_docx, render_pdf
from samordna.protocols.export import meeting_protocol
from samordna.rules.deadlines import notice_dates

from .views_common import get_meeting
from .votes import document_proceedings

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def document_extras(meeting, extract_of=None):
    """What the interchange format does not carry: seal, notice dates, draft watermark, extract selection."""
    extras = {"draft": not meeting.frozen}
    proceedings = document_proceedings(meeting)
    if proceedings:
        extras["proceedings"] = proceedings
    if meeting.frozen:
        extras["content_hash"] = meeting.content_hash
        dates = notice_dates(meeting.adjusted_on, meeting.notice_posted)
        extras["notice"] = {
            "posted": dates.posted.isoformat(),
            "appeal_last_day": dates.appeal_last_day.isoformat(),
            "remove_after": dates.remove_after.isoformat(),
            "kept_at": meeting.association.address or meeting.association.name,
        }
    if extract_of:
        extras["extract_of"] = extract_of
    return extras


def document_response(meeting, fmt, extract_of=None, archival=False):
    if fmt not in CONTENT_TYPES:
        raise Http404("Okänt format.")
    protocol = meeting_protocol(meeting)
    extras = document_extras(meeting, extract_of)
    content = render_pdf(protocol, extras=extras, archival=archival) if fmt == "pdf" else render_docx(protocol, extras=extras)
    kind = "utdrag" if extract_of else "protokoll"
    filename = f"{kind}-{meeting.body.slug}-{meeting.date:%Y-%m-%d}.{fmt}"
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def protocol_document(request, slug, meeting_id, fmt):
    meeting = get_meeting(request, slug, meeting_id)
    return document_response(meeting, fmt, archival=meeting.frozen and fmt == "pdf")


def extractable(meeting):
    """Paragraphs whose extract may be issued: all of an adjusted protocol, else those adjusted immediately."""
    paragraphs = meeting.paragraphs.all()
    return list(paragraphs if meeting.frozen else paragraphs.filter(adjusted_immediately=True))


@login_required
def extract(request, slug, meeting_id):
    meeting = get_meeting(request, slug, meeting_id)
    allowed = extractable(meeting)
    chosen = [int(n) for n in request.GET.getlist("p") if n.isdigit()]
    error = None
    if "format" in request.GET:
        numbers = sorted({p.number for p in allowed} & set(chosen))
        if numbers and request.GET["format"] in CONTENT_TYPES:
            return document_response(meeting, request.GET["format"], extract_of=numbers)
        error = "Välj minst en paragraf som får lämnas ut som utdrag."
    context = {"meeting": meeting, "allowed": allowed, "chosen": chosen, "error": error, "tab": "read"}
    return render(request, "board/extract.html", context)
