"""Justering: ready → returned with a comment → fixed → approved by chair and adjusters → frozen and sealed."""
from datetime import time, timedelta

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from samordna.board import adjustment, services
from samordna.board.models import Meeting, Paragraph

pytestmark = pytest.mark.django_db
NOW = timezone.now


@pytest.fixture
def ready_meeting(lake):
    meeting = lake.meeting()
    lake.afternoon_of_2021_11_25(meeting)
    chair, adjuster = lake.people["Ledamot Mölndals"], lake.people["Ersättare Partille"]
    for person, username in ((chair, "ordforande"), (adjuster, "justerare")):
        person.user = User.objects.create_user(username, password="x")
        person.email = f"{username}@example.se"
        person.save()
    services.save_officers(meeting, chair=chair, secretary=None, adjusters=[adjuster])
    services.save_paragraph(meeting, title="Budget 2022", kind="decision", text="Förslaget föredras.", start=time(14, 30),
                            tabled=False, decisions_text="fastställa budgeten")
    adjustment.mark_ready(meeting, "https://exempel.se/justera")
    return meeting, chair, adjuster


def approve(meeting, person):
    return adjustment.approve(meeting, person, person.user, authenticated_at=NOW())


def test_full_cycle_freezes_and_seals(ready_meeting):
    meeting, chair, adjuster = ready_meeting
    assert set(mail.outbox[0].to) == {"ordforande@example.se", "justerare@example.se"}
    paragraph = meeting.paragraphs.get()
    adjustment.return_protocol(meeting, adjuster, "Beslutet ska gälla budget 2022.", paragraph)
    assert meeting.protocol_status == "draft"
    services.save_paragraph(meeting, paragraph=paragraph, title="Budget 2022", kind="decision", text="Förslaget föredras.",
                            start=time(14, 30), tabled=False, decisions_text="fastställa budgeten för 2022")
    adjustment.mark_ready(meeting)
    approve(meeting, chair)
    assert not Meeting.objects.get(pk=meeting.pk).frozen
    approve(meeting, adjuster)
    meeting.refresh_from_db()
    assert meeting.frozen and meeting.adjusted_on == timezone.localdate() and meeting.notice_posted == meeting.adjusted_on
    assert len(meeting.content_hash) == 64 and adjustment.verify(meeting)
    assert set(meeting.approvals.values_list("content_hash", flat=True)) == {meeting.content_hash}


def test_bad_approvals_are_refused_and_change_nothing(ready_meeting, lake):
    meeting, chair, adjuster = ready_meeting
    outsider = lake.people["Ledamot Västra"]
    with pytest.raises(ValidationError, match="inte ordförande eller vald justerare"):
        adjustment.approve(meeting, outsider, chair.user, authenticated_at=NOW())
    with pytest.raises(ValidationError, match="Logga in igen"):
        adjustment.approve(meeting, chair, chair.user, authenticated_at=NOW() - timedelta(hours=1))
    approve(meeting, chair)
    with pytest.raises(ValidationError, match="redan justerat"):
        approve(meeting, chair)
    approve(meeting, adjuster)
    with pytest.raises(ValidationError, match="redan justerat"):
        approve(meeting, adjuster)
    assert meeting.approvals.count() == 2


def test_frozen_protocol_refuses_every_edit(ready_meeting, lake):
    meeting, chair, adjuster = ready_meeting
    with pytest.raises(ValidationError, match="väntar på justering"):
        services.save_paragraph(meeting, title="Sent tillägg", kind="information", text="", start=None, tabled=False)
    approve(meeting, chair)
    approve(meeting, adjuster)
    paragraph = meeting.paragraphs.get()
    attempts = [
        lambda: services.save_paragraph(meeting, paragraph=paragraph, title="Ändrad", kind="decision", text="",
                                        start=time(14, 30), tabled=False),
        lambda: services.delete_paragraph(paragraph),
        lambda: lake.attend(meeting, "Ledamot Härryda"),
        lambda: services.save_meeting(meeting),
        lambda: services.save_officers(meeting, chair=chair, secretary=None, adjusters=[]),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError, match="justerat och kan inte ändras"):
            attempt()
    assert Paragraph.objects.get(pk=paragraph.pk).title == "Budget 2022"


def test_missing_or_absent_adjuster_blocks_sending(lake):
    meeting = lake.meeting()
    lake.afternoon_of_2021_11_25(meeting)
    services.save_paragraph(meeting, title="Öppnande", kind="information", text="", start=None, tabled=False)
    with pytest.raises(ValidationError) as error:
        adjustment.mark_ready(meeting)
    assert "Välj mötets ordförande" in str(error.value) and "justerare" in str(error.value)
    services.save_officers(meeting, chair=lake.people["Ledamot Mölndals"], secretary=None, adjusters=[lake.people["Ledamot Lerums"]])
    with pytest.raises(ValidationError, match="Ledamot Lerums var inte närvarande"):
        adjustment.mark_ready(meeting)
    assert Meeting.objects.get(pk=meeting.pk).protocol_status == "draft"


def test_tampering_is_found_by_verify_protocols(ready_meeting, capsys):
    meeting, chair, adjuster = ready_meeting
    approve(meeting, chair)
    approve(meeting, adjuster)
    call_command("verify_protocols")
    Paragraph.objects.filter(meeting=meeting).update(text="Ändrat i databasen i efterhand.")
    with pytest.raises(SystemExit) as exit_info:
        call_command("verify_protocols")
    assert exit_info.value.code == 1
    assert "Avvikelse" in capsys.readouterr().err
