"""The annual report's key figures for one year: income, costs, result and equity (budget, booked so far and
forecast), and the number of participants in the year from the interventions' follow-up.

Participants are "served" in the year's follow-up (at the start of the year plus those who started). Outside the
staff view the total is only shown when no intervention's own figure is hidden, since the total minus the shown
figures would otherwise give a hidden one away.
"""
from dataclasses import dataclass, field
from decimal import Decimal

from samordna.interventions import selectors as follow_up
from samordna.rules.followup import make_period
from samordna.rules.privacy import display

from . import charts, selectors
from .models import Budget


@dataclass
class Row:
    label: str
    budget: Decimal | None
    outcome: Decimal | None
    forecast: Decimal | None
    strong: bool = False


@dataclass
class Participants:
    count: int | None
    text: str
    note: str


@dataclass
class KeyFigures:
    year: int
    budget: Budget | None
    rows: list
    execution: selectors.BudgetExecution | None
    participants: Participants
    chart: str = ""
    sections: list = field(default_factory=list)  # the chart's data: Row per part of the budget


def participants_in_year(association, year, *, staff) -> Participants:
    threshold = follow_up.threshold_for(association)
    rows, _ = follow_up.period_overview(association, make_period("year", year, 1), staff=staff, threshold=threshold)
    served = [r.figures["served"] for r in rows if r.months_reported and "served" in r.figures]
    if not served:
        return Participants(None, "–", f"Ingen insats har rapporterat deltagare för {year}.")
    count = len(served)
    where = f"i {count} insats{'er' if count != 1 else ''}"
    if any(f.hidden for f in served):
        return Participants(None, "–", f"Visas inte: någon insats har för få deltagare för att summan ska kunna "
                                       f"visas utan att de kan räknas fram ({where}).")
    total = sum(f.value for f in served)
    return Participants(total, display(total, threshold), where)


def key_figures(association, year, *, staff) -> KeyFigures:
    budget = Budget.objects.filter(association=association, year=year).first()
    participants = participants_in_year(association, year, staff=staff)
    if budget is None:
        return KeyFigures(year, None, [], None, participants)
    execution = selectors.budget_execution(association, year)
    income, costs, result = execution.income, execution.costs, execution.result
    rows = [Row("Intäkter", income.budget, income.outcome, income.forecast),
            Row("Kostnader", costs.budget, costs.outcome, costs.forecast),
            Row("Resultat", result.budget, result.outcome, result.forecast, strong=True)]
    opening = budget.opening_equity
    if opening is not None:
        rows.append(Row("Eget kapital vid årets början", opening, opening, opening))
        rows.append(Row("Eget kapital vid årets slut", opening + result.budget, opening + result.outcome,
                        opening + result.forecast, strong=True))
    sections = selectors.budget_sections(budget, with_outcome=True)
    shown = [s for s in sections if s.lines]
    chart = charts.outcome_chart(sections) if shown else ""
    parts = [Row(s.title, s.totals["amount"], s.totals["actual"], s.totals["forecast"]) for s in shown]
    return KeyFigures(year, budget, rows, execution, participants, chart, parts)
