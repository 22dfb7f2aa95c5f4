"""The follow-up rules: a report adds up across every breakdown, flows from last month, has no negatives; periods; goals."""
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samordna.rules import followup
from samordna.rules.followup import DIMENSIONS, MEASURES, ReportFigures, breakdown_field, check_report

# The machine running the tests may be busy; slow input generation is not a failure of the rules.
SHARED_MACHINE = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def split(total, keys, draw):
    """Spread `total` over `keys` at random."""
    cells = {}
    left = total
    for key in keys[:-1]:
        cells[key] = draw(st.integers(0, left))
        left -= cells[key]
    cells[keys[-1]] = left
    return cells


@st.composite
def consistent_reports(draw):
    previous = draw(st.integers(0, 40))
    started = draw(st.integers(0, 20))
    ended = draw(st.integers(0, previous + started))
    end = previous + started - ended
    totals = {"participants_end": end, "started": started, "ended": ended}
    breakdowns = {m: {d: split(totals[m], [k for k, _ in cats], draw) for d, _, cats in DIMENSIONS} for m, _ in MEASURES}
    exits = split(ended, ["arbete", "studier", "avbrott"], draw)
    asked = draw(st.integers(0, 10))
    goals = {"1": (draw(st.integers(0, asked)), asked)}
    figures = ReportFigures(end, started, ended, breakdowns, exits, queue_end=draw(st.integers(0, 30)), goals=goals,
                            referrals={"fk": draw(st.integers(0, 9))})
    return figures, previous


@SHARED_MACHINE
@given(consistent_reports())
def test_a_consistent_report_passes(case):
    figures, previous = case
    assert check_report(figures, previous) == []


@SHARED_MACHINE
@given(consistent_reports(), st.sampled_from([m for m, _ in MEASURES]), st.sampled_from(DIMENSIONS), st.integers(1, 5))
def test_any_breakdown_that_does_not_add_up_is_named(case, measure, dimension, extra):
    figures, previous = case
    name, label, categories = dimension
    key = categories[-1][0]
    figures.breakdowns[measure][name][key] += extra
    problems = check_report(figures, previous)
    assert [p.field for p in problems] == [breakdown_field(measure, name, categories[0][0])]
    assert f"summan per {label}" in problems[0].message


@SHARED_MACHINE
@given(consistent_reports(), st.integers(1, 5))
def test_flow_from_last_month_must_hold_unless_explained(case, delta):
    figures, previous = case
    problems = check_report(figures, previous + delta)
    assert [p.field for p in problems] == ["participants_end"]
    assert "förra periodens" in problems[0].message
    explained = ReportFigures(**{**figures.__dict__, "correction_note": "Två deltagare flyttades från en annan grupp."})
    assert check_report(explained, previous + delta) == []


@SHARED_MACHINE
@given(consistent_reports())
def test_exit_reasons_must_sum_to_ended(case):
    figures, previous = case
    figures.exits["avbrott"] += 1
    problems = check_report(figures, previous)
    assert any(p.field.startswith("exit__") and "avslutade" in p.message for p in problems)


def test_negative_numbers_are_refused_with_the_field_named():
    figures = ReportFigures(participants_end=3, started=-1, ended=0, queue_end=-2)
    fields = {p.field: p.message for p in check_report(figures, None)}
    assert "negativt" in fields["started"] and fields["started"].startswith("Påbörjade")
    assert "queue_end" in fields


def test_more_reached_than_asked_is_refused():
    figures = ReportFigures(0, 0, 0, goals={"7": (5, 4)})
    problems = check_report(figures, None, labels={"goal__7": "Mål ”hälsa”"})
    assert any(p.field == "goal__7__reached" and "hälsa" in p.message for p in problems)


def test_without_a_previous_report_the_flow_is_not_checked():
    figures = ReportFigures(9, 0, 0)
    assert not [p for p in check_report(figures, None) if p.field == "participants_end"]


@pytest.mark.parametrize("kind, number, first, count, label", [
    ("month", 3, date(2023, 3, 1), 1, "mars 2023"), ("tertial", 2, date(2023, 5, 1), 4, "tertial 2 2023"),
    ("half", 2, date(2023, 7, 1), 6, "andra halvåret 2023"), ("year", 1, date(2023, 1, 1), 12, "helåret 2023")])
def test_periods(kind, number, first, count, label):
    period = followup.make_period(kind, 2023, number)
    assert period.months[0] == first and len(period.months) == count and period.label == label


def test_a_period_out_of_range_is_refused_in_swedish():
    with pytest.raises(ValueError, match="Tertial nummer 4 finns inte"):
        followup.make_period("tertial", 2023, 4)
    assert followup.period_containing("tertial", date(2023, 9, 30)) == followup.Period("tertial", 2023, 3)


@SHARED_MACHINE
@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), min_size=1, max_size=12), st.integers(0, 20))
def test_summary_runs_the_flow(flows, first):
    months, end = [], first
    for i, (started, ended) in enumerate(flows):
        ended = min(ended, end + started)
        end = end + started - ended
        months.append(followup.MonthFigures(date(2023, i + 1, 1), end, started, ended, 0, None))
    summary = followup.summarise(months, first)
    assert summary.participants_start + summary.started - summary.ended == summary.participants_end
    assert summary.served == first + summary.started


def test_goal_verdicts_have_text_not_only_colour():
    # Skaraborg's green-care goal: at least 70 % report better health; 8 of 9 did.
    green = followup.goal_verdict("gte", Decimal(70), "%", 8, 9)
    assert (green.status, green.label) == ("green", "Uppnått") and "89 %" in green.text and "mål ≥ 70 %" in green.text
    amber = followup.goal_verdict("gte", Decimal(70), "%", 13, 20)
    assert (amber.status, amber.label) == ("amber", "Nära målet")
    red = followup.goal_verdict("gte", Decimal(70), "%", 4, 9)
    assert red.status == "red" and "44 % (4 av 9)" in red.text
    assert followup.goal_verdict("gte", Decimal(70), "%", 0, 0).status == "none"
    assert followup.goal_verdict("lte", Decimal(30), "dagar", 25, 0).status == "green"
