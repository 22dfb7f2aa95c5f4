"""Public pages: no login, no cookies needed."""
from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from samordna.associations.models import Association
from samordna.board import selectors as board_selectors
from samordna.board.attachments import attachment_response
from samordna.board.models import ParagraphAttachment
from samordna.board.views_documents import document_response

from . import selectors


def _posted(slug, meeting_id):
    """The association and one of its protocols whose notice is up; 404 before the posting day."""
    association = get_object_or_404(Association, slug=slug)
    return association, get_object_or_404(selectors.posted_meetings(association).select_related("body__association"), pk=meeting_id)


def board(request, slug):
    association = get_object_or_404(Association, slug=slug)
    current, archive = selectors.split(association)
    context = {"association": association, "current": current, "archive": archive,
               "summoned": selectors.summoned_public_meetings(association),
               "delegated": selectors.delegated_announcements(association)}
    return render(request, "notices/board.html", context)


def notice_protocol(request, slug, meeting_id):
    """The adjusted protocol itself, as the public may read it."""
    association, meeting = _posted(slug, meeting_id)
    paragraphs = board_selectors.displayed_paragraphs(meeting)
    numbers = [p.number for p in paragraphs]
    quorums = board_selectors.quorum_by_paragraph(meeting, paragraphs)
    context = {
        "association": association,
        "meeting": meeting,
        "blocks": board_selectors.attendance_blocks(meeting, quorums),
        "quorums": quorums,
        "range": (min(numbers), max(numbers)) if numbers else None,
        "notice": next(n for n in selectors.notices(association) if n.meeting.pk == meeting.pk),
        "public": True,
    }
    return render(request, "notices/protocol.html", context)


def _entry(request, slug, notice):
    m, d = notice.meeting, notice.dates
    return {
        "body": m.body.name,
        "meeting_date": m.date.isoformat(),
        "adjusted": m.adjusted_on.isoformat(),
        "posted": d.posted.isoformat(),
        "appeal_last_day": d.appeal_last_day.isoformat(),
        "remove_after": d.remove_after.isoformat(),
        "content_hash": m.content_hash,
        "url": request.build_absolute_uri(reverse("notice_protocol", args=[slug, m.pk])),
        "current": notice.current,
    }


def board_json(request, slug):
    association = get_object_or_404(Association, slug=slug)
    entries = [_entry(request, slug, n) for n in selectors.notices(association)]
    return JsonResponse({"association": association.name, "notices": entries}, json_dumps_params={"ensure_ascii": False})


class BoardFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, slug):
        self.request = request
        return get_object_or_404(Association, slug=slug)

    def title(self, association):
        return f"Anslagstavla – {association.name}"

    def link(self, association):
        return reverse("notice_board", args=[association.slug])

    def subtitle(self, association):
        return "Justerade protokoll som tillkännages på förbundets anslagstavla."

    def items(self, association):
        return selectors.notices(association)

    def item_title(self, notice):
        return f"Protokoll {notice.meeting.body.name} {notice.meeting.date:%Y-%m-%d}"

    def item_description(self, notice):
        d = notice.dates
        return f"Anslaget {d.posted:%Y-%m-%d}. Sista dag att överklaga {d.appeal_last_day:%Y-%m-%d}. Anslaget tas ned {d.remove_after:%Y-%m-%d}."

    def item_link(self, notice):
        return reverse("notice_protocol", args=[notice.meeting.body.association.slug, notice.meeting.pk])

    def item_pubdate(self, notice):
        return timezone.make_aware(datetime.combine(notice.dates.posted, time(0, 0)))


def notice_protocol_pdf(request, slug, meeting_id):
    association, meeting = _posted(slug, meeting_id)
    return document_response(meeting, "pdf", archival=True, public=True)


def notice_attachment(request, slug, meeting_id, attachment_id):
    """An attachment of a posted protocol; documents under confidentiality (sekretess) are not public."""
    association, meeting = _posted(slug, meeting_id)
    attachment = get_object_or_404(ParagraphAttachment.objects.select_related("document"), pk=attachment_id, paragraph__meeting=meeting)
    if attachment.is_confidential:
        raise Http404("Handlingen omfattas av sekretess.")
    return attachment_response(attachment)
