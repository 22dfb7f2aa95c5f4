"""A secretary plans a meeting and writes its protocol in the browser, as in Insjöriket on 2021-11-25."""
from datetime import date

import pytest
from pages import login, screenshot

from samordna.board import services
from samordna.board.models import Meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_plan_agenda_attendance_protocol(page, live_server, lake_live, secretary):
    lake = lake_live
    earlier = lake.meeting(date(2021, 9, 24))
    services.save_paragraph(earlier, title="Handlingsplan för jämställdhet", kind="decision", text="", start=None,
                            tabled=True, decisions_text="Ärendet bordläggs till nästa möte")
    login(page, live_server)
    base = f"{live_server.url}/f/{lake.association.slug}"

    # Plan the meeting.
    page.goto(f"{base}/organ/styrelsen/moten/?ar=2021")
    page.get_by_label("Datum").fill("2021-11-25")
    page.get_by_label("Starttid").fill("13:30")
    page.get_by_label("Sluttid").fill("16:30")
    page.get_by_label("Plats").fill("Kansliet, Storgatan 1")
    page.get_by_role("button", name="Lägg in sammanträdet").click()
    page.get_by_text("Sammanträdet 2021-11-25 är inlagt i mötesplanen.").wait_for()
    page.get_by_role("link", name="2021-11-25", exact=True).click()

    # Agenda: the tabled item from September comes back as a suggestion.
    page.get_by_role("link", name="Föredragningslista", exact=True).click()
    page.get_by_text("Bordlagda ärenden som ska tas upp").wait_for()
    page.get_by_role("button", name="Ta upp Handlingsplan för jämställdhet").click()
    page.get_by_text("Bordlagt 2021-09-24, § 1121").wait_for()
    page.get_by_label("Rubrik").fill("Budget 2022")
    page.get_by_label("Förslag till beslut").fill("Styrelsen föreslås fastställa budgeten.")
    page.get_by_role("button", name="Lägg till ärende").click()
    page.get_by_role("cell", name="Budget 2022", exact=True).wait_for()

    # Attendance: five serve at the start; Arbetsförmedlingen's member leaves at 14:00.
    page.get_by_role("link", name="Närvaro", exact=True).click()
    for name in ("Ledamot Mölndals", "Ledamot Försäkringskassan", "Ledamot Västra", "Ledamot Arbetsförmedlingen",
                 "Ersättare Partille", "Ersättare Mölndals"):
        page.get_by_role("group", name=f"Närvaro för {name}").get_by_label("Närvarande").check()
    page.get_by_role("group", name="Närvaro för Ledamot Lerums").get_by_label("Anmält förhinder").check()
    page.get_by_role("button", name="Spara närvaro").click()
    page.get_by_text("5 av 8 platser tjänstgör").first.wait_for()
    page.get_by_role("link", name="Närvaro och tider för Ledamot Arbetsförmedlingen").click()
    page.locator("#id_presence-0-end").fill("14:00")
    page.get_by_role("button", name="Spara närvaro").click()
    page.get_by_text("Närvaron för Ledamot Arbetsförmedlingen är sparad.").wait_for()
    assert page.get_by_text("till kl. 14:00").is_visible()
    screenshot(page, "attendance.png")

    # Protocol: three paragraphs, numbered on from September's § 1121; the last one, after 14:00, is not quorate.
    page.get_by_role("link", name="Skriv protokoll", exact=True).click()
    write(page, "Sammanträdet öppnas", "13:30", kind="Informationsärende")
    write(page, "Val av justerare", "13:40", decisions="utse Ersättare Partille att justera protokollet")
    write(page, "Budget 2022", "14:10", decisions="fastställa budgeten enligt förslag")
    page.locator("#id_decisions_text_error").get_by_text("Styrelsen är inte beslutsför vid § 1124").wait_for()
    assert page.get_by_label("Rubrik").input_value() == "Budget 2022"
    page.get_by_label("Bordläggs").check()
    page.get_by_label("Beslut", exact=True).fill("Ärendet bordläggs")
    page.get_by_role("button", name="Spara paragrafen").click()
    page.get_by_text("§ 1124 Budget 2022 är sparad.").wait_for()
    last = page.locator("#p1124")
    assert last.get_by_text("Inte beslutsför").is_visible()
    assert last.get_by_text("4 av 8 platser tjänstgör; minst 5 krävs").is_visible()

    # Read the protocol as the document.
    page.get_by_role("link", name="Läs protokoll", exact=True).click()
    document = page.get_by_role("article", name="Protokoll")
    for text in ("§§ 1122–1124", "Tjänstgörande ersättare", "Ersättare Partille", "Anmält förhinder", "Ledamot Lerums",
                 "att utse Ersättare Partille att justera protokollet", "Ärendet bordläggs"):
        assert document.get_by_text(text, exact=False).first.is_visible(), text
    screenshot(page, "protocol.png")
    meeting = Meeting.objects.get(date=date(2021, 11, 25))
    assert [p.number for p in meeting.paragraphs.all()] == [1122, 1123, 1124]


def write(page, title, start, kind="Beslutsärende", decisions=""):
    page.get_by_label("Rubrik").fill(title)
    page.get_by_label("Slag").select_option(label=kind)
    page.get_by_label("Kl.", exact=True).fill(start)
    page.get_by_label("Beslut", exact=True).fill(decisions)
    page.get_by_role("button", name="Spara paragrafen").click()
