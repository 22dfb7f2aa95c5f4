"""What of the board's work is searchable, and how it reads in the index."""
from django.urls import reverse

from samordna.board.models import Meeting, Paragraph
from samordna.registry.models import Case, Document

from . import engine


def _meeting_url(meeting, anchor=""):
    return reverse("protocol_read", kwargs={"slug": meeting.body.association.slug, "meeting_id": meeting.pk}) + anchor


def protocol_entry(meeting) -> engine.Entry:
    names = " ".join(a.person.name for a in meeting.attendances.select_related("person"))
    label = f" – {meeting.label}" if meeting.label else ""
    return engine.Entry(
        key=f"protocol:{meeting.pk}", kind="protocol", title=f"Protokoll {meeting.body.name} {meeting.date:%Y-%m-%d}{label}",
        url=_meeting_url(meeting), text=f"{meeting.place}. {names}", date=meeting.date, body=meeting.body.slug)


def paragraph_entry(paragraph) -> engine.Entry:
    meeting = paragraph.meeting
    decisions = "\n".join(f"att {d.text}" for d in paragraph.decisions.all())
    sub = f" {paragraph.sub}." if paragraph.sub else ""
    return engine.Entry(
        key=f"paragraph:{paragraph.pk}", kind="paragraph", title=f"§ {paragraph.number}{sub} {paragraph.title}",
        url=_meeting_url(meeting, f"#p{paragraph.number}{paragraph.sub}"),
        text="\n".join(t for t in (paragraph.text, decisions) if t), date=meeting.date, body=meeting.body.slug,
        case_number=paragraph.case_number)


def index_meeting(meeting) -> None:
    meeting = Meeting.objects.select_related("body__association").get(pk=meeting.pk)
    paragraphs = meeting.paragraphs.prefetch_related("decisions")
    engine.put(meeting.body.association_id, [protocol_entry(meeting)] + [paragraph_entry(p) for p in paragraphs])


def index_protocol(meeting_id) -> None:
    """The protocol's own entry (who attended, where), without its paragraphs."""
    meeting = Meeting.objects.select_related("body__association").filter(pk=meeting_id).first()
    if meeting:
        engine.put(meeting.body.association_id, [protocol_entry(meeting)])


def index_paragraph(paragraph) -> None:
    paragraph = Paragraph.objects.select_related("meeting__body__association").get(pk=paragraph.pk)
    engine.put(paragraph.meeting.body.association_id, [paragraph_entry(paragraph)])


def case_entry(case) -> engine.Entry:
    return engine.Entry(
        key=f"case:{case.pk}", kind="case", title=f"Dnr {case.number} {case.title}",
        url=reverse("case_detail", kwargs={"slug": case.association.slug, "case_id": case.pk}),
        text=case.description or case.title, date=case.received_on, case_number=case.number)


def document_entry(document) -> engine.Entry:
    # A confidential document is searchable only by those who may read it (restricted entries).
    return engine.Entry(
        key=f"document:{document.pk}", kind="document", title=f"{document.title} (Dnr {document.case.number})",
        url=reverse("document_download", kwargs={"slug": document.association.slug, "case_id": document.case_id,
                                                 "document_id": document.pk}),
        text=document.text, date=document.case.received_on, case_number=document.case.number,
        restricted=document.confidential)


def index_case(case) -> None:
    case = Case.objects.select_related("association").get(pk=case.pk)
    documents = Document.objects.filter(case=case).select_related("association", "case").defer("content")
    engine.put(case.association_id, [case_entry(case)] + [document_entry(d) for d in documents])


def rebuild(association) -> int:
    """Index everything of one association again (after an upgrade or a bulk load); returns the number of entries."""
    engine.remove_prefix(association.pk, "protocol:")
    engine.remove_prefix(association.pk, "paragraph:")
    engine.remove_prefix(association.pk, "case:")
    engine.remove_prefix(association.pk, "document:")
    count = 0
    for case in Case.objects.filter(association=association):
        index_case(case)
        count += 1 + case.documents.count()
    for meeting in Meeting.objects.filter(body__association=association):
        index_meeting(meeting)
        count += 1 + meeting.paragraphs.count()
    return count
