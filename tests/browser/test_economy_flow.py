"""Planning a year in the browser: population by hand, a financing plan, a budget line, an outcome file; axe on the pages."""
from datetime import date
from decimal import Decimal as D

import pytest
from pages import axe_problems, login

from samordna.associations.services import set_population
from samordna.economy import services
from samordna.economy.models import Budget, BudgetLine, FinancingPlan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

@pytest.fixture(autouse=True)
def _warm_server(live_server):
    """The live server imports every app's URLs on its first request, which takes longer than the page timeout on a
    busy machine; ask once with a generous timeout before the browser does."""
    import urllib.request
    urllib.request.urlopen(f"{live_server.url}/logga-in/", timeout=120).read()


POPULATION = {"Mölndals stad": 69_500, "Härryda kommun": 38_600, "Partille kommun": 39_400, "Lerums kommun": 43_300}


def test_plan_a_year(page, live_server, lake_live, secretary, tmp_path):
    lake = lake_live
    for name, people in POPULATION.items():
        set_population(lake.members[name], date(2023, 6, 30), people)
    login(page, live_server)
    page.goto(f"{live_server.url}/f/{lake.association.slug}/")
    page.get_by_role("link", name="Ekonomi").click()
    page.get_by_role("link", name="Folkmängd").click()
    page.get_by_label("Kommun", exact=True).select_option(label="Alingsås kommun")
    page.get_by_label("Datum").fill("2023-06-30")
    page.get_by_label("Folkmängd").fill("42000")
    page.get_by_role("button", name="Spara folkmängden").click()
    assert "Folkmängden för Alingsås kommun är sparad" in page.content()

    page.goto(f"{live_server.url}/f/{lake.association.slug}/ekonomi/finansiering/2024/")
    page.get_by_label("äskande, total (tkr)", exact=False).fill("19000")
    page.get_by_label("statlig tilldelning (tkr)", exact=False).fill("9011")
    page.get_by_role("button", name="Spara finansieringsplanen").click()
    table = page.get_by_role("table", name="Bidrag per förbundsmedlem 2024 (tkr)")
    assert "4\u00a0505,5" in table.inner_text() and "18\u00a0022,0" in table.inner_text()

    page.get_by_role("link", name="Budget").first.click()
    page.get_by_label("eget kapital vid årets början (tkr)", exact=False).fill("3000")
    page.get_by_role("button", name="Skapa budgeten").click()
    page.get_by_label("Del", exact=True).select_option(label="Intäkter")
    page.get_by_label("Benämning").fill("Bidrag från medlemmarna")
    page.get_by_label("Budget (tkr)", exact=True).fill("18022")
    page.get_by_label("Konton").fill("3000-3099")
    page.get_by_role("button", name="Lägg till raden").click()
    page.get_by_label("Del", exact=True).select_option(label="Styrning, ledning och administration")
    page.get_by_label("Benämning").fill("Kanslipersonal")
    page.get_by_label("Budget (tkr)", exact=True).fill("2000")
    page.get_by_label("Konton").fill("7200-7299")
    page.get_by_role("button", name="Lägg till raden").click()
    assert "Välj kostnadsslag" in page.content()  # kept input, message next to the field
    assert page.get_by_label("Benämning").input_value() == "Kanslipersonal"
    page.get_by_label("Kostnadsslag").select_option(label="Kanslipersonal")
    page.get_by_role("button", name="Lägg till raden").click()
    assert "Raden ”Kanslipersonal” är tillagd" in page.content()

    page.get_by_role("link", name="Utfall och eget kapital").first.click()
    bookings = tmp_path / "huvudbok.csv"
    bookings.write_text("datum;konto;belopp\n2024-01-31;3010;-9011000\n2024-03-31;7210;600000\n", encoding="utf-8")
    page.get_by_label("Fil").set_input_files(str(bookings))
    page.get_by_role("button", name="Läs in utfallet").click()
    assert "Utfallet är inläst (jan, mar)" in page.content()
    assert "Varning:" in page.content()  # 3 000 + 16 022 far above the guideline's ceiling


def test_economy_pages_have_no_serious_violations(page, live_server, lake_live, secretary):
    lake = lake_live
    for name, people in POPULATION.items():
        set_population(lake.members[name], date(2023, 6, 30), people)
    set_population(lake.members["Alingsås kommun"], date(2023, 6, 30), 42_000)
    services.save_plan(FinancingPlan(association=lake.association, year=2024, requested_total=D(20_000)))
    b = services.save_budget(Budget(association=lake.association, year=2024, opening_equity=D(3_000)))
    services.save_line(BudgetLine(association=lake.association, budget=b, section="income", label="Bidrag",
                                  amount=D(20_000), accounts="3000-3099"))
    services.save_line(BudgetLine(association=lake.association, budget=b, section="overhead", category="it",
                                  label="IT", amount=D(500), accounts="5400"))
    login(page, live_server)
    base = f"{live_server.url}/f/{lake.association.slug}/ekonomi"
    paths = ["/", "/finansiering/2024/", "/folkmangd/", "/budget/2024/", "/utfall/2024/", "/utfall/2024/?visa=manad",
             "/avgifter/", "/uttrade/", "/installningar/"]
    assert axe_problems(page, [base + path for path in paths]) == []


def _board_paragraph(lake, title):
    from factories import write_paragraph
    meeting = lake.meeting(date(2023, 11, 29))
    lake.afternoon_of_2021_11_25(meeting)
    return write_paragraph(meeting, title, decisions="anta verksamhetsplanen")


def test_write_preview_and_adopt_a_business_plan(page, live_server, lake_live, secretary):
    from pages import screenshot

    from samordna.economy.models import BusinessPlan

    lake = lake_live
    b = services.save_budget(Budget(association=lake.association, year=2024, opening_equity=D(3_000)))
    services.save_line(BudgetLine(association=lake.association, budget=b, section="overhead", category="office_staff",
                                  label="Kansliets personal", amount=D(1_800), accounts="7200-7299"))
    _board_paragraph(lake, "Verksamhetsplan för nästa år")
    login(page, live_server)
    page.goto(f"{live_server.url}/f/{lake.association.slug}/ekonomi/")
    page.get_by_role("link", name="Verksamhetsplan").first.click()
    page.get_by_label("År").fill("2024")
    page.get_by_role("button", name="Skapa verksamhetsplanen").click()
    assert "Verksamhetsplanen för 2024 är skapad" in page.content()
    page.get_by_label("Vision").fill("Alla som kan arbeta ska få chansen.")
    page.get_by_label("Fokusområden").fill("Unga vuxna\nPersoner som varit sjukskrivna länge")
    page.get_by_role("button", name="Spara texterna").click()
    assert "Texterna är sparade" in page.content()
    page.get_by_label("Mål", exact=True).fill("Fler deltagare närmar sig arbete")
    page.get_by_label("Indikatorer").fill("Andel som går vidare till arbete eller studier")
    page.get_by_role("button", name="Lägg till målet").click()
    assert "Målet ”Fler deltagare närmar sig arbete” är tillagt" in page.content()

    page.get_by_role("link", name="Förhandsvisning").click()
    preview = page.get_by_role("article").inner_text()
    assert "Alla som kan arbeta ska få chansen." in preview and "Kansliets personal" in preview
    assert "Indikator: Andel som går vidare till arbete eller studier" in preview

    page.get_by_role("link", name="Anta planen").click()
    page.get_by_role("button", name="Anta och lås planen").click()
    assert "Välj paragrafen i styrelsens protokoll" in page.content()  # nothing chosen: nothing adopted
    page.get_by_label("Paragraf i styrelsens protokoll").select_option(index=1)
    page.get_by_role("button", name="Anta och lås planen").click()
    assert "är antagen och låst" in page.content()
    plan = BusinessPlan.objects.get(association=lake.association, year=2024)
    assert plan.adopted and plan.content_hash in page.content()
    screenshot(page, "economy-business-plan-adopted.png")
    page.get_by_role("link", name="Texter och mål").click()
    assert page.get_by_role("button", name="Spara texterna").count() == 0  # frozen: no form to edit


def test_business_plan_and_key_figure_pages_have_no_serious_violations(page, live_server, lake_live, secretary):
    from samordna.economy import services_plan

    lake = lake_live
    b = services.save_budget(Budget(association=lake.association, year=2024, opening_equity=D(3_000)))
    services.save_line(BudgetLine(association=lake.association, budget=b, section="income", label="Bidrag",
                                  amount=D(20_000), accounts="3000-3099"))
    services.import_actuals(b, "datum;konto;belopp\n2024-01-31;3010;-9000000\n".encode(), "bok.csv")
    draft = services_plan.create_plan(lake.association, 2025)
    services_plan.save_texts(draft, {"vision": "En vision."})
    adopted = services_plan.create_plan(lake.association, 2024)
    services_plan.adopt(adopted, _board_paragraph(lake, "Verksamhetsplan"))
    login(page, live_server)
    base = f"{live_server.url}/f/{lake.association.slug}/ekonomi"
    paths = ["/?ar=2024", "/verksamhetsplan/", "/verksamhetsplan/2025/", "/verksamhetsplan/2025/forhandsvisning/",
             "/verksamhetsplan/2025/anta/", "/verksamhetsplan/2024/", "/verksamhetsplan/2024/forhandsvisning/",
             "/verksamhetsplan/2024/anta/"]
    assert axe_problems(page, [base + path for path in paths]) == []
