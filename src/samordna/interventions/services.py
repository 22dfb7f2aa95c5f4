"""Writes for interventions, contracts, goals, budgets and monthly count reports: one transaction each, Swedish errors."""
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from samordna.accounts.audit import record_created
from samordna.accounts.models import EDITOR_ROLES, AssociationRole
from samordna.associations.models import Member
from samordna.rules import followup

from .models import (
    BudgetLine, ExitReason, FollowUpSettings, GoalOutcome, GroupStart, Orientation, PeriodLock, Referral, Report, ReportCount, ReportExit,
    ReporterAssignment,
)


def ensure_defaults(association):
    """The national default orientations and the common exit reasons, for an association that has none yet."""
    if not Orientation.objects.filter(association=association).exists():
        for kind, names in followup.DEFAULT_ORIENTATIONS.items():
            for position, name in enumerate(names, 1):
                Orientation.objects.create(association=association, kind=kind, name=name, position=position)
    if not ExitReason.objects.filter(association=association).exists():
        for position, (name, positive) in enumerate(followup.DEFAULT_EXIT_REASONS, 1):
            ExitReason.objects.create(association=association, name=name, positive=positive, position=position)


# What the national follow-up (Uppföljning Finsam) locks once participants are reported: the figures already reported
# were counted under these, so changing them would silently re-classify history.
LOCKED_FIELDS = {"kind": "Inriktning", "orientation": "Preciserad inriktning", "follow_up_method": "Uppföljningsmetod",
                 "esf_funded": "ESF-finansierad"}
LOCK_REASON = ("kan inte ändras efter att den första månadsrapporten har lämnats (som i den nationella uppföljningen). "
               "Registrera en ny insats om insatsen ska klassas om.")


def is_locked(intervention):
    """True when a count report exists, so LOCKED_FIELDS can no longer change."""
    return bool(intervention.pk) and Report.objects.filter(intervention_id=intervention.pk).exists()


def _locked_changes(intervention):
    if not is_locked(intervention):
        return {}
    stored = type(intervention).objects.filter(pk=intervention.pk).values(
        "kind", "orientation_id", "follow_up_method", "esf_funded").get()
    return {name: f"{label}: {LOCK_REASON}" for name, label in LOCKED_FIELDS.items()
            if getattr(intervention, "orientation_id" if name == "orientation" else name)
            != stored["orientation_id" if name == "orientation" else name]}


def save_intervention(intervention, *, owners, municipalities):
    """Create or update an intervention with its owner Members and the municipalities it serves."""
    association = intervention.association
    errors = _locked_changes(intervention)
    if errors:
        raise ValidationError(errors)
    orientation = intervention.orientation if intervention.orientation_id else None
    if orientation is None or orientation.association_id != association.pk:
        errors["orientation"] = "Preciserad inriktning: välj en inriktning ur förbundets lista."
    elif orientation.kind != intervention.kind:
        errors["orientation"] = (f"Preciserad inriktning: ”{orientation.name}” hör till "
                                 f"{orientation.get_kind_display().lower()} insatser, inte till "
                                 f"{intervention.get_kind_display().lower()}.")
    owners, municipalities = list(owners), list(municipalities)
    if not owners:
        errors["owners"] = "Insatsägare: välj minst en förbundsmedlem."
    elif any(m.association_id != association.pk for m in owners):
        errors["owners"] = "Insatsägare: välj bland förbundets egna medlemmar."
    if any(m.association_id != association.pk or m.kind != Member.Kind.MUNICIPALITY for m in municipalities):
        errors["municipalities"] = "Kommuner som omfattas: välj bland förbundets medlemskommuner."
    if intervention.end and intervention.start and intervention.end < intervention.start:
        errors["end"] = "Slutdatum: kan inte ligga före startdatum."
    if intervention.group_based and not intervention.places_per_group:
        errors["places_per_group"] = "Platser per grupp: ange hur många platser varje grupp har."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        intervention.full_clean(exclude=["orientation"])
        intervention.save()
        intervention.owners.set(owners)
        intervention.municipalities.set(municipalities)
    return intervention


def save_contract(contract):
    association = contract.intervention.association
    errors = {}
    if contract.start and contract.end and contract.end < contract.start:
        errors["end"] = "Avtalet gäller till: kan inte ligga före avtalets början."
    if contract.extended_until and contract.end and contract.extended_until <= contract.end:
        errors["extended_until"] = "Förlängt till: ska ligga efter avtalets ursprungliga slutdatum."
    paragraph = contract.decision_paragraph
    if paragraph is not None and paragraph.meeting.body.association_id != association.pk:
        errors["decision_paragraph"] = "Beslutsparagraf: välj en paragraf ur förbundets egna protokoll."
    if errors:
        raise ValidationError(errors)
    if paragraph is not None or contract.extended_until:
        contract.decided = True
    with transaction.atomic():
        contract.full_clean()
        contract.save()
    return contract


def save_goal(goal):
    if goal.unit.strip() == "%" and not 0 <= goal.target <= 100:
        raise ValidationError({"target": "Målvärde: en andel i procent ligger mellan 0 och 100."})
    with transaction.atomic():
        goal.full_clean()
        goal.save()
    return goal


def save_budget_line(line):
    municipality = line.municipality
    if municipality is not None and (municipality.association_id != line.intervention.association_id
                                     or municipality.kind != Member.Kind.MUNICIPALITY):
        raise ValidationError({"municipality": "Kommun: välj en av förbundets medlemskommuner."})
    if BudgetLine.objects.filter(intervention=line.intervention, year=line.year, municipality=municipality).exclude(pk=line.pk).exists():
        where = municipality.name if municipality else "hela insatsen"
        raise ValidationError({"year": f"År: det finns redan en budgetrad för {line.year} och {where}. Ändra den i stället."})
    with transaction.atomic():
        line.full_clean(validate_unique=False, validate_constraints=False)
        line.save()
    return line


def add_group_start(intervention, day, places=None):
    if GroupStart.objects.filter(intervention=intervention, date=day).exists():
        raise ValidationError({"date": f"Gruppstart: {day:%Y-%m-%d} finns redan."})
    with transaction.atomic():
        return GroupStart.objects.create(intervention=intervention, date=day, places=places or intervention.places_per_group)


def assign_reporter(intervention, user):
    if not AssociationRole.objects.filter(user=user, association=intervention.association, role=AssociationRole.Role.REPORTER).exists():
        raise ValidationError({"user": "Rapportör: användaren har inte rollen rapportör i förbundet."})
    with transaction.atomic():
        assignment, _ = ReporterAssignment.objects.get_or_create(intervention=intervention, user=user)
    return assignment


def save_orientation(orientation):
    if Orientation.objects.filter(association=orientation.association, kind=orientation.kind,
                                  name__iexact=orientation.name).exclude(pk=orientation.pk).exists():
        raise ValidationError({"name": f"Namn: ”{orientation.name}” finns redan i listan."})
    with transaction.atomic():
        orientation.full_clean(validate_constraints=False)
        orientation.save()
    return orientation


def save_exit_reason(reason):
    if ExitReason.objects.filter(association=reason.association, name__iexact=reason.name).exclude(pk=reason.pk).exists():
        raise ValidationError({"name": f"Namn: ”{reason.name}” finns redan i listan."})
    with transaction.atomic():
        reason.full_clean(validate_constraints=False)
        reason.save()
    return reason


def set_period_lock(association, month, locked):
    month = month.replace(day=1)
    with transaction.atomic():
        if locked:
            PeriodLock.objects.get_or_create(association=association, month=month)
        else:
            PeriodLock.objects.filter(association=association, month=month).delete()


def set_threshold(association, threshold):
    from samordna.rules.privacy import check_threshold

    try:
        check_threshold(threshold)
    except ValueError as error:
        raise ValidationError({"threshold": f"Gräns för små tal: {error}"})
    with transaction.atomic():
        FollowUpSettings.objects.update_or_create(association=association, defaults={"threshold": threshold})


def can_report(user, intervention):
    """Association editors report for every intervention; a reporter only for those assigned to them."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    roles = set(AssociationRole.objects.filter(user=user, association=intervention.association).values_list("role", flat=True))
    if roles & EDITOR_ROLES:
        return True
    return AssociationRole.Role.REPORTER in roles and ReporterAssignment.objects.filter(intervention=intervention, user=user).exists()


def previous_end(intervention, month):
    before = date(month.year - 1, 12, 1) if month.month == 1 else date(month.year, month.month - 1, 1)
    return Report.objects.filter(intervention=intervention, month=before).values_list("participants_end", flat=True).first()


TEXT_FIELDS = (("comment", "Kommentar"), ("correction_note", "Förklaring till korrigering"))


def _personal_data_problems(values):
    from samordna.rules.privacy import find_identity_numbers, looks_like_name_list

    errors = {}
    for name, label in TEXT_FIELDS:
        text = values.get(name) or ""
        if find_identity_numbers(text):
            errors[name] = (f"{label}: texten innehåller något som liknar ett person- eller samordningsnummer. "
                            "Uppföljningen får inte innehålla personuppgifter – ta bort numret.")
        elif looks_like_name_list(text):
            errors[name] = (f"{label}: texten ser ut som en lista med namn. Uppföljningen får inte innehålla "
                            "personuppgifter – skriv utan namn.")
    return errors


def _count(values, name):
    value = values.get(name)
    return 0 if value in (None, "") else int(value)


def figures_from(values, intervention):
    """The rules' view of a flat mapping of form field names to numbers (missing cells count as 0)."""
    breakdowns = {
        measure: {dim: {key: _count(values, followup.breakdown_field(measure, dim, key)) for key, _ in cats}
                  for dim, _, cats in followup.DIMENSIONS}
        for measure, _ in followup.MEASURES
    }
    reasons = ExitReason.objects.filter(association=intervention.association)
    goals = intervention.goals.all()
    members = Member.objects.filter(association=intervention.association)
    median = values.get("median_wait_days")
    figures = followup.ReportFigures(
        participants_end=_count(values, "participants_end"), started=_count(values, "started"), ended=_count(values, "ended"),
        breakdowns=breakdowns, exits={str(r.pk): _count(values, f"exit__{r.pk}") for r in reasons},
        queue_end=_count(values, "queue_end"), median_wait_days=None if median in (None, "") else int(median),
        goals={str(g.pk): (_count(values, f"goal__{g.pk}__reached"), _count(values, f"goal__{g.pk}__asked")) for g in goals},
        referrals={str(m.pk): _count(values, f"referral__{m.pk}") for m in members},
        correction_note=values.get("correction_note") or "",
    )
    labels = {f"exit__{r.pk}": r.name for r in reasons}
    labels |= {f"goal__{g.pk}": f"Mål ”{g.indicator}”" for g in goals}
    labels |= {f"referral__{m.pk}": m.name for m in members}
    return figures, labels


def save_report(intervention, month, values, *, user, today):
    """Validate and store one month's counts; everything is refused (nothing saved) if any check fails."""
    if not can_report(user, intervention):
        raise ValidationError({"__all__": f"Du får inte rapportera för {intervention.name}: du är inte rapportör för "
                                          "den insatsen."})
    return import_report(intervention, month, values, saved_by=user, today=today)


def import_report(intervention, month, values, *, saved_by, today):
    """The checks and the write without the role check: for trusted imports (the demo) and for save_report."""
    month = month.replace(day=1)
    association = intervention.association
    if PeriodLock.objects.filter(association=association, month=month).exists():
        raise ValidationError({"__all__": f"Månad: perioden {followup.MONTH_NAMES[month.month - 1]} {month.year} är låst "
                                          "och kan inte ändras. Kontakta förbundets kansli."})
    if month > today.replace(day=1):
        raise ValidationError({"__all__": "Månad: det går inte att rapportera för en månad som inte har börjat."})
    figures, labels = figures_from(values, intervention)
    errors = {}
    for problem in followup.check_report(figures, previous_end(intervention, month), labels=labels):
        errors.setdefault(problem.field, problem.message)
    errors.update(_personal_data_problems(values))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        report, _ = Report.objects.update_or_create(intervention=intervention, month=month, defaults=dict(
            participants_end=figures.participants_end, started=figures.started, ended=figures.ended,
            queue_end=figures.queue_end, median_wait_days=figures.median_wait_days,
            correction_note=figures.correction_note.strip(), comment=(values.get("comment") or "").strip(),
            saved_by=saved_by, saved_on=today))
        report.counts.all().delete()
        report.exits.all().delete()
        report.goal_outcomes.all().delete()
        report.referrals.all().delete()
        # Bulk writes send no signals: each row is logged through record_created.
        record_created(ReportCount.objects.bulk_create(
            ReportCount(report=report, measure=measure, dimension=dim, category=key, count=count)
            for measure, per_dim in figures.breakdowns.items() for dim, cells in per_dim.items()
            for key, count in cells.items() if count))
        record_created(ReportExit.objects.bulk_create(
            ReportExit(report=report, exit_reason_id=int(k), count=c) for k, c in figures.exits.items() if c))
        record_created(GoalOutcome.objects.bulk_create(GoalOutcome(report=report, goal_id=int(k), reached=r, asked=a)
                                                       for k, (r, a) in figures.goals.items() if r or a))
        record_created(Referral.objects.bulk_create(
            Referral(report=report, member_id=int(k), count=c) for k, c in figures.referrals.items() if c))
    return report
