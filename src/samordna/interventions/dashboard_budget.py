"""Budget execution for the board's dashboard and booked outcome per intervention for the reports and the export.

The economy app owns the budget and its booked outcome (economy.selectors.budget_execution, amounts in tkr); budget
lines may point at an intervention (economy.BudgetLine.intervention). Here the dashboard gets the year's lines with
budget, outcome so far and forecast, a chart of the intervention lines beside the administration, and the totals;
the reports and the national export get what was booked on an intervention's lines in a period, in kronor.
Money is not a count of people, so no small-count suppression applies.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Sum

from samordna.economy.models import Actual, BudgetLine
from samordna.economy.selectors import budget_execution

from .dashboard import _bar_chart
from .models import Intervention

INTERVENTION_SECTIONS = (BudgetLine.Section.INDIVIDUAL, BudgetLine.Section.STRUCTURAL)


@dataclass
class BudgetSection:
    title: str
    lines: list  # (ExecutionLine, the linked intervention's name or None)
    budget: Decimal
    outcome: Decimal
    forecast: Decimal
    deviation: Decimal


@dataclass
class DashboardBudget:
    execution: object  # economy.selectors.BudgetExecution
    sections: list  # BudgetSection, in the budget's order
    chart: str  # SVG without scripts


def dashboard_budget(association, year) -> DashboardBudget | None:
    """None when the association has no budget for the year (the page says so)."""
    execution = budget_execution(association, year)
    if execution is None:
        return None
    ids = {x.intervention_id for x in execution.lines if x.intervention_id}
    names = dict(Intervention.objects.filter(pk__in=ids, association=association).values_list("pk", "name"))
    sections = []
    for key, title in BudgetLine.Section.choices:
        lines = [x for x in execution.lines if x.section == key]
        if lines:
            totals = (sum((getattr(x, m) for x in lines), Decimal(0)) for m in ("budget", "outcome", "forecast", "deviation"))
            sections.append(BudgetSection(title, [(x, names.get(x.intervention_id)) for x in lines], *totals))
    return DashboardBudget(execution, sections, _chart(execution))


def _chart(execution):
    """One bar group per intervention line and one for administration together: what the board steers."""
    rows = [(x.label, x.budget, x.outcome, x.forecast) for x in execution.lines if x.section in INTERVENTION_SECTIONS]
    overhead = [x for x in execution.lines if x.section == BudgetLine.Section.OVERHEAD]
    if overhead:
        rows.append(("Styrning, ledning och administration", *(sum((getattr(x, m) for x in overhead), Decimal(0))
                                                                for m in ("budget", "outcome", "forecast"))))
    if not rows:
        return ""
    return _bar_chart(f"Budget, utfall hittills och prognos {execution.year} (tkr)", tuple(r[0] for r in rows),
                      (("Budget", tuple(float(r[1]) for r in rows)), ("Utfall hittills", tuple(float(r[2]) for r in rows)),
                       ("Prognos helår", tuple(float(r[3]) for r in rows))))


def booked_outcome(interventions, period) -> dict[int, int]:
    """Kronor booked in the period's months on the cost lines linked to each intervention (lines of the period's
    year); only interventions with such a line appear, so "no link" and "nothing booked yet" (0) stay apart."""
    ids = [i.pk for i in interventions]
    lines = BudgetLine.objects.filter(intervention_id__in=ids, budget__year=period.year,
                                      section__in=INTERVENTION_SECTIONS)
    linked = set(lines.values_list("intervention_id", flat=True))
    if not linked:
        return {}
    booked = dict(Actual.objects.filter(line__in=lines, month__in=[m.month for m in period.months]).order_by()
                  .values_list("line__intervention_id").annotate(total=Sum("amount")))
    return {pk: int(((booked.get(pk) or Decimal(0)) * 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP)) for pk in linked}
