"""The protocol's life after the meeting in the browser: ready → returned → fixed → approved ×2 → frozen → public."""
from datetime import time

import pytest
from django.contrib.auth.models import User
from pages import login, screenshot

from samordna.accounts.models import AssociationRole
from samordna.board import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def as_user(browser, live_server, username):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    login(page, live_server, username, "hemligt-lösen-1")
    return page


def test_adjust_freeze_publish_extract(browser, live_server, lake_live, secretary):
    lake = lake_live
    meeting = lake.meeting()
    lake.afternoon_of_2021_11_25(meeting)
    chair, adjuster = lake.people["Ledamot Mölndals"], lake.people["Ersättare Partille"]
    for person, username in ((chair, "ordforande"), (adjuster, "justerare")):
        person.user = User.objects.create_user(username, password="hemligt-lösen-1")
        person.save()
        AssociationRole.objects.create(user=person.user, association=lake.association, role="board_member")
    services.save_officers(meeting, chair=chair, secretary=None, adjusters=[adjuster])
    services.save_paragraph(meeting, title="Budget 2022", kind="decision", text="Förslaget föredras.", start=time(14, 30),
                            tabled=False, decisions_text="fastställa budgeten")
    justering = f"{live_server.url}/f/{lake.association.slug}/moten/{meeting.pk}/justering/"

    clerk = as_user(browser, live_server, "sekreterare")
    clerk.goto(justering)
    clerk.get_by_role("button", name="Skicka till justering").click()
    clerk.get_by_text("Protokollet är skickat till ordföranden och justerarna.").wait_for()

    checker = as_user(browser, live_server, "justerare")
    checker.goto(justering)
    checker.get_by_label("Gäller paragraf").select_option(label="§ 1121 Budget 2022")
    checker.get_by_label("Vad behöver ändras?").fill("Skriv ut vilket år budgeten gäller.")
    checker.get_by_role("button", name="Återremittera till sekreteraren").click()
    checker.get_by_text("Protokollet är återremitterat").wait_for()

    clerk.goto(justering)
    clerk.get_by_text("om § 1121: Skriv ut vilket år budgeten gäller.").wait_for()
    clerk.get_by_role("link", name="Skriv protokoll", exact=True).click()
    clerk.get_by_role("link", name="Redigera § 1121").click()
    clerk.get_by_label("Beslut", exact=True).fill("fastställa budgeten för 2022")
    clerk.get_by_role("button", name="Spara paragrafen").click()
    clerk.goto(justering)
    clerk.get_by_role("button", name="Skicka till justering").click()

    for page in (as_user(browser, live_server, "ordforande"), checker):
        page.goto(justering)
        page.get_by_role("button", name="Justera protokollet").click()
        page.get_by_text("justera").first.wait_for()
    checker.get_by_text("Protokollet är låst.").wait_for()
    assert checker.get_by_text("Innehållet stämmer med det justerade protokollet.").is_visible()
    screenshot(checker, "adjusted.png")

    # Frozen: the secretary's edit is refused with a clear message.
    clerk.goto(f"{live_server.url}/f/{lake.association.slug}/moten/{meeting.pk}/protokoll/")
    clerk.get_by_label("Rubrik").fill("Sent tillägg")
    clerk.get_by_role("button", name="Spara paragrafen").click()
    clerk.get_by_text("Protokollet är justerat och kan inte ändras.").first.wait_for()

    # Public: the notice board shows it with its dates, and the PDF downloads.
    public = browser.new_page()
    public.goto(f"{live_server.url}/f/{lake.association.slug}/anslagstavla/")
    public.get_by_role("link", name="Styrelsen 2021-11-25").click()
    public.get_by_text("Sista dag att överklaga").wait_for()
    with public.expect_download() as download:
        public.get_by_role("link", name="Ladda ned protokollet (PDF)").click()
    assert download.value.suggested_filename == "protokoll-styrelsen-2021-11-25.pdf"
    screenshot(public, "notice-board-protocol.png")

    # Extract of the adjusted paragraph.
    clerk.goto(f"{live_server.url}/f/{lake.association.slug}/moten/{meeting.pk}/utdrag/")
    clerk.get_by_label("§ 1121 Budget 2022").check()
    with clerk.expect_download() as download:
        clerk.get_by_role("button", name="Skapa utdrag som PDF").click()
    assert download.value.suggested_filename == "utdrag-styrelsen-2021-11-25.pdf"
