"""A secretary registers an intervention, a reporter enters a month, the board reads the dashboard, a visitor the
catalogue; axe finds no serious or critical violations on the interventions pages."""
from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import User
from pages import login, screenshot

from samordna.accounts.models import AssociationRole
from samordna.interventions import services
from samordna.interventions.models import Contract, Goal, Intervention, Orientation, Report
from samordna.rules.followup import breakdown_field

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def last_month():
    today = date.today().replace(day=1)
    return date(today.year - 1, 12, 1) if today.month == 1 else date(today.year, today.month - 1, 1)


def values_for(intervention, participants):
    values = {"participants_end": participants, "started": participants, "ended": 0, "queue_end": 2, "median_wait_days": 10}
    for measure in ("participants_end", "started"):
        values[breakdown_field(measure, "gender", "woman")] = participants
        values[breakdown_field(measure, "age", "30-39")] = participants
        values[breakdown_field(measure, "support", "social_assistance")] = participants
    return values


@pytest.fixture
def gard(lake_live):
    association = lake_live.association
    services.ensure_defaults(association)
    intervention = services.save_intervention(
        Intervention(association=association, name="Gården", orientation=Orientation.objects.get(association=association,
                                                                                                  name="Förberedande"),
                     provider="Gröna gården AB", start=date(2023, 1, 1), capacity_at_once=12, group_based=True,
                     places_per_group=12, description="Trädgård och samtal i grupp.", target_group="Vuxna med stressrelaterad ohälsa",
                     referral="Remiss från handläggaren."),
        owners=[lake_live.members["Mölndals stad"]], municipalities=[lake_live.members["Lerums kommun"]])
    services.save_goal(Goal(intervention=intervention, indicator="andel som upplever förbättrad hälsa", target=70, unit="%"))
    services.save_contract(Contract(intervention=intervention, provider="Gröna gården AB", start=date(2023, 1, 1),
                                    end=date(2030, 12, 31), extension_options="ett år till", decide_by=date.today()))
    return intervention


def budget_and_survey(association, intervention):
    """This year's budget with a line for the intervention and some outcome, and ten exit-survey answers."""
    from decimal import Decimal

    from samordna.economy import services as economy
    from samordna.economy.models import Actual, BudgetLine
    from samordna.survey.services import create_distribution, create_questionnaire, submit_response

    year = date.today().year
    budget = economy.ensure_budget(association, year)
    line = economy.save_line(BudgetLine(association=association, budget=budget, section="individual", label="Gården, grupper",
                                        intervention=intervention, amount=Decimal("480")))
    economy.save_line(BudgetLine(association=association, budget=budget, section="overhead", category="office_staff",
                                 label="Kansliet", amount=Decimal("900")))
    Actual.objects.create(association=association, line=line, month=1, amount=Decimal("40"))
    questionnaire = create_questionnaire(association, "Avslutsenkät", publish_on=date(year, 1, 1))
    distribution = create_distribution(association, questionnaire, intervention=intervention)
    version = questionnaire.current
    health = version.questions.get(key="halsa")
    for _ in range(10):
        submit_response(distribution, version.pk, {str(health.pk): ["5"]}, date(year, 1, 15))


def test_secretary_registers_an_intervention(page, live_server, lake_live, secretary):
    services.ensure_defaults(lake_live.association)
    login(page, live_server)
    page.goto(f"{live_server.url}/f/sjolandet/insatser/")
    page.get_by_role("link", name="Registrera insats").click()
    page.get_by_label("Namn").fill("Balder")
    page.get_by_label("Preciserad inriktning").select_option(label="Samordnande (individinriktad)")
    page.get_by_label("Mölndals stad").first.check()
    page.get_by_label("Startdatum").fill("2021-01-01")
    page.get_by_label("Platser samtidigt").fill("40")
    page.get_by_role("button", name="Registrera insatsen").click()
    page.get_by_role("heading", name="Balder", level=1).wait_for()
    assert Intervention.objects.get(name="Balder").capacity_at_once == 40


def test_reporter_enters_a_month_and_a_refusal_keeps_the_input(page, live_server, lake_live, gard):
    user = User.objects.create_user("rapportor", password="hemligt-lösen-1")
    AssociationRole.objects.create(user=user, association=lake_live.association, role="reporter")
    services.assign_reporter(gard, user)
    login(page, live_server, username="rapportor")
    page.goto(f"{live_server.url}/f/sjolandet/insatser/")
    page.get_by_role("link", name="Gården").click()
    month = last_month()
    page.goto(f"{live_server.url}/f/sjolandet/insatser/{gard.pk}/rapport/{month.year}/{month.month}/")
    page.get_by_label("Deltagare vid periodens slut", exact=True).fill("4")
    page.get_by_label("Påbörjade", exact=True).fill("4")
    page.get_by_label("Avslutade", exact=True).fill("0")
    page.get_by_label("Kö vid periodens slut").fill("0")
    for measure in ("participants_end", "started"):
        page.locator(f"#id_{breakdown_field(measure, 'gender', 'woman')}").fill("3")
        page.locator(f"#id_{breakdown_field(measure, 'gender', 'man')}").fill("1")
        page.locator(f"#id_{breakdown_field(measure, 'age', '40-49')}").fill("4")
        page.locator(f"#id_{breakdown_field(measure, 'support', 'sickness_benefit')}").fill("3")
    page.get_by_label("Kommentar").fill("Gruppen startade.")
    page.get_by_role("button", name="Spara månadsrapport").click()
    summary = page.locator(".error-summary")
    summary.wait_for()
    assert "summan per huvudsaklig försörjning (3)" in summary.inner_text()
    assert page.get_by_label("Kommentar").input_value() == "Gruppen startade."
    assert not Report.objects.exists()
    page.locator(f"#id_{breakdown_field('participants_end', 'support', 'none')}").fill("1")
    page.locator(f"#id_{breakdown_field('started', 'support', 'none')}").fill("1")
    page.get_by_role("button", name="Spara månadsrapport").click()
    page.get_by_text("är sparad").wait_for()
    assert Report.objects.get().participants_end == 4


def test_board_dashboard_catalogue_and_axe(page, live_server, lake_live, secretary, gard):
    month = last_month()
    services.save_report(gard, month, values_for(gard, 9), user=secretary, today=date.today())
    visitor = page.context.browser.new_context(locale="sv-SE").new_page()
    visitor.goto(f"{live_server.url}/f/sjolandet/insatskatalog/")
    visitor.get_by_label("Sök bland insatserna").fill("stress")
    visitor.get_by_role("button", name="Sök").click()
    visitor.get_by_role("link", name="Gården").click()
    assert "Remiss från handläggaren." in visitor.content()
    axe = Axe()
    problems = []

    def check(p, path):
        p.goto(live_server.url + path)
        results = axe.run(p)
        assert results.response["passes"], f"axe ran no checks on {path}"
        for violation in results.response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                problems.append(f"{path}: {violation['id']} – {violation['help']} ({len(violation['nodes'])} st)")

    check(visitor, "/f/sjolandet/insatskatalog/")
    check(visitor, f"/f/sjolandet/insatskatalog/{gard.pk}/")
    visitor.context.close()
    login(page, live_server)
    page.goto(f"{live_server.url}/f/sjolandet/insatser/oversikt/")
    assert page.locator("svg").count() == 2 and "Gröna gården AB" in page.content()
    assert page.get_by_text(f"Det finns ingen budget för {date.today().year} ännu").is_visible()
    budget_and_survey(lake_live.association, gard)
    page.goto(f"{live_server.url}/f/sjolandet/insatser/oversikt/")
    assert page.locator("svg").count() == 3, "participants, queue and budget"
    assert page.get_by_role("link", name="Gården").count() >= 2
    assert page.get_by_role("heading", name="Deltagarnas svar i avslutsenkäten").is_visible()
    survey_row = page.locator("#enkat + p + .table-scroll tbody tr").first
    assert "Gården" in survey_row.inner_text() and "100 %" in survey_row.inner_text()
    screenshot(page, "interventions-dashboard.png")
    page.goto(f"{live_server.url}/f/sjolandet/insatser/{gard.pk}/andra/")
    assert page.get_by_label("Preciserad inriktning").is_disabled()
    assert page.get_by_text("är låsta eftersom insatsen har månadsrapporter").is_visible()
    base = "/f/sjolandet/insatser"
    for path in (f"{base}/", f"{base}/ny/", f"{base}/{gard.pk}/", f"{base}/{gard.pk}/rapport/{month.year}/{month.month}/",
                 f"{base}/{gard.pk}/uppfoljning/?typ=month&ar={month.year}&nr={month.month}", f"{base}/oversikt/",
                 f"{base}/installningar/", f"{base}/{gard.pk}/avtal/{gard.contracts.get().pk}/", f"{base}/uppfoljning/",
                 f"{base}/{gard.pk}/andra/"):
        check(page, path)
    assert problems == []
