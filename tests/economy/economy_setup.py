"""Shared set-up for the economy tests: the lake association with SCB codes, population and money."""
from datetime import date
from decimal import Decimal as D

from samordna.associations import services as association_services
from samordna.economy import services
from samordna.economy.models import Budget, BudgetLine, FinancingPlan

CODES = {"Mölndals stad": "1481", "Härryda kommun": "1401", "Partille kommun": "1402", "Lerums kommun": "1441",
         "Alingsås kommun": "1489"}
POPULATION = {"Mölndals stad": 69_500, "Härryda kommun": 38_600, "Partille kommun": 39_400, "Lerums kommun": 43_300,
              "Alingsås kommun": 42_000}


def with_codes(lake):
    for name, code in CODES.items():
        member = lake.members[name]
        member.municipality_code = code
        association_services.save_member(member)
    return lake


def with_population(lake, day=date(2023, 6, 30)):
    for name, people in POPULATION.items():
        association_services.set_population(lake.members[name], day, people)
    return lake


def plan(lake, year=2024, total=D(20_000), **extra):
    return services.save_plan(FinancingPlan(association=lake.association, year=year, requested_total=total, **extra))


def budget(lake, year=2024, opening=D(5_000)):
    result = services.save_budget(Budget(association=lake.association, year=year, opening_equity=opening))
    rows = [(BudgetLine.Section.INCOME, "", "Bidrag från medlemmarna", 20_000, "3000-3099"),
            (BudgetLine.Section.INDIVIDUAL, "", "Lågtröskelverksamhet, Mölndal", 9_000, "4010"),
            (BudgetLine.Section.STRUCTURAL, "", "Utbildning och metodstöd", 1_000, "4500-4599"),
            (BudgetLine.Section.OVERHEAD, BudgetLine.Category.OFFICE_STAFF, "Kanslipersonal", 2_500, "7200-7299"),
            (BudgetLine.Section.OVERHEAD, BudgetLine.Category.FINANCE_AUDIT, "Ekonomiservice och revision", 300, "6400-6499")]
    for n, (section, category, label, amount, accounts) in enumerate(rows):
        services.save_line(BudgetLine(association=lake.association, budget=result, section=section, category=category,
                                      label=label, amount=D(amount), accounts=accounts, position=n))
    return result


def planned_years(lake):
    """Member codes, population, plans for 2024 (allocation as given) and 2025 (total in whole tkr), and a budget."""
    with_codes(lake)
    with_population(lake)
    plan(lake, 2024, state_allocation=D(9011))
    plan(lake, 2025, total=D(20_000), unit=D(1))
    return budget(lake)
