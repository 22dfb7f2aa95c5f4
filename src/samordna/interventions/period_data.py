"""Everything a period's follow-up needs for many interventions at once, in a fixed handful of grouped queries.

The annual report and the overviews cover every intervention of an association; reading them one at a time cost
about nine queries each (bench/followup.py), so here the figures are read together and summed in the database:
the month reports (with the month before, for the period's starting stock), the breakdown cells of each
intervention's last month (the stock at the end), the breakdown cells of the flows summed over the period, exit
reasons, goal outcomes and referrals summed per intervention. Counts only, as stored.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Sum

from samordna.rules import followup

from .models import GoalOutcome, Referral, Report, ReportCount, ReportExit


@dataclass
class InterventionPeriod:
    months: list  # followup.MonthFigures of the period's reported months, in month order
    previous_end: int | None  # participants at the end of the month before the period
    end_cells: dict = field(default_factory=lambda: defaultdict(dict))  # dimension → category → count (last month)
    flow_cells: dict = field(default_factory=lambda: defaultdict(dict))  # (measure, dimension) → category → sum
    exits: dict = field(default_factory=dict)  # exit reason id → sum
    referrals: dict = field(default_factory=dict)  # member id → sum
    referral_names: dict = field(default_factory=dict)  # member id → name

    def cells(self, measure, dimension):
        if measure == "participants_end":
            return self.end_cells.get(dimension, {})
        return self.flow_cells.get((measure, dimension), {})


@dataclass
class PeriodData:
    by_intervention: dict  # intervention id → InterventionPeriod (only those with a report in the period)
    goal_outcomes: dict  # goal id → (reached, asked) summed over the period


def month_before(month: date) -> date:
    return date(month.year - 1, 12, 1) if month.month == 1 else date(month.year, month.month - 1, 1)


def load(intervention_ids, period: followup.Period) -> PeriodData:
    ids = list(intervention_ids)
    if not ids:
        return PeriodData({}, {})
    months = period.months
    before = month_before(months[0])
    rows = defaultdict(list)
    previous = {}
    last = {}
    for report_id, pk, month, end, started, ended, queue, wait in (
            Report.objects.filter(intervention_id__in=ids, month__in=[before, *months]).order_by("intervention_id", "month")
            .values_list("id", "intervention_id", "month", "participants_end", "started", "ended", "queue_end",
                         "median_wait_days")):
        if month == before:
            previous[pk] = end
            continue
        rows[pk].append(followup.MonthFigures(month, end, started, ended, queue, wait))
        last[pk] = report_id
    data = {pk: InterventionPeriod(figures, previous.get(pk)) for pk, figures in rows.items()}
    if not data:
        return PeriodData({}, {})
    in_period = dict(report__intervention_id__in=list(data), report__month__in=months)

    by_report = {report_id: pk for pk, report_id in last.items()}
    for report_id, dimension, category, count in (
            ReportCount.objects.filter(report_id__in=list(by_report), measure="participants_end").order_by()
            .values_list("report_id", "dimension", "category", "count")):
        cells = data[by_report[report_id]].end_cells[dimension]
        cells[category] = cells.get(category, 0) + count
    for pk, measure, dimension, category, count in (
            ReportCount.objects.filter(measure__in=["started", "ended"], **in_period).order_by()
            .values_list("report__intervention_id", "measure", "dimension", "category").annotate(n=Sum("count"))):
        data[pk].flow_cells[measure, dimension][category] = count
    for pk, reason, count in (ReportExit.objects.filter(**in_period).order_by()
                              .values_list("report__intervention_id", "exit_reason_id").annotate(n=Sum("count"))):
        data[pk].exits[reason] = count
    for pk, member, name, count in (Referral.objects.filter(**in_period).order_by()
                                    .values_list("report__intervention_id", "member_id", "member__name")
                                    .annotate(n=Sum("count"))):
        data[pk].referrals[member] = count
        data[pk].referral_names[member] = name
    outcomes = {goal: (reached, asked) for goal, reached, asked in (
        GoalOutcome.objects.filter(**in_period).order_by().values_list("goal_id")
        .annotate(r=Sum("reached"), a=Sum("asked")).values_list("goal_id", "r", "a"))}
    return PeriodData(data, outcomes)
