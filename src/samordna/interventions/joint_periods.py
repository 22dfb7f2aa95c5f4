"""Flows suppressed jointly over the overlapping periods of one intervention's year.

The follow-up publishes started and ended for every month, tertial, half-year and the year. A period's flows are
hidden when its own figures are small (start, end, started or ended below the threshold: selectors._flow's rule);
on top of that, rules.privacy_periods.suppress_overlapping hides further periods' flows until no hidden period's flows can
be worked out from the published periods' (a month as its tertial minus the other months, or a half-year minus a
tertial and two months). Started and ended are hidden together, so the published stocks (start − end = ended −
started) cannot split a hidden pair either. The stocks themselves are point values, hidden only when small, and so
stay the same in every table.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date

from samordna.rules import followup
from samordna.rules.privacy_periods import suppress_overlapping

from .models import Report

KINDS = (("month", 12), ("tertial", 3), ("half", 2), ("year", 1))


def year_periods(year):
    return [followup.make_period(kind, year, number) for kind, count in KINDS for number in range(1, count + 1)]


def hidden_periods(months: dict, previous_december: int | None, year: int, threshold: int) -> set:
    """(kind, number) of the year's periods whose flows are hidden. `months` maps a reported month (date) to its
    followup.MonthFigures; `previous_december` is the participants at the end of the year before (or None)."""
    ends = {m: f.participants_end for m, f in months.items()}
    ends[date(year - 1, 12, 1)] = previous_december

    def small(value):
        return 0 < value < threshold

    parts, primary = {}, set()
    for period in year_periods(year):
        key = (period.kind, period.number)
        reported = [months[m] for m in period.months if m in months]
        parts[key] = {f.month.month for f in reported}
        if not reported:
            continue
        before = period.months[0]
        before = date(before.year - 1, 12, 1) if before.month == 1 else date(before.year, before.month - 1, 1)
        summary = followup.summarise(reported, ends.get(before))
        if any(small(v) for v in (summary.participants_start, summary.participants_end, summary.started, summary.ended)):
            primary.add(key)
    return suppress_overlapping(parts, primary)


def flows_hidden(intervention_ids, period, threshold) -> dict:
    """Intervention id → whether `period`'s flows are hidden, for those with a report in the period's year."""
    year = period.year
    months, previous = defaultdict(dict), {}
    for pk, month, end, started, ended in (
            Report.objects.filter(intervention_id__in=list(intervention_ids), month__gte=date(year - 1, 12, 1),
                                  month__lte=date(year, 12, 1)).order_by()
            .values_list("intervention_id", "month", "participants_end", "started", "ended")):
        if month.year < year:
            previous[pk] = end
        else:
            months[pk][month] = followup.MonthFigures(month, end, started, ended, 0, None)
    key = (period.kind, period.number)
    return {pk: key in hidden_periods(figures, previous.get(pk), year, threshold) for pk, figures in months.items()}
