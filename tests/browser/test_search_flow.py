"""A board member searches from the header and lands on the paragraph in the protocol."""
from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe
from pages import login, screenshot

from samordna.board import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_from_the_header_to_the_paragraph(page, live_server, lake_live, secretary):
    meeting = lake_live.meeting(day=date(2023, 5, 17))
    lake_live.afternoon_of_2021_11_25(meeting)
    services.save_paragraph(meeting, title="Elings ark – förlängning", kind="decision", start=None, tabled=False,
                            text="Avtalet med utföraren kan förlängas ett år.", decisions_text="förlänga avtalet ett år")
    services.save_paragraph(meeting, title="Budget 2024", kind="decision", start=None, tabled=False,
                            text="Samordningsförbundets budget för nästa år föredras.", decisions_text="fastställa budgeten")
    login(page, live_server)
    page.goto(f"{live_server.url}/f/{lake_live.association.slug}/")
    page.get_by_label("Sök i förbundets protokoll och ärenden").fill("förbund budget")
    page.get_by_label("Sök i förbundets protokoll och ärenden").press("Enter")
    page.get_by_role("heading", name="Träffar (1)").wait_for()
    assert page.locator("mark", has_text="Samordningsförbundets").count() == 1
    results = Axe().run(page)
    serious = [v["id"] for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []
    screenshot(page, "search.png")
    page.get_by_role("link", name="§ 1122 Budget 2024").click()
    page.wait_for_url(f"**/moten/{meeting.pk}/protokoll/las/#p1122")
    assert page.locator("#p1122").is_visible()
