"""The annual report's key figures on the economy overview: income, costs, result, equity and participants."""
from datetime import date

import pytest
from django.urls import reverse
from economy_setup import budget
from test_budget_execution import intervention

from samordna.economy import key_figures, services
from samordna.interventions.models import Report

pytestmark = pytest.mark.django_db
SLUG = "sjolandet"


def report(garden, month, end, started, ended):
    return Report.objects.create(intervention=garden, month=month, participants_end=end, started=started, ended=ended,
                                 saved_on=month)


def test_key_figures_from_budget_outcome_and_follow_up(lake):
    result = budget(lake)
    services.import_actuals(result, "datum;konto;belopp\n2024-01-31;3010;-10000000\n2024-03-15;7210;900000\n".encode(),
                            "bok.csv")
    garden = intervention(lake)
    report(garden, date(2023, 12, 1), 20, 0, 0)
    report(garden, date(2024, 1, 1), 25, 8, 3)
    report(garden, date(2024, 2, 1), 30, 7, 2)
    figures = key_figures.key_figures(lake.association, 2024, staff=True)
    rows = {r.label: (r.budget, r.outcome, r.forecast) for r in figures.rows}
    assert rows["Intäkter"] == (20_000, 10_000, 20_000)
    assert rows["Kostnader"] == (12_800, 900, 12_800)
    assert rows["Resultat"] == (7_200, 9_100, 7_200)
    assert rows["Eget kapital vid årets slut"] == (12_200, 14_100, 12_200)
    # 20 at the start of the year plus 15 who started
    assert figures.participants.count == 35 and figures.participants.text == "35"
    assert figures.chart.startswith("<svg") and "<script" not in figures.chart
    assert [(p.label, p.budget, p.outcome) for p in figures.sections][0] == ("Intäkter", 20_000, 10_000)


def test_small_participant_total_is_hidden_outside_staff(lake):
    budget(lake)
    garden = intervention(lake)
    report(garden, date(2024, 1, 1), 3, 3, 0)
    shown = key_figures.participants_in_year(lake.association, 2024, staff=False)
    assert shown.count is None and shown.text == "–" and "för få deltagare" in shown.note
    assert key_figures.participants_in_year(lake.association, 2024, staff=True).count == 3
    assert key_figures.participants_in_year(lake.association, 2023, staff=True).count is None


def test_overview_page_shows_key_figures_chart_and_table(staff, lake):
    result = budget(lake)
    services.import_actuals(result, "datum;konto;belopp\n2024-05-31;7210;800000\n".encode(), "bok.csv")
    html = staff.get(reverse("economy", kwargs={"slug": SLUG}) + "?ar=2024").content.decode()
    assert "Nyckeltal 2024" in html and "januari–maj 2024" in html
    assert "<svg" in html and "Budget mot utfall per del, 2024" in html
    assert "Eget kapital vid årets slut" in html and "12\u00a0200" in html
    html = staff.get(reverse("economy", kwargs={"slug": SLUG}) + "?ar=2020").content.decode()
    assert "Det finns ingen budget för 2020" in html
