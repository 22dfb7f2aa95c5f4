"""The economy's demo data on freshly built demo associations reproduces the seeds' figures."""
from decimal import Decimal as D

import pytest
from django.db import transaction

from samordna.associations.models import Association
from samordna.board.demo import load_demo
from samordna.economy import demo, selectors
from samordna.economy.models import Budget, FinancingPlan, Withdrawal

pytestmark = pytest.mark.django_db

SJUHARAD_2024 = {"Försäkringskassan": D("4505.5"), "Arbetsförmedlingen": D("4505.5"), "Västra Götalandsregionen": D("4505.5"),
                 "Bollebygds kommun": D("191.0"), "Borås Stad": D("2252.1"), "Herrljunga kommun": D("186.6"),
                 "Marks kommun": D("693.1"), "Svenljunga kommun": D("211.9"), "Tranemo kommun": D("234.2"),
                 "Ulricehamns kommun": D("494.4"), "Vårgårda kommun": D("242.2")}


@pytest.fixture(scope="module", autouse=True)
def loaded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        with transaction.atomic():
            load_demo()
            for association in Association.objects.all():
                demo.load(association)
                demo.load(association)  # a second call adds nothing
            yield
            transaction.set_rollback(True)


def amounts(slug, year):
    plan = FinancingPlan.objects.get(association__slug=slug, year=year)
    result = selectors.plan_result(plan)
    assert result.errors == []
    return {row.member.name: row.amount for row in result.rows}


def test_sjuharad_financing_plan_2024_reproduces_the_adopted_split():
    assert amounts("sjuharad", 2024) == SJUHARAD_2024
    assert sum(SJUHARAD_2024.values()) == D(18022)


def test_sjuharad_financing_plan_2025_and_2026_in_whole_tkr():
    in_2025, in_2026 = amounts("sjuharad", 2025), amounts("sjuharad", 2026)
    assert in_2025["Borås Stad"] == 2499 and in_2025["Bollebygds kommun"] == 212 and in_2025["Försäkringskassan"] == 5000
    assert in_2026["Borås Stad"] == 2495 and in_2026["Marks kommun"] == 772 and in_2026["Vårgårda kommun"] == 268
    assert sum(in_2025.values()) == sum(in_2026.values()) == 20000


def test_sjuharad_economic_summary_costs_19685():
    budget = Budget.objects.get(association__slug="sjuharad", year=2024)
    sections = selectors.budget_sections(budget)
    summary = selectors.summarise(budget, sections, "amount")
    assert summary.costs == 19685
    overhead = next(s for s in sections if s.key == "overhead")
    assert overhead.totals["amount"] == 3930


def test_skaraborg_budget_plan():
    budget = Budget.objects.get(association__slug="skaraborg", year=2024)
    sections = selectors.budget_sections(budget)
    totals = {s.key: s.totals["amount"] for s in sections}
    assert totals["individual"] + totals["structural"] == 27500
    assert totals["individual"] == 24700 and totals["overhead"] == 3700
    summary = selectors.summarise(budget, sections, "amount")
    assert summary.result == -7100 and summary.closing_equity == 5700
    assert [amount for _, amount in selectors.fees(budget.association)] == [60, 34]


def test_insjoriket_harryda_withdrawal_revoked_and_stays_in_plans():
    association = Association.objects.get(slug="insjoriket")
    (withdrawal, effective), = selectors.withdrawals(association)
    assert withdrawal.member.name == "Härryda kommun" and effective.isoformat() == "2023-12-31"
    assert withdrawal.revoked_on is not None
    assert "Härryda kommun" in {m.name for m in selectors.members_in_year(association, 2024)}
    assert Withdrawal.objects.filter(association=association).count() == 1


def test_equity_within_bounds_for_sjuharad_and_above_the_guideline_for_skaraborg():
    for slug, ok in (("sjuharad", True), ("skaraborg", False)):
        budget = Budget.objects.get(association__slug=slug, year=2024)
        sections = selectors.budget_sections(budget, with_outcome=True)
        assessment = selectors.equity_assessment(budget, selectors.summarise(budget, sections, "forecast"))
        assert assessment.ok is ok, assessment.warnings
    sjuharad = Budget.objects.get(association__slug="sjuharad", year=2024)
    outcome = selectors.summarise(sjuharad, selectors.budget_sections(sjuharad, with_outcome=True), "actual")
    assert outcome.income == 18022  # both halves of the contributions booked in the first two tertials


def test_goteborg_outcome_2022_beside_budget_2023():
    budget = Budget.objects.get(association__slug="goteborg", year=2023)
    previous = selectors.summarise(budget, selectors.budget_sections(budget), "previous_outcome")
    assert (previous.income, previous.costs, previous.result) == (69_000, 75_900, -6_900)
    assert budget.opening_equity - previous.result == 19_500  # the equity the year before


def test_sjuharad_business_plan_2024_is_adopted_and_frozen():
    from samordna.economy import business_plan, services_plan
    from samordna.economy.models import BusinessPlan

    plan = BusinessPlan.objects.get(association__slug="sjuharad", year=2024)
    assert plan.adopted and plan.adopted_on.isoformat() == "2023-11-29" and services_plan.verify(plan)
    assert "Verksamhetsplan 2024" in plan.adopted_by
    doc = business_plan.current(plan)
    rows = [row["cells"] for block in doc["blocks"] if block["type"] == "table" for row in block["rows"]]
    assert ["Marks kommun", "98", "2\u00a0225"] in rows  # Aktiv kraft per municipality, from the linked budget lines
    assert ["Summa tkr", "3\u00a0930"] in rows  # governance and administration as in the plan
    assert ["Försäkringskassan", "0,25", "4\u00a0505,5", "5\u00a0000", "5\u00a0000"] in rows
    goals = [g.text for g in plan.goals.all()]
    assert "Förbundet ska ha minst 2 000 tkr eget kapital för oförutsedda händelser" in goals
