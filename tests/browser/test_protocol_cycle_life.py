"""The protocol's life after the meeting, in the browser: a recording link and an attachment on a paragraph, a tied
election decided by the system's lot, an immediately adjusted extract sent to the case's recipients, and a posting day
chosen after adjustment – each read back where a user would look."""
from datetime import date, time, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from pages import axe_problems, login, screenshot

from samordna.board import services, votes
from samordna.board.models import Meeting, Vote
from samordna.protocols.export import seal_hash
from samordna.registry import services as registry_services
from samordna.registry import services_dispatch
from samordna.registry.models import Case, ExtractDispatch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TIE = ["yes", "yes", "no", "yes", "no", "no", "abstain"]


def test_attachments_lot_extract_and_posting_day(page, live_server, lake_live, secretary, tmp_path):
    lake = lake_live
    slug = lake.association.slug
    meeting = lake.meeting()
    lake.afternoon_of_2021_11_25(meeting)
    services.save_officers(meeting, chair=lake.people["Ledamot Mölndals"], secretary=None, adjusters=[lake.people["Ersättare Partille"]])
    case = registry_services.save_case(Case(association=lake.association, number="16/23", title="Val av ordförande",
                                            received_on=date(2021, 11, 1)))
    services_dispatch.add_recipient(case, name="Lerums kommun, kommunstyrelsen", email="ks@lerum.example")
    election = services.save_paragraph(meeting, title="Val av ordförande i arbetsutskottet", kind="decision", text="Två är nominerade.",
                                       start=time(13, 45), tabled=False, case_number="16/23", adjusted_immediately=True,
                                       decisions_text="välja ordförande i arbetsutskottet")
    voters = votes.serving_voters(election)
    votes.record_vote(election, ballots={v.person.pk: c for v, c in zip(voters, TIE)}, kind="election",
                      question="Val av ordförande", yes_means="att välja den först nominerade", no_means="att välja den andra nominerade")
    base = f"{live_server.url}/f/{slug}/moten/{meeting.pk}"
    login(page, live_server)

    # Recording and attachment.
    page.goto(f"{base}/protokoll/")
    page.get_by_role("link", name="Bilagor och inspelning § 1121").click()
    page.get_by_label("Adress till inspelningen").fill("https://play.example.se/styrelsen-2021-11-25")
    page.get_by_label("Startar vid").fill("42 min")
    page.get_by_role("button", name="Lägg till länken").click()
    page.get_by_text("Skriv starttiden som tt:mm:ss").first.wait_for()
    assert page.get_by_label("Adress till inspelningen").input_value() == "https://play.example.se/styrelsen-2021-11-25"
    page.get_by_label("Startar vid").fill("00:42:10")
    page.get_by_role("button", name="Lägg till länken").click()
    page.get_by_text("Länken till inspelningen är tillagd vid § 1121.").wait_for()
    nomination = tmp_path / "nomineringar.txt"
    nomination.write_text("Valberedningen nominerar två kandidater.", encoding="utf-8")
    page.get_by_label("Fil", exact=True).set_input_files(str(nomination))
    page.get_by_label("Rubrik").fill("Valberedningens förslag")
    page.get_by_role("button", name="Ladda upp bilagan").click()
    page.get_by_text("Bilagan ”Valberedningens förslag” är tillagd vid § 1121.").wait_for()
    attachments_url = page.url.split("#")[0]
    screenshot(page, "paragraph-attachments.png")

    # The lot.
    page.goto(f"{base}/protokoll/{election.pk}/votering/")
    page.get_by_text("avgörs genom lottning, som ännu inte har förrättats").first.wait_for()
    page.get_by_role("button", name="Förrätta lottning").click()
    page.get_by_text("Lottningen förrättades av samordna").first.wait_for()
    assert page.get_by_role("button", name="Förrätta lottning").count() == 0
    vote = Vote.objects.get(paragraph=election)
    assert vote.lot_winner in ("yes", "no") and vote.lot_drawn_by == secretary
    screenshot(page, "vote-lot.png")

    # Read with the paragraph.
    page.goto(f"{base}/protokoll/las/")
    assert page.get_by_role("link", name="Valberedningens förslag").is_visible()
    assert page.get_by_role("link", name="Inspelning från sammanträdet, från 00:42:10").is_visible()
    assert page.get_by_text(vote.lot_text).is_visible()

    # The extract of the immediately adjusted paragraph goes to the case's recipient.
    page.goto(f"{base}/utdrag/")
    page.get_by_label("§ 1121 Val av ordförande i arbetsutskottet (Dnr 16/23)").check()
    page.get_by_role("button", name="Välj mottagare och skicka").click()
    assert page.get_by_label("Lerums kommun, kommunstyrelsen <ks@lerum.example> (Dnr 16/23)").is_checked()
    page.get_by_label("Andra mottagare").fill("inte en adress")
    page.get_by_role("button", name="Skicka utdraget").click()
    page.get_by_text("Rad 1: ”inte en adress” är ingen e-postadress").first.wait_for()
    assert not ExtractDispatch.objects.exists()
    page.get_by_label("Andra mottagare").fill("Revisorerna <revision@sjolandet.example>")
    page.get_by_role("button", name="Skicka utdraget").click()
    page.get_by_text("Utdraget är skickat till").wait_for()
    dispatch = ExtractDispatch.objects.get()
    assert {r["email"] for r in dispatch.recipients} == {"ks@lerum.example", "revision@sjolandet.example"}
    assert mail.outbox and mail.outbox[-1].attachments[0][0].endswith(".pdf")
    extract_url = page.url.split("#")[0]
    screenshot(page, "extract-sent.png")
    page.goto(f"{live_server.url}/f/{slug}/diarium/{case.pk}/")
    assert page.get_by_role("cell", name="Lerums kommun, kommunstyrelsen <ks@lerum.example>, Revisorerna <revision@sjolandet.example>").is_visible()

    # After adjustment the secretary posts the notice tomorrow; the public board shows it from then.
    today = timezone.localdate()
    Meeting.objects.filter(pk=meeting.pk).update(protocol_status="adjusted", adjusted_on=today, notice_posted=today,
                                                 content_hash=seal_hash(meeting))
    page.goto(f"{base}/justering/")
    page.get_by_role("link", name="Välj anslagsdag").click()
    page.get_by_label("Anslagsdag").fill((today - timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Spara anslagsdagen").click()
    page.get_by_text("före justeringen").first.wait_for()
    posting_url = page.url
    page.get_by_label("Anslagsdag").fill((today + timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Spara anslagsdagen").click()
    page.get_by_text(f"Anslaget sätts upp {(today + timedelta(days=1)).isoformat()}").wait_for()
    assert Meeting.objects.get(pk=meeting.pk).notice_posted == today + timedelta(days=1)
    assert page.goto(f"{live_server.url}/f/{slug}/anslagstavla/{meeting.pk}/").status == 404

    problems = axe_problems(page, [attachments_url, extract_url, posting_url, f"{base}/protokoll/las/"])
    assert problems == []
