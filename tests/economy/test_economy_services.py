"""Services against the database: each success path, and every bad input saving nothing."""
from datetime import date
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from economy_setup import budget, plan, with_codes, with_population

from samordna.associations.models import PopulationFigure
from samordna.economy import selectors, services
from samordna.economy.models import Actual, BudgetLine, EconomySettings, Fee, FinancingPlan, Withdrawal

pytestmark = pytest.mark.django_db

SCB_CSV = ("Kommunkod;Kommun;Datum;Folkmängd\n1481;Mölndal;2023-06-30;69 512\n1401;Härryda;2023M06;38 611\n"
           "1402;Partille;2023-06-30;39408\n1441;Lerum;2023-06-30;43 290\n1489;Alingsås;2023-06-30;42 050\n")


def messages(error):
    return " ".join(error.value.messages)


def test_plan_splits_by_population_at_reference_date(lake):
    with_population(lake)
    result = selectors.plan_result(plan(lake))
    assert result.errors == []
    by_name = {row.member.name: row.amount for row in result.rows}
    assert by_name["Försäkringskassan"] == by_name["Arbetsförmedlingen"] == by_name["Västra Götalandsregionen"] == 5000
    assert sum(by_name[n] for n in ("Mölndals stad", "Härryda kommun", "Partille kommun", "Lerums kommun",
                                    "Alingsås kommun")) == 5000
    assert by_name["Mölndals stad"] > by_name["Lerums kommun"] > by_name["Alingsås kommun"]
    assert result.total == 20000 and result.population_date == date(2023, 6, 30)
    af = next(row for row in result.rows if row.member.name == "Arbetsförmedlingen")
    assert af.payer == "betalas av Försäkringskassan"


def test_state_allocation_doubles_into_the_total(lake):
    with_population(lake)
    result = selectors.plan_result(plan(lake, state_allocation=D("9011")))
    assert result.total == 18022 and "9\u00a0011 tkr × 2" in result.basis


def test_plan_without_population_explains_and_computes_nothing(lake):
    result = selectors.plan_result(plan(lake))
    assert result.rows == []
    assert "Folkmängd per 2023-06-30 saknas för Mölndals stad." in result.errors


def test_plan_rejects_total_the_unit_cannot_express_and_duplicate_years(lake):
    with pytest.raises(ValidationError) as error:
        plan(lake, total=D("18022.05"))
    assert "hela enheter" in messages(error)
    plan(lake)
    with pytest.raises(ValidationError) as error:
        plan(lake)
    assert "finns redan en finansieringsplan för 2024" in messages(error)
    assert FinancingPlan.objects.count() == 1


def test_fk_and_af_as_one_row_when_not_split(lake):
    with_population(lake)
    services.save_settings(EconomySettings(association=lake.association, split_state_share=False))
    result = selectors.plan_result(plan(lake))
    assert [(r.member.name, r.amount) for r in result.rows[:2]] == [("Försäkringskassan", 10000),
                                                                    ("Västra Götalandsregionen", 5000)]


def test_population_csv_import_all_rows(lake):
    with_codes(lake)
    assert services.import_population(lake.association, SCB_CSV.encode()) == 5
    assert lake.members["Härryda kommun"].population_on(date(2023, 6, 30)) == 38_611
    assert lake.members["Mölndals stad"].population_on(date(2023, 12, 31)) == 69_512


def test_population_csv_in_windows_1252_and_commas(lake):
    with_codes(lake)
    text = SCB_CSV.replace(";", ",").replace("69 512", "69512").replace("38 611", "38611").replace("43 290", "43290")
    text = text.replace("42 050", "42050")
    assert services.import_population(lake.association, text.encode("cp1252")) == 5


def test_population_csv_bad_rows_save_nothing(lake):
    with_codes(lake)
    bad = SCB_CSV + "1490;Borås;2023-06-30;114592\n1441;Lerum;30/6 2023;-5\n1401;Härryda;2023-06-30;38611\n"
    with pytest.raises(ValidationError) as error:
        services.import_population(lake.association, bad.encode())
    text = error.value.messages
    assert text[0] == "Folkmängden kunde inte läsas in. Inget har sparats."
    assert any(m.startswith("Rad 7: kommunkoden 1490 (Borås) hör inte till") for m in text)
    assert any(m.startswith("Rad 8: datumet ”30/6 2023” kan inte läsas") and "folkmängden ”-5”" in m for m in text)
    assert any(m.startswith("Rad 9: Härryda 2023-06-30 finns redan på rad 3") for m in text)
    assert PopulationFigure.objects.count() == 0


def test_population_by_hand_only_for_municipalities(lake):
    services.save_population(lake.members["Lerums kommun"], date(2023, 6, 30), 43_000)
    with pytest.raises(ValidationError) as error:
        services.save_population(lake.members["Försäkringskassan"], date(2023, 6, 30), 10)
    assert "bara för kommuner" in messages(error)
    assert PopulationFigure.objects.count() == 1


def test_budget_line_rules(lake):
    b = budget(lake)
    line = BudgetLine(association=lake.association, budget=b, section=BudgetLine.Section.OVERHEAD, label="Lokaler",
                      amount=D(400), accounts="5010-5099")
    with pytest.raises(ValidationError) as error:
        services.save_line(line)
    assert "Välj kostnadsslag" in messages(error)
    line.category, line.accounts = BudgetLine.Category.PREMISES, "7250"
    with pytest.raises(ValidationError) as error:
        services.save_line(line)
    assert "överlappar raden ”Kanslipersonal”" in messages(error)
    line.accounts = "50x0"
    with pytest.raises(ValidationError) as error:
        services.save_line(line)
    assert "”50x0” är inget konto" in messages(error)
    line.member = lake.members["Försäkringskassan"]
    line.accounts = "5010"
    with pytest.raises(ValidationError) as error:
        services.save_line(line)
    assert "Välj en kommun" in messages(error)
    assert BudgetLine.objects.filter(label="Lokaler").count() == 0


BOOKINGS = ("datum;konto;belopp\n2024-01-31;3010;-10 000 000\n2024-02-15;4010;1 500 000\n2024-05-20;4010;750 000,50\n"
            "2024-03-31;7210;200000\n2024-03-31;1930;-1 200 000\n")


def test_csv_actuals_per_tertial_and_income_positive(lake):
    b = budget(lake)
    assert services.import_actuals(b, BOOKINGS.encode(), "huvudbok.csv") == [1, 2, 3, 5]
    sections = {s.key: s for s in selectors.budget_sections(b, with_outcome=True)}
    income = sections["income"].lines[0]
    assert income.actual == 10000 and income.tertials == [10000, 0, 0]
    individual = sections["individual"].lines[0]
    assert individual.tertials == [1500, D("750.0005"), 0]
    # a second file for the same months replaces them rather than adding up
    services.import_actuals(b, "datum;konto;belopp\n2024-02-01;4010;100000\n".encode(), "feb.csv")
    individual = next(s for s in selectors.budget_sections(b, with_outcome=True) if s.key == "individual").lines[0]
    assert individual.months[0] == 0 and individual.months[1] == 100 and individual.months[4] == D("750.0005")


def test_csv_actuals_bad_lines_save_nothing(lake):
    b = budget(lake)
    bad = BOOKINGS + "2023-12-31;4010;5\n2024-04-01;6990;5\n2024-04-02;abc;x\n"
    with pytest.raises(ValidationError) as error:
        services.import_actuals(b, bad.encode(), "fel.csv")
    text = error.value.messages
    assert "Rad 7: datumet 2023-12-31 ligger utanför budgetåret 2024." in text
    assert any(m.startswith("Rad 8: konto 6990 hör inte till någon budgetrad") for m in text)
    assert any(m.startswith("Rad 9: kontot ”abc” ska vara ett kontonummer") for m in text)
    assert Actual.objects.count() == 0


SIE = """#FLAGGA 0
#FORMAT PC8
#SIETYP 4
#PROGRAM "Testbok" 1.0
#RAR 0 20240101 20241231
#KONTO 3010 "Bidrag fr\x86n medlemmarna"
#KONTO 4010 "L\x86gtr\x94skelverksamhet"
#VER A 1 20240131 "Medlemsbidrag"
{
#TRANS 1930 {} 5000000.00
#TRANS 3010 {} -5000000.00
}
#VER A 2 20240515 "Faktura insats"
{
#TRANS 4010 {} 812500.00 20240515 "Maj"
#TRANS 2440 {} -812500.00
}
"""


def test_sie_actuals(lake):
    b = budget(lake)
    assert services.import_actuals(b, SIE.encode("latin-1"), "bok.se") == [1, 5]
    outcome = {s.key: s for s in selectors.budget_sections(b, with_outcome=True)}
    assert outcome["income"].lines[0].actual == 5000
    assert outcome["individual"].lines[0].tertials == [0, D("812.5"), 0]
    assert Actual.objects.get(month=5).source == "SIE bok.se"


def test_sie_in_utf8_is_refused(lake):
    b = budget(lake)
    utf8 = SIE.replace("\x86", "å").replace("\x94", "ö").encode("utf-8")
    with pytest.raises(ValidationError) as error:
        services.import_actuals(b, utf8, "bok.se")
    assert "CP437" in messages(error)
    assert Actual.objects.count() == 0


def test_equity_warnings_against_floor_and_ceiling(lake):
    b = budget(lake, opening=D(1_000))
    services.save_settings(EconomySettings(association=lake.association, minimum_equity=D(2000)))
    sections = selectors.budget_sections(b, with_outcome=True)
    summary = selectors.summarise(b, sections, "forecast")
    assessment = selectors.equity_assessment(b, summary)
    assert summary.result == 7200 and assessment.equity == 8200
    assert assessment.ceiling == 3000 and assessment.percent == 15  # 20 000 tkr of income: the 15 % step
    assert any("överstiger den nationella riktlinjens tak" in w for w in assessment.warnings)
    b.opening_equity = D(-9_000)
    b.save()
    assessment = selectors.equity_assessment(b, selectors.summarise(b, sections, "forecast"))
    assert any("understiger förbundets lägsta nivå 2\u00a0000 tkr" in w for w in assessment.warnings)


def test_nns_fee_per_mille(lake):
    for year, rate in ((2023, "2"), (2024, "3.5")):
        services.save_fee(Fee(association=lake.association, year=year, name="NNS", base=D(17_143), per_mille=D(rate)))
    assert [amount for _, amount in selectors.fees(lake.association)] == [60, 34]


@pytest.mark.parametrize("fields, field, message", [
    ({"base": D(100)}, "per_mille", "både underlag och promillesats"),
    ({}, "fixed_amount", "fast belopp"),
    ({"fixed_amount": D(5), "base": D(1), "per_mille": D(1)}, "fixed_amount", "inte båda"),
    ({"fixed_amount": D(-5)}, "fixed_amount", "negativt"),
])
def test_fee_bad_input(lake, fields, field, message):
    with pytest.raises(ValidationError) as error:
        services.save_fee(Fee(association=lake.association, year=2024, name="Avgift", **fields))
    assert message in " ".join(error.value.message_dict[field])
    assert Fee.objects.count() == 0


def test_harryda_withdrawal_takes_effect_end_of_2023_and_leaves_later_plans(lake):
    with_population(lake)
    with_population(lake, date(2022, 6, 30))
    notice = Withdrawal(association=lake.association, member=lake.members["Härryda kommun"],
                        notice_date=date(2020, 6, 15), decision="Kommunfullmäktige 2020-06-15 § 128")
    assert services.register_withdrawal(notice) == []
    (saved, effective), = selectors.withdrawals(lake.association)
    assert effective == date(2023, 12, 31)
    in_2023 = {r.member.name for r in selectors.plan_result(plan(lake, year=2023)).rows}
    after = selectors.plan_result(plan(lake, year=2024))
    assert "Härryda kommun" in in_2023 and "Härryda kommun" not in {r.member.name for r in after.rows}
    assert sum(r.amount for r in after.rows if r.member.kind == "municipality") == 5000


def test_revoked_withdrawal_keeps_the_member(lake):
    notice = Withdrawal(association=lake.association, member=lake.members["Härryda kommun"],
                        notice_date=date(2020, 6, 15), decision="KF § 128")
    services.register_withdrawal(notice)
    with pytest.raises(ValidationError) as error:
        services.revoke_withdrawal(notice, date(2024, 2, 1), "KF 2024")
    assert "redan trätt i kraft (2023-12-31)" in messages(error)
    services.revoke_withdrawal(notice, date(2022, 11, 24), "KF 2022")
    assert "Härryda kommun" in {m.name for m in selectors.members_in_year(lake.association, 2024)}


def test_fk_and_af_cannot_withdraw(lake):
    for name in ("Försäkringskassan", "Arbetsförmedlingen"):
        with pytest.raises(ValidationError) as error:
            services.register_withdrawal(Withdrawal(association=lake.association, member=lake.members[name],
                                                    notice_date=date(2024, 1, 10), decision="–"))
        assert "kan inte säga upp sig" in messages(error)
    assert Withdrawal.objects.count() == 0


def test_last_region_leaving_warns_of_liquidation(lake):
    warnings = services.register_withdrawal(Withdrawal(association=lake.association,
                                                       member=lake.members["Västra Götalandsregionen"],
                                                       notice_date=date(2024, 3, 1), decision="RF § 12"))
    assert len(warnings) == 1 and "ingen region" in warnings[0] and "likvidation" in warnings[0]


def test_settings_refuse_more_than_three_years(lake):
    with pytest.raises(ValidationError) as error:
        services.save_settings(EconomySettings(association=lake.association, notice_years=4))
    assert "högst tre år" in messages(error)
    assert EconomySettings.objects.count() == 0


def test_previous_outcome_total_only_when_every_line_has_one(lake):
    b = budget(lake)
    assert selectors.summarise(b, selectors.budget_sections(b), "previous_outcome").result is None
    b.lines.update(previous_outcome=D(10))
    summary = selectors.summarise(b, selectors.budget_sections(b), "previous_outcome")
    assert (summary.income, summary.costs, summary.result) == (10, 40, -30)


def test_withdrawal_dates_must_be_plausible(lake):
    for day, field in ((date(9998, 1, 1), "notice_date"), (date(1999, 1, 1), "notice_date")):
        with pytest.raises(ValidationError) as error:
            services.register_withdrawal(Withdrawal(association=lake.association, member=lake.members["Lerums kommun"],
                                                    notice_date=day, decision="KF"))
        assert "inte rimligt" in " ".join(error.value.message_dict[field])
    with pytest.raises(ValidationError) as error:
        services.register_withdrawal(Withdrawal(association=lake.association, member=lake.members["Lerums kommun"],
                                                notice_date=date(2024, 5, 2), received_on=date(2024, 5, 1), decision="KF"))
    assert "inte ha kommit in före" in " ".join(error.value.message_dict["received_on"])
    assert Withdrawal.objects.count() == 0
