"""The business plan (verksamhetsplan) as a document, in the outline of Sjuhärad's plan for 2024:

1 grundläggande förutsättningar, 2 verksamhetsstruktur, 3 mål (with indicators) and delmål, 4 prioriterade insatser
(per intervention: what it offers, capacity, participants and förbundsmedel per municipality), 5 styrning, ledning
och administration (with the overhead lines of the budget), 6 ekonomisk sammanställning and the financing plan for
the year and the two following.

The text sections are the office's own words (BusinessPlan.texts); everything else is read from the budget, the
financing plans and the interventions, so the plan says what the data says until it is adopted and frozen.
"""
from datetime import date
from decimal import Decimal

from samordna.interventions.models import BudgetLine as InterventionBudget
from samordna.interventions.models import Intervention

from . import document as d
from . import reports, selectors
from .models import Budget, BudgetLine, BusinessPlan, PlanGoal

ZERO = Decimal(0)
KINDS = (("individual", BudgetLine.Section.INDIVIDUAL), ("structural", BudgetLine.Section.STRUCTURAL))


def _text(plan, key):
    return (plan.texts or {}).get(key, "").strip()


def _amount(value):
    return reports.amount(value)


def running(association, year):
    """Interventions that run during some part of the year."""
    return [i for i in Intervention.objects.filter(association=association).order_by("name")
            if i.start <= date(year, 12, 31) and (i.end is None or i.end >= date(year, 1, 1))]


def intervention_rows(intervention, year, economy_lines):
    """(municipality, participants, tkr) rows: the intervention's own budget for the year per municipality, or else
    the economy budget's lines linked to it."""
    own = [b for b in InterventionBudget.objects.filter(intervention=intervention, year=year).select_related("municipality")]
    if own:
        return [(b.municipality.name if b.municipality else "Hela förbundet", b.planned_participants,
                 Decimal(b.amount) / 1000) for b in own]
    return [(ln.member.name if ln.member else ln.label, ln.participants, ln.amount) for ln in economy_lines
            if ln.intervention_id == intervention.pk]


def _intervention_blocks(intervention, year, economy_lines):
    blocks = [d.heading(intervention.name, 3)]
    facts = [f"Inriktning: {intervention.orientation.name.lower()}" if intervention.orientation_id else "",
             f"utförare: {intervention.provider}" if intervention.provider else "",
             f"platser samtidigt: {intervention.capacity_at_once}" if intervention.capacity_at_once else "",
             f"deltagare per år: {intervention.capacity_per_year}" if intervention.capacity_per_year else ""]
    if intervention.description:
        blocks.append(d.text(intervention.description))
    if intervention.target_group:
        blocks.append(d.text(f"Målgrupp: {intervention.target_group}"))
    facts = [f for f in facts if f]
    if facts:
        blocks.append(d.text("; ".join(facts) + "."))
    rows = intervention_rows(intervention, year, economy_lines)
    if rows:
        table_rows = [[name, "" if people is None else str(people), _amount(tkr)] for name, people, tkr in rows]
        people = [p for _, p, _ in rows if p is not None]
        table_rows.append((["Summering", str(sum(people)) if people else "", _amount(sum((t for _, _, t in rows), ZERO))],
                           "total"))
        blocks.append(d.table(f"{intervention.name} {year}", ["Kommun", "Antal deltagare", "Förbundsmedel, tkr"],
                              table_rows, numeric=(1, 2)))
    else:
        blocks.append(d.text(f"Ingen budget för {year} är registrerad för insatsen."))
    return blocks


def _goal_blocks(plan):
    goals = list(plan.goals.all())
    blocks = [d.heading("3. Mål, uppföljning av måluppfyllelse och delmål", 1)]
    if not goals:
        return blocks + [d.text("Inga mål är angivna ännu.")]
    for level, title in PlanGoal.Level.choices:
        chosen = [g for g in goals if g.level == level]
        if not chosen:
            continue
        blocks.append(d.heading(f"{title}:" if level == PlanGoal.Level.GOAL else "Delmål:", 2))
        for goal in chosen:
            items = [f"Indikator: {i}" for i in goal.indicator_list]
            blocks.append(d.text(goal.text))
            if items:
                blocks.append(d.bullets(items))
    return blocks


def _economy_blocks(plan, budget):
    year = plan.year
    blocks = [d.heading("6. Ekonomisk sammanställning", 1)]
    if budget is None:
        blocks.append(d.text(f"Budgeten för {year} är inte upprättad ännu."))
    else:
        sections = selectors.budget_sections(budget)
        rows = []
        for section in sections:
            if section.key in (BudgetLine.Section.INDIVIDUAL, BudgetLine.Section.STRUCTURAL):
                rows += [[ln.label, _amount(ln.amount)] for ln in section.lines]
            elif section.key == BudgetLine.Section.OVERHEAD and section.lines:
                rows.append(["Styrning, ledning och administration", _amount(section.totals["amount"])])
        summary = selectors.summarise(budget, sections, "amount")
        rows.append((["Summa kostnader", _amount(summary.costs)], "total"))
        if summary.income is not None:
            rows.append(["Summa intäkter", _amount(summary.income)])
            rows.append((["Resultat", _amount(summary.result)], "total"))
        if budget.opening_equity is not None:
            rows.append(["Eget kapital vid årets början", _amount(budget.opening_equity)])
            rows.append((["Eget kapital vid årets slut", _amount(summary.closing_equity)], "total"))
        blocks.append(d.table(f"Prioriterade insatser och administration {year}", ["Post", "Förbundsmedel, tkr"], rows,
                              numeric=(1,)))
        minimum = selectors.settings_for(plan.association).minimum_equity
        if minimum is not None and summary.closing_equity is not None and summary.closing_equity < minimum:
            blocks.append(d.text(f"Det egna kapitalet beräknas bli {_amount(summary.closing_equity)} tkr vid årets slut, "
                                 f"under förbundets mål om minst {_amount(minimum)} tkr."))
    if _text(plan, "economy"):
        blocks.append(d.text(_text(plan, "economy")))
    results = [r for r in selectors.plans_ahead(plan.association, year) if not r.errors]
    blocks.append(d.heading("Finansieringsplan", 2))
    if results and results[0].plan.year == year:
        blocks += reports.plan_blocks(results)
    else:
        blocks.append(d.text(f"Finansieringsplanen för {year} är inte fullständig ännu."))
    return blocks


def build(plan: BusinessPlan) -> dict:
    """The whole plan as a document (dict); the adoption line is added by the service when the plan is adopted."""
    association, year = plan.association, plan.year
    budget = Budget.objects.filter(association=association, year=year).first()
    economy_lines = list(budget.lines.select_related("member")) if budget else []
    blocks = [d.heading("1. Grundläggande förutsättningar", 1)]
    for key, title in (("introduction", ""), ("vision", "Vision"), ("foundations", ""), ("focus", "Fokusområden")):
        value = _text(plan, key)
        if not value:
            continue
        if title:
            blocks.append(d.heading(title, 2))
        if key == "focus":
            blocks.append(d.bullets(line.strip(" -•") for line in value.splitlines() if line.strip(" -•")))
        else:
            blocks.append(d.text(value))
    blocks.append(d.heading("2. Verksamhetsstruktur", 1))
    blocks.append(d.text(_text(plan, "structure") or "Insatserna följs upp enligt de nationellt överenskomna ramarna."))
    blocks += _goal_blocks(plan)
    blocks.append(d.heading(f"4. Prioriterade insatser {year}", 1))
    interventions = running(association, year)
    for number, (key, section) in enumerate(KINDS, 1):
        title = "Individinriktade insatser" if key == "individual" else "Strukturövergripande insatser"
        blocks.append(d.heading(f"4.{number} {title}", 2))
        if _text(plan, key):
            blocks.append(d.text(_text(plan, key)))
        chosen = [i for i in interventions if i.kind == key]
        for intervention in chosen:
            blocks += _intervention_blocks(intervention, year, economy_lines)
        loose = [ln for ln in economy_lines if ln.section == section and ln.intervention_id is None]
        if loose:
            rows = [[ln.label, "" if ln.participants is None else str(ln.participants), _amount(ln.amount)] for ln in loose]
            rows.append((["Summering", "", _amount(sum((ln.amount for ln in loose), ZERO))], "total"))
            blocks.append(d.table(f"Övriga budgetrader, {title.lower()} {year}",
                                  ["Insats", "Antal deltagare", "Förbundsmedel, tkr"], rows, numeric=(1, 2)))
        if not chosen and not loose:
            blocks.append(d.text(f"Inga {title.lower()} är planerade för {year}."))
    blocks.append(d.heading("5. Styrning, ledning och administration", 1))
    if _text(plan, "governance"):
        blocks.append(d.text(_text(plan, "governance")))
    overhead = [ln for ln in economy_lines if ln.section == BudgetLine.Section.OVERHEAD]
    if overhead:
        rows = [[ln.label, _amount(ln.amount)] for ln in overhead]
        rows.append((["Summa tkr", _amount(sum((ln.amount for ln in overhead), ZERO))], "total"))
        blocks.append(d.table(f"Styrning, ledning och administration {year}", ["Kostnad", "Tkr"], rows, numeric=(1,)))
    blocks += _economy_blocks(plan, budget)
    if _text(plan, "follow_up"):
        blocks.append(d.heading("Uppföljning", 2))
        blocks.append(d.text(_text(plan, "follow_up")))
    subtitle = f"Med budget {year} och finansieringsplan {year}–{year + 2}."
    return d.document(association.name, f"Verksamhetsplan {year}", blocks, subtitle=subtitle)


def current(plan: BusinessPlan) -> dict:
    """What the plan says now: the frozen copy once adopted, else freshly generated."""
    return plan.content if plan.adopted and plan.content else build(plan)


def hash_line(plan: BusinessPlan) -> str:
    return f"Innehållets SHA-256: {plan.content_hash}" if plan.content_hash else "Utkast – inte antagen"
