"""The published follow-up of one intervention's year, over all its overlapping periods, gives no hidden flow away.

Every figure the board sees for the 18 periods of a year (12 months, 3 tertials, 2 half-years, the year) is read as
a linear equation over the months' started, ended and end-of-month counts, together with the stock rule (end of a
month = end of the month before + started − ended). A hidden figure must not be determined by them. The oracle is
exact linear algebra with fractions, independent of rules.privacy.
"""
from datetime import date
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samordna.interventions import selectors
from samordna.interventions.joint_periods import year_periods
from samordna.interventions.models import Report

pytestmark = pytest.mark.django_db
YEAR = 2023


def months_strategy():
    flow = st.tuples(st.integers(0, 9), st.integers(0, 9))
    return st.tuples(st.one_of(st.none(), st.integers(0, 14)), st.lists(flow, min_size=1, max_size=12),
                     st.sampled_from([3, 5]))


def store(intervention, previous, flows):
    Report.objects.filter(intervention=intervention).delete()
    rows, end = [], previous or 0
    if previous is not None:
        rows.append(Report(intervention=intervention, month=date(YEAR - 1, 12, 1), participants_end=previous, started=0,
                           ended=0, saved_on=date(YEAR, 1, 5)))
    for number, (started, ended) in enumerate(flows, 1):
        ended = min(ended, end + started)
        end = end + started - ended
        rows.append(Report(intervention=intervention, month=date(YEAR, number, 1), participants_end=end, started=started,
                           ended=ended, saved_on=date(YEAR, 1, 5)))
    Report.objects.bulk_create(rows)


class Space:
    """Linear forms over s_m, e_m (flows of month m) and E_m (end of month m; E_0 the December before)."""

    def __init__(self):
        self.rows, self.pivots = [], {}

    def add(self, form):
        row = self.reduce(form)
        if row:
            col = min(row, key=repr)
            lead = row[col]
            row = {k: v / lead for k, v in row.items()}
            for other in self.pivots.values():
                if other.get(col):
                    factor = other[col]
                    for k, v in row.items():
                        other[k] = other.get(k, 0) - factor * v
                    for k in [k for k, v in other.items() if not v]:
                        del other[k]
            self.pivots[col] = row

    def reduce(self, form):
        row = {k: Fraction(v) for k, v in form.items() if v}
        for col, pivot in self.pivots.items():
            factor = row.get(col)
            if factor:
                for k, v in pivot.items():
                    row[k] = row.get(k, 0) - factor * v
                row = {k: v for k, v in row.items() if v}
        return row

    def determines(self, form):
        return not self.reduce(form)


def plus(*forms):
    total = {}
    for sign, form in forms:
        for k, v in form.items():
            total[k] = total.get(k, 0) + sign * v
    return total


def published_forms(previous, months):
    """For each period and figure, its linear form."""
    result = {}
    for period in year_periods(YEAR):
        reported = [m.month for m in period.months if m.month <= months]
        if not reported:
            continue
        first = period.months[0].month
        if first > 1 and first - 1 <= months:
            start = {("E", first - 1): 1}
        elif first == 1 and previous is not None:
            start = {("E", 0): 1}
        else:  # no report before the period: the start is worked out from its first month
            start = plus((1, {("E", reported[0]): 1}), (-1, {("s", reported[0]): 1}), (1, {("e", reported[0]): 1}))
        started = {("s", m): 1 for m in reported}
        ended = {("e", m): 1 for m in reported}
        key = (period.kind, period.number)
        result[key, "start"] = start
        result[key, "end"] = {("E", reported[-1]): 1}
        result[key, "started"] = started
        result[key, "ended"] = ended
        result[key, "served"] = plus((1, start), (1, started))
    return result


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=months_strategy())
def test_no_hidden_figure_of_the_year_can_be_worked_out(gard, data):
    previous, flows, threshold = data
    store(gard, previous, flows)
    forms = published_forms(previous, len(flows))
    shown = {}
    for period in year_periods(YEAR):
        result = selectors.follow_up(gard, period, staff=False, threshold=threshold)
        for name, figure in result.figures.items():
            if name != "queue":
                shown[(period.kind, period.number), name] = figure.value
    assert set(shown) == set(forms)
    space = Space()
    for m in range(1, len(flows) + 1):
        if m > 1 or previous is not None:
            space.add({("E", m): 1, ("E", m - 1): -1, ("s", m): -1, ("e", m): 1})
    for key, value in shown.items():
        if value is not None:
            space.add(forms[key])
    leaked = [key for key, value in shown.items() if value is None and space.determines(forms[key])]
    assert not leaked, leaked
    for key, value in shown.items():
        assert value is None or value == 0 or value >= threshold, key


def test_a_small_month_is_not_left_for_the_tertial_to_give_away(gard):
    """January 2 started; February–April 6 each. Without joint suppression January's 2 = tertial 20 − 18."""
    store(gard, 10, [(2, 0), (6, 0), (6, 0), (6, 0)])
    january = selectors.follow_up(gard, year_periods(YEAR)[0], staff=False, threshold=5)
    assert january.figures["started"].hidden
    months = [selectors.follow_up(gard, p, staff=False, threshold=5) for p in year_periods(YEAR)[:4]]
    tertial = selectors.follow_up(gard, year_periods(YEAR)[12], staff=False, threshold=5)
    published_months = [m.figures["started"].value for m in months if not m.figures["started"].hidden]
    assert tertial.figures["started"].hidden or len(published_months) <= 2
    staff_view = selectors.follow_up(gard, year_periods(YEAR)[0], staff=True, threshold=5)
    assert staff_view.figures["started"].value == 2
