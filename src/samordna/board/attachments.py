"""Writes and reads for a paragraph's attachments (bilagor) and recording links (inspelning).

Like every other edit of the protocol they need a draft (adjustment.ensure_editable); bad input raises ValidationError
with Swedish messages keyed by form field, and nothing is saved. Uploaded files pass the register's checks
(registry.uploads: allowed types, content matching the extension, size limit).
"""
import hashlib
import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.http import HttpResponse

from samordna.rules import case_numbers

from .adjustment import ensure_editable
from .models_attachments import ParagraphAttachment, Recording, clock

_CLOCK = re.compile(r"^(?:(\d{1,2}):)?([0-5]?\d):([0-5]\d)$")


def _label(paragraph):
    return f"§ {paragraph.number}{' ' + paragraph.sub if paragraph.sub else ''}"


def _next_position(rows):
    return (rows.aggregate(m=Max("position"))["m"] or 0) + 1


def parse_start(text):
    """"00:42:10", "42:10" or "1:02:03" → seconds; "" → None; ValueError with a Swedish message otherwise."""
    text = (text or "").strip()
    if not text:
        return None
    match = _CLOCK.match(text)
    if match is None:
        raise ValueError(f"Skriv starttiden som tt:mm:ss, t.ex. 00:42:10 (inte ”{text}”).")
    hours, minutes, seconds = int(match[1] or 0), int(match[2]), int(match[3])
    return hours * 3600 + minutes * 60 + seconds


def paragraph_case(paragraph):
    """The register's case the paragraph handles (by its Dnr), or None."""
    from samordna.registry.models import Case

    if not paragraph.case_number:
        return None
    return Case.objects.filter(association=paragraph.meeting.association, number_key=case_numbers.key(paragraph.case_number)).first()


def case_documents(paragraph, user):
    """Documents of the paragraph's case the user may see and that are not attached yet."""
    from samordna.registry import selectors as registry_selectors

    case = paragraph_case(paragraph)
    if case is None:
        return []
    attached = set(paragraph.attachments.exclude(document=None).values_list("document_id", flat=True))
    return [d for d in registry_selectors.documents(case, user) if d.pk not in attached]


def attach_document(paragraph, document, *, user=None):
    """Attach a document of the paragraph's own case from the register."""
    ensure_editable(paragraph.meeting)
    if document is None:
        raise ValidationError({"document": ["Välj en handling i ärendet."]})
    case = paragraph_case(paragraph)
    if case is None or document.case_id != case.pk or document.association_id != paragraph.meeting.association.pk:
        raise ValidationError({"document": [f"Handlingen hör inte till ärendet för {_label(paragraph)}."
                                            if case else f"{_label(paragraph)} har inget diarienummer som finns i diariet."]})
    if paragraph.attachments.filter(document=document).exists():
        raise ValidationError({"document": [f"”{document.title}” är redan bilaga till {_label(paragraph)}."]})
    with transaction.atomic():
        return ParagraphAttachment.objects.create(paragraph=paragraph, document=document, uploaded_by=_user(user),
                                                  position=_next_position(paragraph.attachments))


def upload_attachment(paragraph, *, filename, data, title="", confidential=False, user=None, max_size=None):
    """A file uploaded to the meeting and attached to the paragraph."""
    from samordna.registry import uploads

    ensure_editable(paragraph.meeting)
    try:
        upload = uploads.read(filename, data, max_size=max_size or uploads.MAX_SIZE)
    except ValueError as error:
        raise ValidationError({"file": [str(error)]})
    title = (title or "").strip() or upload.filename.rsplit(".", 1)[0]
    if len(title) > 300:
        raise ValidationError({"title": ["Rubriken får vara högst 300 tecken."]})
    with transaction.atomic():
        return ParagraphAttachment.objects.create(
            paragraph=paragraph, title=title, confidential=bool(confidential), filename=upload.filename,
            content_type=upload.content_type, size=len(upload.data), sha256=hashlib.sha256(upload.data).hexdigest(),
            content=upload.data, uploaded_by=_user(user), position=_next_position(paragraph.attachments),
        )


def remove_attachment(attachment):
    ensure_editable(attachment.paragraph.meeting)
    attachment.delete()


def add_recording(paragraph, *, url, start="", label=""):
    ensure_editable(paragraph.meeting)
    errors = {}
    url = (url or "").strip()
    parts = urlsplit(url)
    if not url:
        errors["url"] = ["Fyll i adressen till inspelningen."]
    elif parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
        errors["url"] = ["Adressen ska vara en webbadress som börjar med https:// (eller http://)."]
    elif len(url) > 500:
        errors["url"] = ["Adressen får vara högst 500 tecken."]
    try:
        seconds = parse_start(start)
    except ValueError as error:
        errors["start"] = [str(error)]
    label = (label or "").strip()
    if len(label) > 200:
        errors["label"] = ["Beskrivningen får vara högst 200 tecken."]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        return Recording.objects.create(paragraph=paragraph, url=url, start=seconds, label=label,
                                        position=_next_position(paragraph.recordings))


def remove_recording(recording):
    ensure_editable(recording.paragraph.meeting)
    recording.delete()


def _user(user):
    return user if user is not None and user.is_authenticated else None


# Reading ---------------------------------------------------------------------


def attachment_response(attachment):
    """The file itself, as a download."""
    from samordna.registry.uploads import clean_filename

    if attachment.document_id:
        document = attachment.document.__class__.objects.get(pk=attachment.document_id)
        content, content_type, filename = bytes(document.content), document.content_type, document.filename
    else:
        content, content_type, filename = bytes(attachment.content), attachment.content_type, attachment.filename
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{clean_filename(filename)}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def document_lines(meeting, *, confidential=True):
    """For the printed protocol (documents.context): {"<number><sub>": {"attachments": [...], "recordings": [...]}}.

    `confidential=False` (the public notice board's copy) leaves out attachments under confidentiality.
    """
    result = {}
    paragraphs = meeting.paragraphs.prefetch_related("attachments__document", "recordings")
    for p in paragraphs:
        titles = [a.label + (" (sekretess)" if a.is_confidential else "") for a in p.attachments.all()
                  if confidential or not a.is_confidential]
        recordings = [r.text for r in p.recordings.all()]
        entry = {k: v for k, v in (("attachments", titles), ("recordings", recordings)) if v}
        if entry:
            result[f"{p.number}{p.sub}"] = entry
    return result


__all__ = ["attach_document", "upload_attachment", "remove_attachment", "add_recording", "remove_recording", "parse_start",
           "case_documents", "paragraph_case", "attachment_response", "document_lines", "clock"]
