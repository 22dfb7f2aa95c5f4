"""Writing the protocol paragraph by paragraph, and reading it as the printed document."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from samordna.registry.selectors import sees_confidential

from . import selectors, services
from .forms import ParagraphForm
from .models import AgendaItem, Paragraph
from .views_common import apply_errors, get_meeting

# The service speaks of decisions; the form field holding them is decisions_text.
ALIASES = {"decisions": "decisions_text"}
PARAGRAPH_FIELDS = ["sub", "title", "kind", "case_number", "start", "end", "text", "tabled", "adjusted_immediately"]


def _pending_agenda(meeting):
    return meeting.agenda_items.filter(paragraphs__isnull=True)


@login_required
def protocol(request, slug, meeting_id):
    meeting = get_meeting(request, slug, meeting_id)
    next_item = _pending_agenda(meeting).first()
    initial = {"number": None}
    if next_item:
        initial.update(title=next_item.title, kind=next_item.kind, case_number=next_item.case_number)
    form = ParagraphForm(request.POST or None, initial=initial)
    if request.method == "POST":
        get_meeting(request, slug, meeting_id, edit=True)
        if form.is_valid():
            data = form.cleaned_data
            item_id = request.POST.get("agenda_item")
            item = AgendaItem.objects.filter(pk=item_id, meeting=meeting).first() if item_id else None
            try:
                paragraph = services.save_paragraph(
                    meeting, number=data["number"], decisions_text=data["decisions_text"], agenda_item=item,
                    **{k: data[k] for k in PARAGRAPH_FIELDS},
                )
            except ValidationError as error:
                apply_errors(form, error, ALIASES)
            else:
                messages.success(request, f"§ {paragraph.number} {paragraph.title} är sparad.")
                return redirect("protocol", slug=slug, meeting_id=meeting.pk)
    context = {
        "meeting": meeting,
        "quorums": selectors.quorum_by_paragraph(meeting, selectors.displayed_paragraphs(meeting)),
        "form": form,
        "next_item": next_item,
        "next_number": selectors.next_paragraph_number(meeting),
        "pending": _pending_agenda(meeting),
        "show_confidential": sees_confidential(request.user, meeting.association),
        "tab": "protocol",
    }
    return render(request, "board/protocol.html", context)


@login_required
@require_POST
def protocol_standard(request, slug, meeting_id):
    meeting = get_meeting(request, slug, meeting_id, edit=True)
    try:
        created = services.apply_standard_items(meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{len(created)} standardparagrafer är ifyllda." if created else "Standardparagraferna finns redan.")
    return redirect("protocol", slug=slug, meeting_id=meeting.pk)


@login_required
@require_POST
def protocol_from_agenda(request, slug, meeting_id):
    meeting = get_meeting(request, slug, meeting_id, edit=True)
    created = 0
    try:
        for item in _pending_agenda(meeting):
            services.paragraph_from_agenda(meeting, item)
            created += 1
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    messages.success(request, f"{created} paragrafer är skapade från föredragningslistan.")
    return redirect("protocol", slug=slug, meeting_id=meeting.pk)


@login_required
def paragraph_edit(request, slug, meeting_id, paragraph_id):
    meeting = get_meeting(request, slug, meeting_id)
    paragraph = get_object_or_404(Paragraph, pk=paragraph_id, meeting=meeting)
    form = ParagraphForm(request.POST or None, instance=paragraph)
    if request.method == "POST":
        get_meeting(request, slug, meeting_id, edit=True)
        if request.POST.get("action") == "delete":
            try:
                services.delete_paragraph(paragraph)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect("paragraph_edit", slug=slug, meeting_id=meeting.pk, paragraph_id=paragraph.pk)
            messages.success(request, f"§ {paragraph.number} är borttagen.")
            return redirect("protocol", slug=slug, meeting_id=meeting.pk)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.save_paragraph(
                    meeting, paragraph=paragraph, number=data["number"] or paragraph.number,
                    decisions_text=data["decisions_text"], **{k: data[k] for k in PARAGRAPH_FIELDS},
                )
            except ValidationError as error:
                paragraph.refresh_from_db()
                apply_errors(form, error, ALIASES)
            else:
                messages.success(request, f"§ {paragraph.number} är sparad.")
                return redirect("protocol", slug=slug, meeting_id=meeting.pk)
    quorum = next(q for q in selectors.quorum_by_paragraph(meeting) if q.paragraph.pk == paragraph.pk)
    return render(request, "board/paragraph_edit.html", {"meeting": meeting, "paragraph": paragraph, "form": form, "quorum": quorum, "tab": "protocol"})


@login_required
def protocol_read(request, slug, meeting_id):
    meeting = get_meeting(request, slug, meeting_id)
    paragraphs = selectors.displayed_paragraphs(meeting)
    quorums = selectors.quorum_by_paragraph(meeting, paragraphs)
    numbers = [p.number for p in paragraphs]
    context = {
        "meeting": meeting,
        "blocks": selectors.attendance_blocks(meeting, quorums),
        "quorums": quorums,
        "range": (min(numbers), max(numbers)) if numbers else None,
        "show_confidential": sees_confidential(request.user, meeting.association),
        "tab": "read",
    }
    return render(request, "board/protocol_read.html", context)
