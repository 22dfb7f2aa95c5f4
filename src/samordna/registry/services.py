"""Writes for the case register. Each function is one transaction; bad input raises ValidationError in Swedish."""
import hashlib

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from samordna.board import services as board_services
from samordna.rules import case_numbers

from . import uploads
from .models import Case, Document, RegistrySettings


def settings_for(association):
    found, _ = RegistrySettings.objects.get_or_create(association=association)
    return found


def save_settings(association, *, case_number_format):
    errors = case_numbers.format_errors(case_number_format)
    if errors:
        raise ValidationError({"case_number_format": errors})
    with transaction.atomic():
        current = settings_for(association)
        current.case_number_format = case_number_format.strip()
        current.save()
    return current


def suggest_number(association, year):
    existing = Case.objects.filter(association=association).values_list("number", flat=True)
    return case_numbers.next_number(settings_for(association).case_number_format, year, list(existing))


def save_case(case):
    """Register a new case or save an existing one; the number must be new in the association's register."""
    association = case.association
    template = settings_for(association).case_number_format
    case.number = (case.number or "").strip()
    others = Case.objects.filter(association=association).exclude(pk=case.pk).values_list("number", flat=True)
    verdict = case_numbers.check_new(template, case.number, list(others))
    if not verdict.ok:
        raise ValidationError({"number": list(verdict.reasons)})
    if case.handling_officer_id and case.handling_officer.association_id != association.id:
        raise ValidationError({"handling_officer": "Handläggaren hör inte till förbundet."})
    case.number_key = case_numbers.key(case.number)
    case.imported = case_numbers.parse_number(template, case.number) is None
    case.full_clean(exclude=["association"], validate_constraints=False)
    try:
        with transaction.atomic():
            case.save()
    except IntegrityError:
        # Someone registered the same number in the meantime.
        raise ValidationError({"number": f"Diarienumret {case.number} finns redan i diariet. Välj ett annat nummer."})
    return case


def set_status(case, status):
    if status not in Case.Status.values:
        raise ValidationError({"status": "Välj en status i listan."})
    case.status = status
    case.save(update_fields=["status"])
    return case


def add_document(case, *, filename, data, kind, title="", confidential=False, user=None, max_size=uploads.MAX_SIZE):
    """Store a document of the case with its text read out for search; refused files leave nothing behind."""
    errors = {}
    if kind not in Document.Kind.values:
        errors["kind"] = ["Välj typ av handling."]
    try:
        upload = uploads.read(filename, data, max_size=max_size)
    except ValueError as error:
        errors["file"] = [str(error)]
        upload = None
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        document = Document(
            association=case.association, case=case, kind=kind, title=(title or "").strip() or upload.filename.rsplit(".", 1)[0],
            confidential=bool(confidential), filename=upload.filename, content_type=upload.content_type, size=len(upload.data),
            sha256=hashlib.sha256(upload.data).hexdigest(), content=upload.data, text=upload.text, uploaded_by=user,
        )
        document.full_clean(exclude=["association", "case", "uploaded_by", "content"])
        document.save()
    return document


def delete_document(document):
    """A document attached to a paragraph is part of that protocol; it must be detached first (and never from an
    adjusted one)."""
    uses = list(document.paragraph_uses.select_related("paragraph__meeting__body"))
    if uses:
        where = ", ".join(f"{u.paragraph.meeting.body.name} {u.paragraph.meeting.date:%Y-%m-%d} § {u.paragraph.number}" for u in uses)
        raise ValidationError(f"Handlingen ”{document.title}” är bilaga till {where} och kan inte tas bort härifrån.")
    document.delete()


def put_on_agenda(case, meeting, *, kind="decision", title="", proposal=""):
    """Put the case on a meeting's agenda; the case is then "on the agenda"."""
    if meeting.association.pk != case.association_id:
        raise ValidationError({"meeting": "Sammanträdet hör inte till förbundet."})
    if meeting.frozen:
        raise ValidationError({"meeting": "Protokollet för sammanträdet är justerat; välj ett kommande sammanträde."})
    if meeting.agenda_items.filter(case_number=case.number).exists():
        raise ValidationError({"meeting": f"Ärendet Dnr {case.number} står redan på föredragningslistan för {meeting}."})
    with transaction.atomic():
        item = board_services.add_agenda_item(
            meeting, title=(title or "").strip() or case.title, kind=kind, case_number=case.number, proposal=proposal
        )
        if case.status == Case.Status.OPEN:
            case.status = Case.Status.ON_AGENDA
            case.save(update_fields=["status"])
    return item
