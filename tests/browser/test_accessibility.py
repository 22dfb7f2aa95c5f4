"""axe-core on the board's main pages: no serious or critical violations; the pages work with the keyboard."""
from datetime import time

import pytest
from pages import axe_problems, login

from samordna.board import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_main_pages_have_no_serious_violations(page, live_server, lake_live, secretary):
    lake = lake_live
    meeting = lake.meeting()
    lake.afternoon_of_2021_11_25(meeting)
    services.add_agenda_item(meeting, title="Budget 2022", kind="decision", case_number="12/21", proposal="Fastställa budgeten.")
    services.save_paragraph(meeting, title="Budget 2022", kind="decision", text="Förslaget föredras.", start=time(14, 30),
                            tabled=False, decisions_text="fastställa budgeten")
    paragraph = meeting.paragraphs.get()
    person = lake.people["Ledamot Arbetsförmedlingen"]
    login(page, live_server)
    base = f"{live_server.url}/f/{lake.association.slug}"
    paths = ["/", f"/f/{lake.association.slug}/offentligt/", "/logga-in/", f"{base}/", f"{base}/medlemmar/",
             f"{base}/forbundsordning/", f"{base}/personer/", f"{base}/organ/", f"{base}/organ/styrelsen/",
             f"{base}/organ/styrelsen/moten/?ar=2021", f"{base}/moten/{meeting.pk}/", f"{base}/moten/{meeting.pk}/dagordning/",
             f"{base}/moten/{meeting.pk}/narvaro/", f"{base}/moten/{meeting.pk}/narvaro/{person.pk}/",
             f"{base}/moten/{meeting.pk}/protokoll/", f"{base}/moten/{meeting.pk}/protokoll/{paragraph.pk}/",
             f"{base}/moten/{meeting.pk}/protokoll/las/"]
    meeting.protocol_status, meeting.adjusted_on, meeting.notice_posted = "adjusted", meeting.date, meeting.date
    meeting.save()
    paths += [f"/f/{lake.association.slug}/anslagstavla/", f"/f/{lake.association.slug}/anslagstavla/{meeting.pk}/",
              f"{base}/moten/{meeting.pk}/justering/"]
    assert axe_problems(page, [path if path.startswith("http") else live_server.url + path for path in paths]) == []


def test_keyboard_only_reaches_the_protocol(page, live_server, lake_live, secretary):
    lake = lake_live
    meeting = lake.meeting()
    login(page, live_server)
    page.goto(f"{live_server.url}/f/{lake.association.slug}/moten/{meeting.pk}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Hoppa till innehållet"
    page.keyboard.press("Enter")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Skriv protokoll":
            break
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/moten/{meeting.pk}/protokoll/")
    page.keyboard.press("Tab")
    focused = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focused != "none"
