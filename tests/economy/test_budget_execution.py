"""Budget lines linked to interventions, and the year's budget execution the dashboard reads."""
from datetime import date
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from economy_setup import budget

from samordna.economy import selectors, services
from samordna.economy.models import BudgetLine
from samordna.interventions import services as intervention_services
from samordna.interventions.models import Intervention, Orientation

pytestmark = pytest.mark.django_db


def intervention(lake, name="Trädgårdsgruppen", start=date(2023, 1, 1), end=None):
    intervention_services.ensure_defaults(lake.association)
    orientation = Orientation.objects.filter(association=lake.association, kind="individual").first()
    return intervention_services.save_intervention(
        Intervention(association=lake.association, name=name, kind="individual", orientation=orientation,
                     provider="Odlarna AB", start=start, end=end),
        owners=[lake.members["Mölndals stad"]], municipalities=[lake.members["Mölndals stad"]])


def line(result, **fields):
    values = {"association": result.association, "budget": result, "section": BudgetLine.Section.INDIVIDUAL,
              "label": "Trädgårdsgruppen, Mölndal", "amount": D(800), "accounts": "4020", "position": 9} | fields
    return services.save_line(BudgetLine(**values))


def test_line_links_to_a_running_intervention(lake):
    garden = intervention(lake)
    saved = line(budget(lake), intervention=garden, member=lake.members["Mölndals stad"])
    assert BudgetLine.objects.get(pk=saved.pk).intervention == garden


def test_line_for_an_intervention_that_ended_is_refused_and_nothing_saved(lake):
    ended = intervention(lake, name="Gamla verkstaden", end=date(2023, 6, 30))
    result = budget(lake)
    before = BudgetLine.objects.count()
    with pytest.raises(ValidationError) as error:
        line(result, intervention=ended)
    assert "Insatsen ”Gamla verkstaden” avslutades 2023-06-30" in " ".join(error.value.messages)
    assert "budgeten för 2024" in " ".join(error.value.messages)
    assert BudgetLine.objects.count() == before


def test_intervention_ending_during_the_year_is_accepted(lake):
    ending = intervention(lake, name="Sista året", end=date(2024, 3, 31))
    assert line(budget(lake), intervention=ending).pk


def test_overhead_line_cannot_point_at_an_intervention(lake):
    garden = intervention(lake)
    with pytest.raises(ValidationError) as error:
        line(budget(lake), intervention=garden, section=BudgetLine.Section.OVERHEAD,
             category=BudgetLine.Category.OTHER, accounts="7900")
    assert "Bara rader för individinriktade" in " ".join(error.value.messages)


def test_intervention_of_another_association_is_refused(lake):
    from samordna.associations import services as association_services
    other = association_services.create_association(slug="annat", name="Samordningsförbundet Annat")
    intervention_services.ensure_defaults(other)
    foreign = Intervention.objects.create(association=other, name="Deras insats", start=date(2023, 1, 1),
                                          orientation=Orientation.objects.filter(association=other, kind="individual").first())
    with pytest.raises(ValidationError) as error:
        line(budget(lake), intervention=foreign)
    assert "hör inte till förbundet" in " ".join(error.value.messages)


def test_deleting_the_intervention_keeps_the_line_and_its_label(lake):
    garden = intervention(lake)
    saved = line(budget(lake), intervention=garden)
    garden.delete()
    kept = BudgetLine.objects.get(pk=saved.pk)
    assert kept.intervention is None and kept.label == "Trädgårdsgruppen, Mölndal"


def test_budget_execution_lines_totals_and_latest_period(lake):
    garden = intervention(lake)
    result = budget(lake)
    linked = line(result, intervention=garden, forecast=D(950))
    services.import_actuals(result, "datum;konto;belopp\n2024-01-31;3010;-10000000\n2024-02-15;4020;300000\n"
                                    "2024-05-20;4020;150000\n2024-05-31;7210;800000\n".encode(), "bok.csv")
    execution = selectors.budget_execution(lake.association, 2024)
    assert execution.year == 2024 and execution.latest_month == 5
    assert execution.period_label == "januari–maj 2024" and execution.latest_tertial == 1
    by_label = {x.label: x for x in execution.lines}
    garden_line = by_label["Trädgårdsgruppen, Mölndal"]
    assert (garden_line.line_id, garden_line.intervention_id) == (linked.pk, garden.pk)
    assert (garden_line.budget, garden_line.outcome, garden_line.forecast) == (D(800), D(450), D(950))
    assert garden_line.deviation == D(-150)  # a forecast over budget on a cost line is unfavourable
    staff = by_label["Kanslipersonal"]
    assert (staff.section, staff.category, staff.category_label) == ("overhead", "office_staff", "Kanslipersonal")
    assert staff.intervention_id is None and staff.outcome == D(800)
    income = by_label["Bidrag från medlemmarna"]
    assert income.is_income and income.outcome == D(10_000)
    assert execution.income.budget == D(20_000) and execution.income.outcome == D(10_000)
    assert execution.costs.budget == D(9_000 + 1_000 + 2_500 + 300 + 800)
    assert execution.costs.outcome == D(1_250)
    assert execution.costs.forecast == D(9_000 + 1_000 + 2_500 + 300 + 950)
    assert execution.result.budget == D(20_000 - 13_600) and execution.result.deviation == D(-150)
    assert execution.by_intervention()[garden.pk].outcome == D(450)


def test_budget_execution_without_budget_or_outcome(lake):
    assert selectors.budget_execution(lake.association, 2024) is None
    budget(lake)
    execution = selectors.budget_execution(lake.association, 2024)
    assert execution.latest_month is None and execution.period_label == "inget utfall bokfört ännu"
    assert execution.costs.outcome == 0 and len(execution.lines) == 5


def test_line_form_shows_the_ended_intervention_message_and_keeps_input(staff, lake):
    from django.urls import reverse
    ended = intervention(lake, name="Gamla verkstaden", end=date(2023, 6, 30))
    budget(lake)
    before = BudgetLine.objects.count()
    response = staff.post(reverse("economy_budget", kwargs={"slug": "sjolandet", "year": 2024}),
                          {"save": "line", "line-section": "individual", "line-label": "Verkstaden i Partille",
                           "line-intervention": ended.pk, "line-amount": "500", "line-accounts": "4040",
                           "line-position": "3"})
    html = response.content.decode()
    assert response.status_code == 200 and "avslutades 2023-06-30" in html and 'value="Verkstaden i Partille"' in html
    assert BudgetLine.objects.count() == before


def test_data_migration_links_lines_whose_label_names_an_intervention(lake):
    import importlib

    from django.apps import apps
    migration = importlib.import_module("samordna.economy.migrations.0002_budget_line_intervention")
    garden = intervention(lake, name="Trädgårdsgruppen")
    result = budget(lake)
    named = line(result, intervention_label="trädgårdsgruppen ")
    several = line(result, label="Flera", accounts="4021", intervention_label="Trädgårdsgruppen; Verkstaden")
    migration.link_by_name(apps, None)
    assert BudgetLine.objects.get(pk=named.pk).intervention_id == garden.pk
    assert BudgetLine.objects.get(pk=several.pk).intervention_id is None
