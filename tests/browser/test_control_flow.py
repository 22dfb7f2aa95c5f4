"""Internal control in the browser: create a plan, add a risk, follow it up, read the heat map, put the plan on
a coming meeting's agenda, copy it to next year; axe finds no serious violations on the pages."""
from datetime import date, time

import pytest
from pages import axe_problems, login, screenshot

from samordna.board import services as board_services
from samordna.board.models import Meeting
from samordna.control.models import ControlPlan, FollowUp, Risk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_plan_risk_follow_up_agenda_and_copy(page, live_server, lake_live, secretary):
    lake = lake_live
    meeting = board_services.save_meeting(Meeting(body=lake.board, date=date(2099, 2, 10), start=time(9, 0), place="Kansliet"))
    login(page, live_server)
    page.goto(f"{live_server.url}/f/{lake.association.slug}/")
    page.get_by_role("navigation", name="Förbundets sidor").get_by_role("link", name="Intern kontroll").click()
    page.get_by_role("heading", name="Intern kontroll", level=1).wait_for()

    page.get_by_label("År").fill("2098")
    page.get_by_role("button", name="Skapa plan").click()
    page.get_by_role("heading", name="Internkontrollplan 2098").wait_for()

    page.get_by_role("link", name="Lägg till risk").click()
    page.get_by_label("Vad kan gå fel?").fill("Deltagare hittar inte till insatserna")
    page.get_by_label("Process eller område").fill("Insatser")
    page.get_by_label("Sannolikhet").select_option(label="3 – Möjlig")
    page.get_by_label("Konsekvens").select_option(label="3 – Kännbar")
    page.get_by_label("Åtgärdsplan").fill("Informera handläggarna hos parterna varje kvartal.")
    page.get_by_label("Frekvens").select_option(label="Varje kvartal")
    page.get_by_label("Ansvarig").select_option(label="Ledamot Försäkringskassan")
    page.get_by_role("button", name="Lägg till risken").click()
    table = page.get_by_role("table", name="Risker, åtgärder och bedömningar 2098")
    row = table.get_by_role("row").filter(has_text="Deltagare hittar inte till insatserna")
    assert "9 hög" in row.inner_text()

    row.get_by_role("link", name="Följ upp R1").click()
    page.get_by_label("Datum").fill("2098-10-01")
    page.get_by_label("Avvikelse").check()
    page.get_by_label("Bedömning").fill("Två kommuner har inte fått informationen.")
    page.get_by_label("Ny sannolikhet").select_option(label="4 – Sannolik")
    page.get_by_role("button", name="Spara uppföljningen").click()
    page.get_by_text("Uppföljningen av ”Deltagare hittar inte till insatserna” är sparad.").wait_for()
    assert "Risken har ökat från 9 till 12." in row.inner_text()
    heat_map = page.get_by_role("img", name="Riskkarta, internkontrollplan 2098")
    assert heat_map.is_visible()
    cells = page.get_by_role("table", name="Riskkartan som tabell").get_by_role("row", name="4 Sannolik")
    assert "R1 (12, mycket hög)" in cells.inner_text()
    screenshot(page, "control-plan.png")

    page.get_by_label("Sammanträde").select_option(label="Styrelsen 2099-02-10 kl. 09:00")
    page.get_by_label("Planen ska antas (beslutsärende)").check()
    page.get_by_role("button", name="Lägg till på föredragningslistan").click()
    page.wait_for_url(f"**/moten/{meeting.pk}/dagordning/")
    assert page.get_by_text("Internkontrollplan 2098").first.is_visible()
    assert meeting.agenda_items.get().kind == "decision"

    page.go_back()
    page.goto(f"{live_server.url}/f/{lake.association.slug}/intern-kontroll/2098/")
    page.get_by_label("Till år").fill("2099")
    page.get_by_role("button", name="Kopiera planen").click()
    page.get_by_role("heading", name="Internkontrollplan 2099").wait_for()
    assert "12 mycket hög" in page.get_by_role("table", name="Risker, åtgärder och bedömningar 2099").inner_text()

    pdf = page.request.get(f"{live_server.url}/f/{lake.association.slug}/intern-kontroll/2098/rapport.pdf")
    assert pdf.ok and pdf.body().startswith(b"%PDF")
    assert Risk.objects.filter(plan__association=lake.association).count() == 2
    assert FollowUp.objects.get().status == "deviation"
    assert set(ControlPlan.objects.values_list("year", flat=True)) == {2098, 2099}


def test_bad_risk_input_shows_summary_and_keeps_text(page, live_server, lake_live, secretary):
    lake = lake_live
    ControlPlan.objects.create(association=lake.association, year=2098)
    login(page, live_server)
    page.goto(f"{live_server.url}/f/{lake.association.slug}/intern-kontroll/2098/risker/ny/")
    page.get_by_label("Vad kan gå fel?").fill("Budgeten överskrids")
    page.get_by_role("button", name="Lägg till risken").click()
    summary = page.get_by_role("alert")
    assert "Det finns fel i formuläret" in summary.inner_text()
    assert page.get_by_label("Vad kan gå fel?").input_value() == "Budgeten överskrids"
    assert not Risk.objects.exists()


def test_control_pages_have_no_serious_violations(page, live_server, lake_live, secretary):
    lake = lake_live
    from samordna.control import services

    plan = services.save_plan(lake.association, year=2098)
    risk = services.save_risk(plan, title="Avtal löper ut utan beslut", probability=2, consequence=4,
                              action_plan="Avtalslista gås igenom i januari.")
    services.add_follow_up(risk, date=date(2098, 6, 1), assessment="Listan är genomgången.", status="done")
    login(page, live_server)
    base = f"{live_server.url}/f/{lake.association.slug}/intern-kontroll"
    paths = [f"{base}/", f"{base}/riskmatris/", f"{base}/2098/", f"{base}/2098/risker/ny/", f"{base}/2098/risker/{risk.pk}/",
             f"{base}/2098/risker/{risk.pk}/uppfoljning/"]
    assert axe_problems(page, paths) == []
