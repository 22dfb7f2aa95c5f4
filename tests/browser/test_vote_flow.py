"""A roll-call vote in the browser: jäv, a motion, the ballots, a reservation; then read on the protocol page and in the PDF."""
import io
from datetime import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from pages import login, screenshot
from pypdf import PdfReader

from samordna.board import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

YES = ["Ledamot Arbetsförmedlingen", "Ledamot Försäkringskassan", "Ersättare Alingsås", "Ersättare Härryda", "Ledamot Mölndals"]
NO = ["Ersättare Partille", "Ledamot Västra"]
RESULT = "Med 5 ja-röster mot 2 nej-röster beslutar styrelsen att insatsen förlängs till och med 2022."


def serious(page, where):
    results = Axe().run(page)
    assert results.response["passes"], f"axe ran no checks on {where}"
    return [f"{where}: {v['id']} – {v['help']}" for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


def test_record_a_vote_with_a_reservation_and_read_it(page, live_server, lake_live, secretary):
    lake = lake_live
    meeting = lake.meeting()
    lake.afternoon_of_2021_11_25(meeting)
    services.save_officers(meeting, chair=lake.people["Ledamot Mölndals"], secretary=None, adjusters=[lake.people["Ersättare Partille"]])
    services.save_paragraph(meeting, title="Förlängning av insatsen", kind="decision", text="Kansliet föreslår förlängning.",
                            start=time(13, 45), tabled=False, decisions_text="förlänga insatsen till och med 2022")
    services.save_paragraph(meeting, title="Samverkansavtal", kind="decision", text="", start=time(14, 30), tabled=False,
                            decisions_text="godkänna avtalet")
    login(page, live_server)
    page.goto(f"{live_server.url}/f/{lake.association.slug}/moten/{meeting.pk}/protokoll/")

    # Jäv at § 1122: the member leaves and the substitute of the same Member serves instead.
    page.get_by_role("link", name="Jäv, yrkanden och omröstning § 1122").click()
    page.get_by_label("Vem anmäler jäv?").select_option(label="Ledamot Mölndals")
    page.get_by_label("Anteckning").fill("Sitter i utförarens styrelse")
    page.get_by_role("button", name="Anteckna jäv").click()
    page.get_by_text("Ledamot Mölndals anmäler jäv och deltar inte i handläggningen. Ersättare Mölndals tjänstgör i stället.").first.wait_for()
    problems = serious(page, "jäv")

    # § 1121: a motion, then the vote.
    page.goto(f"{live_server.url}/f/{lake.association.slug}/moten/{meeting.pk}/protokoll/")
    page.get_by_role("link", name="Jäv, yrkanden och omröstning § 1121").click()
    page.get_by_label("Yrkande av").select_option(label="Ledamot Västra")
    page.get_by_label("Yrkande", exact=True).fill("att ärendet återremitteras till kansliet")
    page.get_by_role("button", name="Anteckna yrkandet").click()
    page.get_by_text("Ledamot Västra yrkar att ärendet återremitteras till kansliet.").first.wait_for()

    page.get_by_label("Propositionsordning", exact=True).fill("Först förslaget mot återremissyrkandet.")
    page.get_by_label("Proposition", exact=True).fill("Förslaget mot återremiss")
    page.get_by_label("Den som röstar ja bifaller").fill("att insatsen förlängs till och med 2022")
    page.get_by_label("Den som röstar nej bifaller").fill("att ärendet återremitteras till kansliet")
    # First a mistake: one voter left out. Nothing is saved and the rest stays filled in.
    for name in YES[:-1]:
        page.get_by_label(f"{name}: Ja", exact=True).check()
    for name in NO:
        page.get_by_label(f"{name}: Nej", exact=True).check()
    page.get_by_role("button", name="Spara omröstningen").click()
    page.get_by_text("Ledamot Mölndals tjänstgör vid § 1121 men har ingen röst.").first.wait_for()
    assert page.get_by_label("Ledamot Västra: Nej", exact=True).is_checked()
    problems += serious(page, "omröstning med fel")
    page.get_by_label("Ledamot Mölndals: Ja", exact=True).check()
    page.get_by_label("Antal ja enligt ordförandens besked").fill("5")
    page.get_by_role("button", name="Spara omröstningen").click()
    page.get_by_text("Omröstningen vid § 1121 är sparad.").wait_for()
    assert page.get_by_text(RESULT).is_visible()

    page.get_by_label("Vem reserverar sig?").select_option(label="Ledamot Västra")
    page.get_by_label("Skriftlig motivering").fill("Deltagarnas behov är inte utredda.")
    page.get_by_role("button", name="Anteckna reservationen").click()
    page.get_by_text("Reservationen från Ledamot Västra är antecknad.").wait_for()
    problems += serious(page, "omröstning sparad")
    assert problems == []
    screenshot(page, "vote.png")

    # The protocol page prints it like a municipal extract.
    page.get_by_role("link", name="Läs protokoll").click()
    section = page.locator("#p1121")
    for text in ("Ledamot Västra yrkar att ärendet återremitteras till kansliet.", "Först förslaget mot återremissyrkandet.",
                 RESULT, "Mot beslutet reserverar sig Ledamot Västra.", "Deltagarnas behov är inte utredda."):
        assert section.get_by_text(text).first.is_visible(), text
    rows = section.locator("table tbody tr")
    assert rows.count() == 7
    assert rows.filter(has_text="Ersättare Partille").locator("td").all_inner_texts() == ["Partille kommun", "", "X", ""]
    assert page.locator("#p1122").get_by_text("Ledamot Mölndals anmäler jäv och deltar inte i handläggningen.").is_visible()

    # …and so does the PDF.
    with page.expect_download() as download:
        page.get_by_role("link", name="Ladda ned PDF").click()
    pdf = PdfReader(io.BytesIO(open(download.value.path(), "rb").read()))
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert "Omröstning" in text and "Ja Nej Avstår" in text
    for name in YES + NO:
        assert name in text
    assert "Mot beslutet reserverar sig Ledamot Västra." in text
    assert "Med 5 ja-röster mot 2 nej-röster beslutar styrelsen att insatsen förlängs till och med 2022." in text
    assert "Ledamot Mölndals anmäler jäv och deltar inte i handläggningen. Ersättare Mölndals tjänstgör i stället." in text
