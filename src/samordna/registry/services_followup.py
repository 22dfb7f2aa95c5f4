"""Writes for decision follow-up, delegated decisions and notifications, and the agenda items they lead to."""
from django.core.exceptions import ValidationError
from django.db import transaction

from samordna.accounts.audit import record_update
from samordna.board import services as board_services

from .models import Assignment, Case, DelegationPoint

DELEGATION_TITLE = "Anmälan av delegationsbeslut"


def _same_association(association, errors, **objects):
    """Everything a row points at must belong to the same association (tenants never mix)."""
    for field, obj in objects.items():
        if obj is None:
            continue
        owner = obj.association_id if hasattr(obj, "association_id") else obj.association.pk
        if owner != association.pk:
            errors.setdefault(field, []).append("Valet hör inte till förbundet.")


def save_assignment(assignment):
    association = assignment.association
    errors = {}
    if not assignment.owner_id and not assignment.owner_body_id:
        errors["owner"] = ["Ange vem som är ansvarig: en person, ett organ eller båda."]
    decision = assignment.decision
    _same_association(association, errors, owner=assignment.owner, owner_body=assignment.owner_body,
                      report_to=assignment.report_to, decision=decision.paragraph.meeting if decision else None)
    if assignment.report_to_id and assignment.report_to.frozen and assignment.status == Assignment.Status.OPEN:
        errors.setdefault("report_to", []).append("Sammanträdets protokoll är redan justerat; välj ett kommande sammanträde.")
    if assignment.status == Assignment.Status.DONE and not assignment.completed_on:
        errors.setdefault("completed_on", []).append("Ange när uppdraget blev klart.")
    if errors:
        raise ValidationError(errors)
    if decision is not None:
        # Kept apart from the decision row, which is rewritten whenever the paragraph is saved.
        assignment.paragraph = decision.paragraph
        assignment.decision_text = assignment.decision_text or decision.text
        assignment.case_number = assignment.case_number or decision.paragraph.case_number
    if assignment.status == Assignment.Status.OPEN:
        assignment.completed_on = None
    assignment.full_clean(exclude=["association"])
    with transaction.atomic():
        assignment.save()
    return assignment


def add_report_back(assignment, meeting):
    """Put the assignment's report-back on the meeting's agenda (once)."""
    if assignment.agenda_item_id and assignment.agenda_item.meeting_id == meeting.pk:
        raise ValidationError("Återrapporteringen står redan på föredragningslistan.")
    with transaction.atomic():
        item = board_services.add_agenda_item(
            meeting, title=f"Återrapportering: {assignment.title}", kind="information", case_number=assignment.case_number,
            proposal=f"{assignment.owner_name} återrapporterar uppdraget.",
        )
        assignment.agenda_item = item
        assignment.save(update_fields=["agenda_item"])
    return item


# Delegation ---------------------------------------------------------------


def save_delegation_point(point):
    errors = {}
    same = DelegationPoint.objects.filter(association=point.association, code=(point.code or "").strip()).exclude(pk=point.pk)
    if same.exists():
        errors["code"] = [f"Punkt {point.code} finns redan i delegationsordningen."]
    if errors:
        raise ValidationError(errors)
    point.code = point.code.strip()
    point.full_clean(exclude=["association"], validate_constraints=False)
    with transaction.atomic():
        point.save()
    return point


def save_delegated_decision(decision):
    errors = {}
    _same_association(decision.association, errors, point=decision.point if decision.point_id else None,
                      decided_by=decision.decided_by if decision.decided_by_id else None,
                      paragraph=decision.paragraph.meeting if decision.paragraph_id else None)
    if decision.point_id and not decision.point.active and decision.pk is None:
        errors.setdefault("point", []).append("Punkten gäller inte längre i delegationsordningen.")
    if errors:
        raise ValidationError(errors)
    decision.full_clean(exclude=["association"])
    with transaction.atomic():
        decision.save()
    return decision


def _standing_item(meeting, title, rows, line, intro, clause):
    """Add a standing report item (or reuse the one already on the agenda) listing `rows`, and attach them to it."""
    rows = list(rows)
    if meeting.frozen:
        raise ValidationError("Protokollet för sammanträdet är justerat; föredragningslistan kan inte ändras.")
    item = meeting.agenda_items.filter(title=title).first()
    attached = list(rows[0].__class__.objects.filter(agenda_item=item)) if item else []
    proposal = intro + "\n" + "\n".join(line(r) for r in attached + rows) + "\n\n" + clause
    if item is None:
        item = board_services.add_agenda_item(meeting, title=title, kind="information", proposal=proposal)
    else:
        item.proposal = proposal
        item.save(update_fields=["proposal"])
    record_update(rows[0].__class__.objects.filter(pk__in=[r.pk for r in rows]), agenda_item=item)
    return item


def report_delegated_decisions(meeting, decisions):
    """Add "Anmälan av delegationsbeslut" to the agenda (or reuse it) and attach the decisions to it."""
    decisions = list(decisions)
    if not decisions:
        raise ValidationError("Det finns inga delegationsbeslut att anmäla.")
    with transaction.atomic():
        return _standing_item(meeting, DELEGATION_TITLE, decisions, _line, "Följande delegationsbeslut anmäls:",
                              "att lägga anmälan till handlingarna")


def _line(decision):
    number = f", Dnr {decision.case_number}" if decision.case_number else ""
    return f"• {decision.decided_on:%Y-%m-%d} {decision.subject} ({decision.decided_by.name}, punkt {decision.point.code}{number})"


# Notifications -------------------------------------------------------------


def save_notification(notification):
    errors = {}
    _same_association(notification.association, errors,
                      paragraph=notification.paragraph.meeting if notification.paragraph_id else None)
    if errors:
        raise ValidationError(errors)
    notification.full_clean(exclude=["association"])
    with transaction.atomic():
        notification.save()
    return notification


def notification_title(category):
    return f"{category} – anmälningar"


def report_notifications(meeting, notifications):
    """Add the category's standing item (e.g. "Lex Heller – anmälningar") to the agenda with the notifications."""
    notifications = list(notifications)
    if not notifications:
        raise ValidationError("Det finns inga anmälningar att ta upp.")
    if len({n.category for n in notifications}) != 1:
        raise ValidationError("Ta upp en kategori av anmälningar i taget.")

    def line(n):
        number = f", Dnr {n.case_number}" if n.case_number else ""
        return f"• {n.received_on:%Y-%m-%d} {n.sender}: {n.subject}{number}"

    with transaction.atomic():
        return _standing_item(meeting, notification_title(notifications[0].category), notifications, line,
                              "Följande anmälningar har kommit in:", "att lägga anmälningarna till handlingarna")


# Cases ---------------------------------------------------------------------


def case_to_agenda(case, meeting):
    from .services import put_on_agenda

    if case.status != Case.Status.OPEN:
        raise ValidationError(f"Ärendet Dnr {case.number} är inte öppet ({case.get_status_display().lower()}).")
    return put_on_agenda(case, meeting)
