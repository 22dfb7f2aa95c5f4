"""Writes for the economy: each in one transaction, bad input raising ValidationError with Swedish messages."""
from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from samordna.accounts.audit import record_created
from samordna.associations.models import Member
from samordna.associations.services import set_population

from . import imports
from .models import Actual, Budget, BudgetLine, EconomySettings, Fee, FinancingPlan, Withdrawal
from .selectors import settings_for

# Result accounts in the Swedish chart (BAS): 3xxx income through 8xxx financial items; 89xx closes the year.
RESULT_ACCOUNTS = range(3000, 8900)


def _report(errors, what):
    """One ValidationError listing every bad line, in file order."""
    lines = [f"Rad {n}: {reason}" if n else reason for n, reason in errors]
    return ValidationError([f"{what} Inget har sparats."] + lines)


def save_settings(settings: EconomySettings):
    with transaction.atomic():
        settings.full_clean()
        if settings.notice_years > 3:
            raise ValidationError({"notice_years": "Uppsägningstiden får vara högst tre år (lagens tid)."})
        settings.save()
    return settings


def save_plan(plan: FinancingPlan):
    with transaction.atomic():
        if FinancingPlan.objects.filter(association=plan.association, year=plan.year).exclude(pk=plan.pk).exists():
            raise ValidationError({"year": f"Det finns redan en finansieringsplan för {plan.year}."})
        plan.full_clean()
        unit = plan.unit or settings_for(plan.association).unit
        total = plan.total
        if total % unit:
            raise ValidationError({"state_allocation" if plan.state_allocation is not None else "requested_total":
                                   f"Beloppet {total} tkr kan inte delas upp i hela enheter om {unit} tkr."})
        plan.save()
    return plan


def import_population(association, data: bytes):
    """All rows or none; a row whose municipality code is not a Member's is an error."""
    rows, errors = imports.read_population(data)
    members = {m.municipality_code: m for m in Member.objects.filter(association=association).exclude(municipality_code="")}
    seen = {}
    for row in rows:
        if row.code not in members:
            errors.append((row.line, f"kommunkoden {row.code} ({row.name}) hör inte till någon av förbundets medlemmar."))
        elif (row.code, row.date) in seen:
            errors.append((row.line, f"{row.name} {row.date.isoformat()} finns redan på rad {seen[row.code, row.date]}."))
        else:
            seen[row.code, row.date] = row.line
    if errors:
        raise _report(sorted(errors), "Folkmängden kunde inte läsas in.")
    with transaction.atomic():
        for row in rows:
            set_population(members[row.code], row.date, row.population)
    return len(rows)


def save_population(member, day, population):
    if member.kind != Member.Kind.MUNICIPALITY:
        raise ValidationError({"member": "Folkmängd anges bara för kommuner."})
    if population is None or population < 0:
        raise ValidationError({"population": "Folkmängden måste vara ett heltal, noll eller större."})
    with transaction.atomic():
        return set_population(member, day, population)


def ensure_budget(association, year, **fields):
    budget, _ = Budget.objects.get_or_create(association=association, year=year, defaults=fields)
    return budget


def save_budget(budget: Budget):
    with transaction.atomic():
        budget.full_clean(validate_unique=False)
        budget.save()
    return budget


def _intervention_error(line: BudgetLine):
    """A line may point at an intervention of the association that runs during some part of the budget year."""
    intervention = line.intervention
    if intervention is None:
        return None
    if intervention.association_id != line.association_id:
        return "Insatsen hör inte till förbundet."
    if line.section not in (BudgetLine.Section.INDIVIDUAL, BudgetLine.Section.STRUCTURAL):
        return "Bara rader för individinriktade eller strukturövergripande insatser kan kopplas till en insats."
    year = line.budget.year
    if intervention.end is not None and intervention.end < date(year, 1, 1):
        return (f"Insatsen ”{intervention.name}” avslutades {intervention.end.isoformat()}; "
                f"den kan inte få pengar i budgeten för {year}.")
    if intervention.start > date(year, 12, 31):
        return f"Insatsen ”{intervention.name}” börjar först {intervention.start.isoformat()}, efter budgetåret {year}."
    return None


def save_line(line: BudgetLine):
    errors = {}
    if line.member_id and line.member.association_id != line.association_id:
        errors["member"] = "Kommunen hör inte till förbundet."
    elif line.member_id and line.member.kind != Member.Kind.MUNICIPALITY:
        errors["member"] = "Välj en kommun (eller lämna tomt)."
    intervention_error = _intervention_error(line)
    if intervention_error:
        errors["intervention"] = intervention_error
    if line.section != BudgetLine.Section.OVERHEAD and line.category:
        errors["category"] = "Kostnadsslag anges bara för styrning, ledning och administration."
    if line.section == BudgetLine.Section.OVERHEAD and not line.category:
        errors["category"] = "Välj kostnadsslag för en rad under styrning, ledning och administration."
    try:
        ranges = imports.parse_accounts(line.accounts)
    except ValueError as error:
        errors["accounts"] = str(error)
    else:
        for other in line.budget.lines.exclude(pk=line.pk):
            theirs = imports.parse_accounts(other.accounts)
            if any(lo <= h2 and l2 <= hi for lo, hi in ranges for l2, h2 in theirs):
                errors["accounts"] = f"Kontona överlappar raden ”{other.label}”; ett konto kan bara höra till en rad."
                break
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        line.full_clean()
        line.save()
    return line


def _line_for(budget):
    table = [(lo, hi, line) for line in budget.lines.all() for lo, hi in imports.parse_accounts(line.accounts)]

    def find(account):
        number = int(account)
        return next((line for lo, hi, line in table if lo <= number <= hi), None)
    return find


def import_actuals(budget: Budget, data: bytes, filename=""):
    """Booked amounts (CSV or SIE 4) into actuals per line and month; replaces the months the file covers."""
    sie_file = imports.looks_like_sie(data) or filename.lower().endswith((".se", ".si", ".sie"))
    bookings, errors = (imports.read_bookings_sie if sie_file else imports.read_bookings_csv)(data)
    find = _line_for(budget)
    sums = defaultdict(Decimal)
    months = set()
    for b in bookings:
        if b.date.year != budget.year:
            errors.append((b.line, f"datumet {b.date.isoformat()} ligger utanför budgetåret {budget.year}."))
            continue
        if int(b.account) not in RESULT_ACCOUNTS:
            continue  # balance accounts and the year-end closing do not belong to a budget line
        line = find(b.account)
        if line is None:
            errors.append((b.line, f"konto {b.account} hör inte till någon budgetrad; ange kontot på en rad först."))
            continue
        months.add(b.date.month)
        # Income is booked as credit (negative); the budget shows it positive.
        sums[line.pk, b.date.month] += (-b.amount if line.is_income else b.amount) / 1000
    if errors:
        raise _report(sorted(errors), "Filen kunde inte läsas in.")
    source = f"{'SIE' if sie_file else 'CSV'} {filename}".strip()
    with transaction.atomic():
        Actual.objects.filter(line__budget=budget, month__in=months).delete()
        record_created(Actual.objects.bulk_create(  # bulk writes send no signals: log each outcome row
            Actual(association=budget.association, line_id=line_id, month=month, amount=amount, source=source)
            for (line_id, month), amount in sums.items()))
    return sorted(months)


def save_fee(fee: Fee):
    errors = {}
    rated = fee.per_mille is not None or fee.base is not None
    if rated and (fee.per_mille is None or fee.base is None):
        errors["base" if fee.base is None else "per_mille"] = "Ange både underlag och promillesats."
    if rated and fee.fixed_amount is not None:
        errors["fixed_amount"] = "Ange antingen ett fast belopp eller underlag och promille, inte båda."
    if not rated and fee.fixed_amount is None:
        errors["fixed_amount"] = "Ange ett fast belopp eller underlag och promillesats."
    for name in ("base", "per_mille", "fixed_amount"):
        if getattr(fee, name) is not None and getattr(fee, name) < 0 and name not in errors:
            errors[name] = "Beloppet får inte vara negativt."
    if fee.member_id and fee.member.association_id != fee.association_id:
        errors["member"] = "Medlemmen hör inte till förbundet."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        fee.full_clean()
        fee.save()
    return fee


def withdrawal_warnings(withdrawal: Withdrawal):
    """A Member leaving that takes the last region or municipality with it forces liquidation (FinsamL 15 §)."""
    leaving = {w.member_id for w in Withdrawal.objects.filter(association=withdrawal.association, revoked_on=None)}
    leaving.add(withdrawal.member_id)
    staying = Member.objects.filter(association=withdrawal.association).exclude(pk__in=leaving)
    warnings = []
    for kind, what in ((Member.Kind.REGION, "ingen region"), (Member.Kind.MUNICIPALITY, "ingen kommun")):
        if not staying.filter(kind=kind).exists():
            warnings.append(f"Efter utträdet finns {what} kvar i förbundet. Förbundet ska då träda i likvidation "
                            "när uppsägningstiden gått ut (FinsamL 15 §).")
    return warnings


def register_withdrawal(withdrawal: Withdrawal):
    """Only a municipality or a region can leave (R4.1); returns warnings about liquidation."""
    member = withdrawal.member
    if member.association_id != withdrawal.association_id:
        raise ValidationError({"member": "Medlemmen hör inte till förbundet."})
    if member.kind in (Member.Kind.SOCIAL_INSURANCE, Member.Kind.EMPLOYMENT_SERVICE):
        raise ValidationError({"member": f"{member.name} kan inte säga upp sig: Försäkringskassan och "
                                         "Arbetsförmedlingen är skyldiga att delta i finansiell samordning."})
    if not 2004 <= withdrawal.notice_date.year <= date.today().year + 1:
        raise ValidationError({"notice_date": f"Datumet {withdrawal.notice_date.isoformat()} är inte rimligt för en "
                                              "uppsägning (Finsam finns sedan 2004)."})
    if withdrawal.received_on and withdrawal.received_on < withdrawal.notice_date:
        raise ValidationError({"received_on": "Uppsägningen kan inte ha kommit in före den gjordes."})
    if Withdrawal.objects.filter(member=member, revoked_on=None).exclude(pk=withdrawal.pk).exists():
        raise ValidationError({"member": f"{member.name} har redan en uppsägning som inte är återkallad."})
    warnings = withdrawal_warnings(withdrawal)
    with transaction.atomic():
        withdrawal.full_clean()
        withdrawal.save()
    return warnings


def revoke_withdrawal(withdrawal: Withdrawal, revoked_on: date, decision: str):
    effective = withdrawal.effective(settings_for(withdrawal.association))
    errors = {}
    if revoked_on < withdrawal.notice_date:
        errors["revoked_on"] = "Återkallelsen kan inte göras före uppsägningen."
    elif revoked_on > effective:
        errors["revoked_on"] = f"Uppsägningen har redan trätt i kraft ({effective.isoformat()}) och kan inte återkallas."
    if not decision.strip():
        errors["revocation_decision"] = "Ange beslutet om återkallelse."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        withdrawal.revoked_on, withdrawal.revocation_decision = revoked_on, decision.strip()
        withdrawal.save(update_fields=["revoked_on", "revocation_decision"])
    return withdrawal
