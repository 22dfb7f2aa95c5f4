"""The board's report: the standing questions with their figures, suppressed as in the follow-up views, and association
totals that never give a hidden cell away."""
from datetime import date

import pytest
from intervention_builders import month_values

from samordna.interventions import reports, services
from samordna.interventions.models import BudgetLine, Contract, Intervention, Orientation
from samordna.interventions.selectors import Figure
from samordna.rules import followup

pytestmark = pytest.mark.django_db
YEAR = followup.make_period("year", 2023, 1)


def run_year(intervention, user, plan, exits_by_month):
    end = 0
    for m in range(1, 13):
        end_now, started, ended = plan.get(m, (end, 0, 0))
        values = month_values(intervention, end=end_now, started=started, ended=ended, exits=exits_by_month.get(m),
                              queue_end=3 if m == 12 and intervention.name == "Gården" else 0)
        services.save_report(intervention, date(2023, m, 1), values, user=user, today=date(2024, 1, 10))
        end = end_now


@pytest.fixture
def two(gard, secretary_user, lake):
    """Gården: small numbers (9 + 7 started, 14 ended, 2 at the end). Bryggan: 20 started, 12 ended (8 to work)."""
    run_year(gard, secretary_user, {1: (9, 9, 0), 6: (1, 0, 8), 9: (8, 7, 0), 12: (2, 0, 6)},
             {6: {"Arbete": 6, "Avbrott": 2}, 12: {"Studier": 6}})
    orientation = Orientation.objects.get(association=lake.association, name="Arbetslivsinriktade")
    bryggan = services.save_intervention(
        Intervention(association=lake.association, name="Bryggan", kind="individual", orientation=orientation,
                     start=date(2022, 1, 1), capacity_at_once=25, target_group="Unga vuxna utan arbete", esf_funded=True),
        owners=[lake.members["Försäkringskassan"]], municipalities=[])
    run_year(bryggan, secretary_user, {1: (20, 20, 0), 6: (8, 0, 12)}, {6: {"Arbete": 8, "Avbrott": 4}})
    services.save_budget_line(BudgetLine(intervention=gard, year=2023, amount=960_000))
    services.save_budget_line(BudgetLine(intervention=bryggan, year=2023, amount=1_200_000))
    Contract.objects.create(intervention=gard, provider="Gröna gården AB", start=date(2022, 1, 1), end=date(2024, 6, 30),
                            extension_options="Ett år till, därefter ny upphandling", decide_by=date(2024, 3, 31))
    return gard, bryggan


def section(report, key):
    return next(s for s in report.sections if s.key == key)


def table(report, key, caption):
    return next(t for t in section(report, key).tables if t.caption == caption)


def rows_by_name(t):
    return {row[0]: row for row in t.rows}


def test_the_standing_questions_in_order(two):
    report = reports.association_report(two[0].association, YEAR)
    assert [s.question for s in report.sections] == [q for _, q in reports.QUESTIONS]
    assert report.title == "Årsrapport helåret 2023: alla insatser"
    assert "<5" in report.note


def test_intervention_report_figures_above_the_threshold(two):
    _, bryggan = two
    report = reports.intervention_report(bryggan, YEAR)
    row = table(report, "participants", "Deltagare och kö").rows[0]
    # Insats, start, started, ended, end, served, queue, capacity use, median wait
    assert row[:7] == ["Bryggan", 0, 20, 12, 8, 20, 0]
    exits = rows_by_name(table(report, "exits", "Avslut per anledning"))
    # Avbrott (4) is small and Arbete (8) is hidden with it, so it cannot be worked out from the 12 who ended.
    assert exits["Avbrott"][2] == "<5" and exits["Arbete"][2] == "<5"
    assert table(report, "exits", "Avslut per anledning").total[2] == 12
    costs = table(report, "costs", "Budget, utfall och kostnad per deltagare").rows[0]
    assert costs == ["Bryggan", 1_200_000, "–", 60_000]
    assert reports.OUTCOME_NOTE in section(report, "costs").notes


def test_intervention_report_hides_small_counts_like_the_follow_up_view(two):
    gard, _ = two
    report = reports.intervention_report(gard, YEAR)
    row = table(report, "participants", "Deltagare och kö").rows[0]
    # 2 at the end and 3 in the queue are small; the flows are then hidden so the end cannot be derived.
    assert row[1] == 0 and row[2:7] == ["<5"] * 5
    assert all(r[2] in ("<5", 0) for r in table(report, "exits", "Avslut per anledning").rows)
    gender = table(report, "target", "Deltagare per kön")
    assert all(cell == "<5" or cell == 0 for row in gender.rows for cell in row[1:])
    goals = table(report, "participants", "Mål och utfall").rows
    assert goals[0][1].startswith("andel som upplever förbättrad hälsa")
    contracts = table(report, "next", "Avtal som löper ut inom ett år").rows
    assert contracts == [["Gården", "Gröna gården AB", "2024-06-30", "2024-03-31", "Ett år till, därefter ny upphandling", "nej"]]


def test_association_totals_hidden_when_one_row_is_hidden(two):
    report = reports.association_report(two[0].association, YEAR)
    t = table(report, "participants", "Deltagare och kö")
    assert set(rows_by_name(t)) == {"Bryggan", "Gården"}
    # Gården's flows are hidden, Bryggan's are not: a total would give Gården's away.
    assert t.total[:7] == ["Alla insatser", 0, "<5", "<5", "<5", "<5", "<5"]
    assert table(report, "costs", "Budget, utfall och kostnad per deltagare").total[1] == 960_000 + 1_200_000
    exits = table(report, "exits", "Avslut per anledning")
    assert exits.total[2] == "<5" and all(row[2] in ("<5", 0) for row in exits.rows)


def test_no_published_total_lets_a_single_hidden_cell_be_derived(two):
    report = reports.association_report(two[0].association, YEAR)
    for s in report.sections:
        for t in s.tables:
            if not t.total:
                continue
            for col in range(1, len(t.headers)):
                hidden = [row[col] for row in t.rows if row[col] == "<5"]
                if isinstance(t.total[col], int):
                    assert len(hidden) != 1, (t.caption, t.headers[col])


def test_column_total_rule():
    shown, hidden = Figure(7), Figure(None)
    assert reports.column_total([shown, Figure(9)], 16, 5) == 16
    assert reports.column_total([shown, hidden], 9, 5) is None
    assert reports.column_total([shown, hidden, hidden], 14, 5) == 14
    assert reports.column_total([Figure(0), Figure(0)], 0, 5) == 0
    assert reports.column_total([hidden, hidden], 4, 5) is None


def test_totals_published_when_every_row_is_large(two, secretary_user):
    _, bryggan = two
    report = reports._build(bryggan.association, YEAR, [bryggan, bryggan], 5, single=False)
    total = table(report, "participants", "Deltagare och kö").total
    assert total[1:7] == [0, 40, 24, 16, 40, 0]


def test_national_rows(two):
    gard, bryggan = two
    rows = {row[1]: row for row in reports.national_rows(gard.association, YEAR)}
    assert rows["Bryggan"][:9] == [gard.association.name, "Bryggan", "helåret 2023", "Individinriktad",
                                   "Arbetslivsinriktade", "Antal deltagare utan personuppgifter", "Ja", 1_200_000, ""]
    # month_values puts everyone who started in "woman": 20 women, 0 men, 0 other; 8 women at the end.
    assert rows["Bryggan"][9:] == [20, 0, 0, 8, 0, 0]
    assert rows["Gården"][6] == "Nej" and set(rows["Gården"][9:]) <= {"<5", 0}
