"""The protocol as PDF and Word, and certified extracts (protokollsutdrag) of chosen paragraphs."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from samordna.documents.render import render_docx, render_pdf
from samordna.protocols.export import meeting_protocol
from samordna.rules.deadlines import notice_dates

from . import extracts
from .attachments import document_lines
from .extracts import extractable
from .models import Person
from .views_common import get_meeting
from .votes import document_proceedings

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def document_extras(meeting, extract_of=None, public=False):
    """What the interchange format does not carry: seal, notice dates, draft watermark, extract selection, and per
    paragraph the proceedings, attachments and recordings (without confidential attachments when `public`)."""
    extras = {"draft": not meeting.frozen}
    proceedings = document_proceedings(meeting)
    for key, lines in document_lines(meeting, confidential=not public).items():
        proceedings.setdefault(key, {}).update(lines)
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


def render_document(meeting, fmt, extract_of=None, archival=False, public=False):
    """(bytes, file name) of the protocol or an extract of it."""
    protocol = meeting_protocol(meeting)
    extras = document_extras(meeting, extract_of, public=public)
    content = render_pdf(protocol, extras=extras, archival=archival) if fmt == "pdf" else render_docx(protocol, extras=extras)
    kind = "utdrag" if extract_of else "protokoll"
    return content, f"{kind}-{meeting.body.slug}-{meeting.date:%Y-%m-%d}.{fmt}"


def document_response(meeting, fmt, extract_of=None, archival=False, public=False):
    if fmt not in CONTENT_TYPES:
        raise Http404("Okänt format.")
    content, filename = render_document(meeting, fmt, extract_of, archival, public)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def protocol_document(request, slug, meeting_id, fmt):
    meeting = get_meeting(request, slug, meeting_id)
    return document_response(meeting, fmt, archival=meeting.frozen and fmt == "pdf")


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
    return _extract_page(request, meeting, allowed, chosen, error=error)


def _extract_page(request, meeting, allowed, chosen, *, error=None, send_errors=None, values=None, status=200):
    from samordna.registry.models import ExtractDispatch

    picked = [p for p in allowed if p.number in chosen]
    cases = extracts.cases_of(meeting, picked)
    recipients = []
    for case in dict.fromkeys(cases.values()):
        recipients += [(case, r) for r in case.recipients.all()]
    values = values or {}
    context = {
        "meeting": meeting, "allowed": allowed, "chosen": chosen, "error": error, "tab": "read",
        "picked": picked, "recipients": recipients, "send_errors": send_errors or {},
        "checked": set(values.get("recipients", [r.pk for _, r in recipients])), "others": values.get("others", ""),
        "missing_cases": [p for p in picked if p.case_number and p.pk not in cases],
        "dispatches": ExtractDispatch.objects.filter(meeting=meeting).prefetch_related("paragraphs"),
    }
    return render(request, "board/extract.html", context, status=status)


@login_required
@require_POST
def extract_send(request, slug, meeting_id):
    meeting = get_meeting(request, slug, meeting_id, edit=True)
    chosen = [int(n) for n in request.POST.getlist("p") if n.isdigit()]
    recipient_ids = [int(r) for r in request.POST.getlist("recipient") if r.isdigit()]
    others = request.POST.get("others", "")
    person = Person.objects.filter(association=meeting.association, user=request.user).first()
    try:
        dispatch = extracts.send_extract(meeting, chosen, recipient_ids=recipient_ids, others=others, user=request.user,
                                         sender_name=person.name if person else "")
    except ValidationError as error:
        return _extract_page(request, meeting, extractable(meeting), chosen, send_errors=error.message_dict,
                             values={"recipients": recipient_ids, "others": others}, status=400)
    messages.success(request, f"Utdraget är skickat till {dispatch.recipient_text}.")
    return redirect(reverse("extract", args=[slug, meeting.pk]) + "#skickade")
