"""The follow-up of a period: figures, capacity use, exit reasons in %, goal status, and "<5" outside the staff view."""
from datetime import date

import pytest
from intervention_builders import month_values

from samordna.interventions import selectors, services
from samordna.interventions.models import BudgetLine, ExitReason
from samordna.rules import followup

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_2023(gard, secretary_user):
    """Spring group of 9, then 8 ended (6 to work), and a new group of 7 in the autumn."""
    goal = gard.goals.get()
    reasons = {r.name: r for r in ExitReason.objects.filter(association=gard.association)}
    plan = {1: (9, 9, 0), 6: (1, 0, 8), 9: (8, 7, 0), 12: (2, 0, 6)}
    end = 0
    for m in range(1, 13):
        end_now, started, ended = plan.get(m, (end, 0, 0))
        exits = {"Arbete": 6, "Avbrott": 2} if m == 6 else ({"Studier": 6} if m == 12 else None)
        values = month_values(gard, end=end_now, started=started, ended=ended, exits=exits,
                              women={"participants_end": end_now - 1 if end_now else 0, "started": started - 1 if started else 0,
                                     "ended": ended - 1 if ended else 0}, queue_end=3 if m == 12 else 0, median_wait_days=21)
        if m == 6:
            values[f"goal__{goal.pk}__reached"], values[f"goal__{goal.pk}__asked"] = 7, 8
        services.save_report(gard, date(2023, m, 1), values, user=secretary_user, today=date(2024, 1, 10))
        end = end_now
    services.save_budget_line(BudgetLine(intervention=gard, year=2023, amount=960_000))
    assert reasons
    return gard


def test_staff_see_exact_figures(year_2023):
    result = selectors.follow_up(year_2023, followup.make_period("year", 2023, 1), staff=True)
    figures = {k: f.value for k, f in result.figures.items()}
    assert figures == {"start": 0, "started": 16, "ended": 14, "end": 2, "served": 16, "queue": 3}
    assert result.cost_per_participant == 60_000 and result.budget == 960_000
    assert result.capacity_use == round(result.average_participants * 100 / 12)
    exits = {name: (fig.value, pct) for name, _, fig, pct in result.exits}
    assert exits["Arbete"] == (6, 43) and exits["Studier"] == (6, 43) and exits["Avbrott"] == (2, 14)
    goal, verdict = result.goals[0]
    assert verdict.status == "green" and "88 % (7 av 8)" in verdict.text


def test_others_see_small_counts_hidden_with_complementary_suppression(year_2023):
    result = selectors.follow_up(year_2023, followup.make_period("year", 2023, 1), staff=False)
    exits = {name: fig for name, _, fig, _ in result.exits}
    assert exits["Avbrott"].text == "<5"
    hidden = [name for name, fig in exits.items() if fig.hidden]
    assert len(hidden) >= 2, "one hidden cell alone could be worked out from the total"
    assert all(pct is None for _, _, fig, pct in result.exits if fig.hidden)
    assert result.figures["end"].text == "<5" and result.figures["queue"].text == "<5"
    gender = dict((label, rows) for label, rows, _ in result.balance)["kön"]
    men = dict(gender)["Man"]
    assert all(cell.text == "<5" for cell in men if cell.value != 0)
    _, verdict = result.goals[0]
    assert verdict.status == "none" and "För få svar" in verdict.text


def test_tertial_reads_only_its_months(year_2023):
    result = selectors.follow_up(year_2023, followup.make_period("tertial", 2023, 2), staff=True)
    assert result.months_reported == 4
    assert result.figures["start"].value == 9 and result.figures["ended"].value == 8
    assert result.budget == 320_000


def test_no_reports_gives_an_empty_follow_up(gard):
    result = selectors.follow_up(gard, followup.make_period("month", 2020, 1), staff=True)
    assert result.months_reported == 0 and result.figures == {}


def test_small_flows_hide_both_flows_but_keep_the_stocks_consistent(gard, secretary_user):
    """42 in the group, 4 started and 4 ended: the flows are hidden, the stock 42 is shown everywhere alike."""
    services.save_report(gard, date(2023, 9, 1), month_values(gard, end=42, started=42, ended=0), user=secretary_user,
                         today=date(2024, 1, 1))
    services.save_report(gard, date(2023, 10, 1), month_values(gard, end=42, started=4, ended=4), user=secretary_user,
                         today=date(2024, 1, 1))
    result = selectors.follow_up(gard, followup.make_period("month", 2023, 10), staff=False)
    shown = {k: f.text for k, f in result.figures.items()}
    assert shown["start"] == "42" and shown["end"] == "42"
    assert shown["started"] == shown["ended"] == shown["served"] == "<5"
    for _, rows, totals in result.balance:
        assert totals[0].value == 42 and totals[1].hidden and totals[2].hidden
        assert all(cells[1].value in (0, None) and cells[2].value in (0, None) for _, cells in rows)
    assert all(fig.value in (0, None) for _, _, fig, _ in result.exits)
    assert result.cost_per_participant is None
    assert result.capacity_use == 350


def test_period_overview_per_member(year_2023, lake, secretary_user):
    period = followup.make_period("year", 2023, 1)
    rows, totals = selectors.period_overview(lake.association, period, staff=True, member=lake.members["Lerums kommun"])
    assert [r.intervention.name for r in rows] == ["Gården"] and totals["started"] == 16
    assert rows[0].positive_share == 86  # 12 of 14 ended in work or studies
    rows, _ = selectors.period_overview(lake.association, period, staff=True, member=lake.members["Partille kommun"])
    assert rows == []
    rows, totals = selectors.period_overview(lake.association, period, staff=False)
    assert totals is None and rows[0].figures["end"].text == "<5" and rows[0].positive_share is None
