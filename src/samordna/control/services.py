"""Writes for the internal control plan. Each function is one transaction; bad input raises ValidationError
with Swedish messages naming the field, and then nothing is saved."""
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max

from samordna.board import services as board_services
from samordna.board.models import AgendaItem, Meeting
from samordna.rules import risk as rules

from .models import ControlPlan, ControlSettings, FollowUp, Risk
from .selectors import current_assessment, settings_for

FIRST_YEAR, LAST_YEAR = 2000, 2100


def _check_paragraph(association, paragraph, field):
    if paragraph is not None and paragraph.meeting.body.association_id != association.pk:
        raise ValidationError({field: "Paragrafen hör inte till förbundet."})


def _check_year(year):
    if not isinstance(year, int) or not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError({"year": f"Året ska vara mellan {FIRST_YEAR} och {LAST_YEAR}."})


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def save_settings(association, *, matrix_size, probability_labels="", consequence_labels=""):
    """Change the matrix. Shrinking it is refused while a risk or follow-up uses a step that would disappear."""
    errors = {}
    if matrix_size not in rules.SIZES:
        errors["matrix_size"] = "Välj en riskmatris på 4 × 4 eller 5 × 5."
    else:
        for field, text, name in (("probability_labels", probability_labels, "sannolikhet"),
                                  ("consequence_labels", consequence_labels, "konsekvens")):
            count = len(_lines(text))
            if count and count != matrix_size:
                errors[field] = (f"Ange en benämning per steg för {name}: {matrix_size} rader behövs, "
                                 f"{count} är ifyllda.")
        risks = Risk.objects.filter(association=association)
        too_big = (risks.filter(probability__gt=matrix_size).exists() or risks.filter(consequence__gt=matrix_size).exists()
                   or FollowUp.objects.filter(association=association, new_probability__gt=matrix_size).exists()
                   or FollowUp.objects.filter(association=association, new_consequence__gt=matrix_size).exists())
        if too_big:
            errors["matrix_size"] = (f"Det finns risker bedömda över {matrix_size}. Ändra dem först, "
                                     f"annars får de inte plats i en {matrix_size} × {matrix_size}-matris.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        settings, _ = ControlSettings.objects.get_or_create(association=association)
        settings.matrix_size = matrix_size
        settings.probability_labels = "\n".join(_lines(probability_labels))
        settings.consequence_labels = "\n".join(_lines(consequence_labels))
        settings.save()
    return settings


def save_plan(association, *, year, adopted_at=None, reported_at=None, note="", plan=None):
    """Create the plan for a year (one per year) or change an existing plan's meeting references and note."""
    _check_year(year)
    _check_paragraph(association, adopted_at, "adopted_at")
    _check_paragraph(association, reported_at, "reported_at")
    others = ControlPlan.objects.filter(association=association, year=year)
    if plan is not None:
        others = others.exclude(pk=plan.pk)
    if others.exists():
        raise ValidationError({"year": f"Det finns redan en internkontrollplan för {year}."})
    plan = plan or ControlPlan(association=association)
    plan.year, plan.adopted_at, plan.reported_at, plan.note = year, adopted_at, reported_at, note or ""
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError:  # another user created the year in between
        raise ValidationError({"year": f"Det finns redan en internkontrollplan för {year}."}) from None
    return plan


def _check_assessment(association, probability, consequence, fields=("probability", "consequence")):
    size = settings_for(association).matrix_size
    found = rules.problems(rules.Assessment(probability, consequence, size))
    if found:
        raise ValidationError({fields[0] if key == "probability" else fields[1]: message
                               for key, message in found.items()})


def save_risk(plan, *, title, probability, consequence, process="", action_plan="", control_method="",
              frequency=Risk.Frequency.YEARLY, responsible=None, risk=None):
    association = plan.association
    errors = {}
    if not (title or "").strip():
        errors["title"] = "Beskriv vad som kan gå fel."
    if frequency not in Risk.Frequency.values:
        errors["frequency"] = "Välj hur ofta kontrollen görs."
    if responsible is not None and responsible.association_id != association.pk:
        errors["responsible"] = "Den ansvariga personen hör inte till förbundet."
    try:
        _check_assessment(association, probability, consequence)
    except ValidationError as error:
        errors.update(error.message_dict)
    if risk is not None and risk.plan_id != plan.pk:
        errors["title"] = "Risken hör inte till planen."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if risk is None:
            risk = Risk(association=association, plan=plan,
                        position=(plan.risks.aggregate(m=Max("position"))["m"] or 0) + 1)
        risk.title, risk.process, risk.probability, risk.consequence = title.strip(), process, probability, consequence
        risk.action_plan, risk.control_method, risk.frequency, risk.responsible = (
            action_plan, control_method, frequency, responsible)
        risk.save()
    return risk


def delete_risk(risk):
    with transaction.atomic():
        risk.delete()


def add_follow_up(risk, *, date, assessment, status, new_probability=None, new_consequence=None):
    """Record a follow-up; a new probability and consequence come together or not at all."""
    association = risk.association
    errors = {}
    if date is None:
        errors["date"] = "Ange datum för uppföljningen."
    elif not risk.plan.year - 1 <= date.year <= risk.plan.year + 1:
        errors["date"] = f"Uppföljningen av planen för {risk.plan.year} ska ha ett datum mellan {risk.plan.year - 1} och {risk.plan.year + 1}."
    if not (assessment or "").strip():
        errors["assessment"] = "Skriv en bedömning."
    if status not in FollowUp.Status.values:
        errors["status"] = "Välj en status: genomförd, pågår, ej påbörjad eller avvikelse."
    if (new_probability is None) != (new_consequence is None):
        missing = "new_consequence" if new_consequence is None else "new_probability"
        errors[missing] = "Ange både ny sannolikhet och ny konsekvens, eller ingen av dem."
    elif new_probability is not None:
        try:
            _check_assessment(association, new_probability, new_consequence, ("new_probability", "new_consequence"))
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        return FollowUp.objects.create(association=association, risk=risk, date=date, assessment=assessment.strip(),
                                       status=status, new_probability=new_probability, new_consequence=new_consequence)


def copy_plan(plan, *, year=None):
    """Next year's plan from this one: the same risks, starting from their latest assessment, without follow-ups."""
    year = plan.year + 1 if year is None else year
    with transaction.atomic():
        new = save_plan(plan.association, year=year, note="")
        for risk in plan.risks.select_related("responsible").prefetch_related("follow_ups"):
            probability, consequence = current_assessment(risk)
            Risk.objects.create(association=plan.association, plan=new, position=risk.position, title=risk.title,
                                process=risk.process, probability=probability, consequence=consequence,
                                action_plan=risk.action_plan, control_method=risk.control_method,
                                frequency=risk.frequency, responsible=risk.responsible)
    return new


PURPOSES = {
    "adoption": (AgendaItem.Kind.DECISION, "Internkontrollplan {year}",
                 "att anta internkontrollplanen för {year}"),
    "follow_up": (AgendaItem.Kind.INFORMATION, "Uppföljning av internkontrollplan {year}", ""),
}


def add_to_agenda(plan, meeting, purpose, *, today=None):
    """Put the plan (for adoption, a decision) or its follow-up (information) on a coming meeting's agenda."""
    today = today or date.today()
    if purpose not in PURPOSES:
        raise ValidationError({"purpose": "Välj om planen ska antas eller om uppföljningen ska redovisas."})
    if not isinstance(meeting, Meeting) or meeting.body.association_id != plan.association_id:
        raise ValidationError({"meeting": "Sammanträdet hör inte till förbundet."})
    if meeting.date < today or meeting.frozen:
        raise ValidationError({"meeting": "Välj ett kommande sammanträde vars protokoll inte är justerat."})
    kind, title, proposal = PURPOSES[purpose]
    title = title.format(year=plan.year)
    if meeting.agenda_items.filter(title=title).exists():
        raise ValidationError({"meeting": f"”{title}” står redan på föredragningslistan för det sammanträdet."})
    return board_services.add_agenda_item(meeting, title=title, kind=kind, proposal=proposal.format(year=plan.year))

