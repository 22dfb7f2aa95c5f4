"""The public notice board: adjusted protocols with notice and appeal dates, as a page, Atom and JSON."""
from datetime import date, time

import pytest
from django.urls import reverse
from django.utils import timezone

from samordna.board import services
from samordna.protocols.export import content_hash, meeting_protocol

pytestmark = pytest.mark.django_db


def adjust(meeting, adjusted_on):
    meeting.protocol_status = "adjusted"
    meeting.adjusted_on = adjusted_on
    meeting.notice_posted = adjusted_on
    meeting.content_hash = content_hash(meeting_protocol(meeting))
    meeting.save()
    return meeting


@pytest.fixture
def board(lake):
    old = lake.meeting(date(2023, 3, 24), start=time(13, 0), end=time(16, 10))
    for name in ("Ledamot Mölndals", "Ledamot Försäkringskassan", "Ledamot Västra", "Ledamot Partille", "Ledamot Lerums"):
        lake.attend(old, name)
    services.save_paragraph(old, title="Årsredovisning 2022", kind="decision", text="", start=None, tabled=False,
                            decisions_text="godkänna årsredovisningen")
    new = lake.meeting(timezone.localdate(), start=time(9, 0), end=time(12, 0))
    services.save_paragraph(new, title="Budget", kind="information", text="", start=None, tabled=False)
    return adjust(old, date(2023, 4, 5)), adjust(new, timezone.localdate())


def test_dates_follow_the_law(client, lake, board):
    data = client.get(reverse("notice_board_json", args=[lake.association.slug])).json()
    by_date = {n["meeting_date"]: n for n in data["notices"]}
    goteborg_like = by_date["2023-03-24"]
    assert (goteborg_like["posted"], goteborg_like["appeal_last_day"], goteborg_like["remove_after"]) == (
        "2023-04-05", "2023-04-26", "2023-04-27")
    assert goteborg_like["current"] is False and by_date[timezone.localdate().isoformat()]["current"] is True


def test_page_separates_current_and_archive_without_login(client, lake, board):
    html = client.get(reverse("notice_board", args=[lake.association.slug])).content.decode()
    current, archive = html.split("Tidigare anslag")
    assert timezone.localdate().isoformat() in current and "2023-04-27" in archive
    assert "laglighetsprövning" in html and "tre veckor" in html


def test_public_protocol_and_feed(client, lake, board):
    old, _ = board
    page = client.get(reverse("notice_protocol", args=[lake.association.slug, old.pk])).content.decode()
    assert "Årsredovisning 2022" in page and old.content_hash in page
    feed = client.get(reverse("notice_board_feed", args=[lake.association.slug]))
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert "Sista dag att överklaga 2023-04-26" in feed.content.decode()


def test_drafts_never_reach_the_board(client, lake):
    draft = lake.meeting(date(2023, 5, 12))
    assert client.get(reverse("notice_protocol", args=[lake.association.slug, draft.pk])).status_code == 404
    assert client.get(reverse("notice_board_json", args=[lake.association.slug])).json()["notices"] == []


def test_summons_goes_by_mail_with_invitation_and_to_the_board(client, lake):
    from django.core import mail
    from django.core.exceptions import ValidationError

    from samordna.board.summons import send_summons

    meeting = lake.meeting(timezone.localdate(), start=time(13, 30), end=time(16, 30))
    with pytest.raises(ValidationError, match="Föredragningslistan är tom"):
        send_summons(meeting)
    services.add_agenda_item(meeting, title="Budget 2027", kind="decision", case_number="7/26", proposal="Fastställa budgeten.")
    with pytest.raises(ValidationError, match="e-postadress"):
        send_summons(meeting)
    for person in lake.people.values():
        person.email = f"{person.pk}@example.se"
        person.save()
    sent = send_summons(meeting)
    assert len(sent) == 16 and mail.outbox[0].bcc == sent and mail.outbox[0].to == []
    message = mail.outbox[0]
    assert "Budget 2027 (Dnr 7/26)" in message.body and "Förslag till beslut: Fastställa budgeten." in message.body
    (name, content, mimetype) = message.attachments[0]
    content = content.decode() if isinstance(content, bytes) else content
    assert name == "kallelse.ics" and "METHOD:REQUEST" in content and "DTSTART;TZID=Europe/Stockholm" in content
    board_html = client.get(reverse("notice_board", args=[lake.association.slug])).content.decode()
    assert "Kallelser till öppna sammanträden" not in board_html
    meeting.public = True
    meeting.save()
    board_html = client.get(reverse("notice_board", args=[lake.association.slug])).content.decode()
    assert "Kallelser till öppna sammanträden" in board_html and "Budget 2027" in board_html


def test_announced_delegated_decisions_stay_on_the_board_until_reported(client, lake):
    from samordna.registry.models import DelegatedDecision, DelegationPoint
    from samordna.registry.services_followup import report_delegated_decisions, save_delegated_decision, save_delegation_point

    point = save_delegation_point(DelegationPoint(association=lake.association, code="3.2", title="Avtal under 100 000 kr",
                                                  delegate="Förbundschef"))
    chief = lake.people["Ledamot Mölndals"]
    shown = save_delegated_decision(DelegatedDecision(
        association=lake.association, point=point, decided_by=chief, decided_on=date(2023, 2, 1),
        subject="Avtal om lokalhyra för insatsen", case_number="7/23", announce=True))
    save_delegated_decision(DelegatedDecision(
        association=lake.association, point=point, decided_by=chief, decided_on=date(2023, 2, 2),
        subject="Inköp av kontorsmaterial", announce=False))
    page = client.get(f"/f/{lake.association.slug}/anslagstavla/").content.decode()
    assert "Avtal om lokalhyra för insatsen" in page and "7/23" in page
    assert "kontorsmaterial" not in page
    meeting = lake.meeting(day=date(2023, 3, 1))
    report_delegated_decisions(meeting, [shown])
    services.paragraph_from_agenda(meeting, meeting.agenda_items.get())
    assert "Avtal om lokalhyra" not in client.get(f"/f/{lake.association.slug}/anslagstavla/").content.decode()
