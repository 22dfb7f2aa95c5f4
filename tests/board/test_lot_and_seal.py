"""Issue 8 leftovers: the system draws the lot for a tied election or personnel vote (once, recorded, printed), and the
seal covers what the interchange format cannot carry – motions, the order of questions, the vote's texts, the lot,
written reservations, attachments and recordings – while seals made before still verify."""
import io
from datetime import time

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from factories import write_paragraph

from samordna.board import adjustment, attachments, services, votes
from samordna.board.models import Meeting, Motion, Reservation, Vote
from samordna.board.models_attachments import Recording
from samordna.board.views_documents import render_document
from samordna.protocols.export import content_hash, meeting_protocol, seal_extras, seal_hash

pytestmark = pytest.mark.django_db

TEXTS = dict(question="Val av ordförande i arbetsutskottet", yes_means="att välja den först nominerade",
             no_means="att välja den andra nominerade")
# Seat order at § 1121: Arbetsförmedlingen, Försäkringskassan, Alingsås, Härryda, Mölndal (the chair), Partille, Västra.
TIE = ["yes", "yes", "no", "yes", "no", "no", "abstain"]


@pytest.fixture
def afternoon(lake):
    meeting = lake.meeting()
    lake.afternoon_of_2021_11_25(meeting)
    services.save_officers(meeting, chair=lake.people["Ledamot Mölndals"], secretary=None, adjusters=[lake.people["Ersättare Partille"]])
    early = write_paragraph(meeting, "Val till arbetsutskottet", time(13, 45), decisions="välja ordförande i arbetsutskottet")
    return meeting, early


def ballots_for(paragraph, choices):
    return {v.person.pk: c for v, c in zip(votes.serving_voters(paragraph), choices)}


@pytest.fixture
def tied(afternoon):
    meeting, early = afternoon
    vote = votes.record_vote(early, ballots=ballots_for(early, TIE), kind="election", **TEXTS)
    return meeting, early, vote


@pytest.fixture
def secretary_user(lake):
    return User.objects.create_user("lottare", password="x", first_name="Sara", last_name="Sekreterare")


def pdf_text(data):
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


def freeze(meeting, digest):
    Meeting.objects.filter(pk=meeting.pk).update(protocol_status="adjusted", adjusted_on=timezone.localdate(),
                                                 notice_posted=timezone.localdate(), content_hash=digest)
    meeting.refresh_from_db()
    return meeting


# The lot ---------------------------------------------------------------------------------------


def test_the_system_draws_the_lot_once_and_records_who_and_when(tied, secretary_user, monkeypatch, lake):
    meeting, early, vote = tied
    assert vote.lot_pending
    drawn = []
    monkeypatch.setattr(votes.secrets, "choice", lambda options: drawn.append(options) or "no")
    before = timezone.now()
    vote = votes.draw_lot(early, user=secretary_user, person=lake.people["Ersättare Partille"])
    assert drawn == [("yes", "no")]
    assert (vote.lot_winner, vote.decided, vote.lot_drawn_by, vote.lot_drawn_by_name) == ("no", "no", secretary_user, "Ersättare Partille")
    assert before <= vote.lot_drawn_at <= timezone.now()
    assert "Lottning förrättas och utfaller till förmån för nej. Styrelsen beslutar därmed att välja den andra nominerade." in vote.result_text
    when = timezone.localtime(vote.lot_drawn_at)
    assert vote.lot_text == (f"Lottningen förrättades av samordna {when:%Y-%m-%d} kl. {when:%H:%M} på begäran av Ersättare Partille "
                             "och utföll till förmån för nej.")

    monkeypatch.setattr(votes.secrets, "choice", lambda options: "yes")
    with pytest.raises(ValidationError, match="redan förrättad och kan inte göras om"):
        votes.draw_lot(early, user=secretary_user)
    with pytest.raises(ValidationError, match="kan därför inte ändras eller tas bort"):
        votes.record_vote(early, ballots=ballots_for(early, TIE), kind="election", **TEXTS)
    with pytest.raises(ValidationError, match="kan därför inte ändras eller tas bort"):
        votes.delete_vote(early)
    with pytest.raises(ValidationError, match="kan inte tas bort"):
        services.delete_paragraph(early)
    stored = Vote.objects.get(paragraph=early)
    assert (stored.lot_winner, stored.lot_drawn_at) == ("no", vote.lot_drawn_at)


def test_the_lot_uses_secrets_and_both_sides_can_win(afternoon, secretary_user):
    meeting, early = afternoon
    winners = set()
    for _ in range(40):
        votes.record_vote(early, ballots=ballots_for(early, TIE), kind="personnel", **TEXTS)
        winners.add(votes.draw_lot(early, user=secretary_user).lot_winner)
        Vote.objects.filter(paragraph=early).delete()  # outside the app, to draw again in the test
        if winners == {"yes", "no"}:
            break
    assert winners == {"yes", "no"}


def test_no_lot_without_a_tie_in_an_election_or_in_a_closed_protocol(afternoon, secretary_user):
    meeting, early = afternoon
    with pytest.raises(ValidationError, match="ingen omröstning"):
        votes.draw_lot(early, user=secretary_user)
    votes.record_vote(early, ballots=ballots_for(early, ["yes"] * 7), kind="election", **TEXTS)
    with pytest.raises(ValidationError, match="avgjordes utan lottning"):
        votes.draw_lot(early, user=secretary_user)
    Vote.objects.filter(paragraph=early).delete()
    votes.record_vote(early, ballots=ballots_for(early, TIE), kind="election", **TEXTS)
    Meeting.objects.filter(pk=meeting.pk).update(protocol_status="ready")
    with pytest.raises(ValidationError, match="väntar på justering"):
        votes.draw_lot(early, user=secretary_user)
    assert Vote.objects.get(paragraph=early).lot_winner == ""


def test_a_protocol_with_a_pending_lot_cannot_go_to_adjustment(tied, secretary_user):
    meeting, early, vote = tied
    with pytest.raises(ValidationError, match="ska avgöras genom lottning"):
        adjustment.mark_ready(meeting)
    assert Meeting.objects.get(pk=meeting.pk).protocol_status == "draft"
    votes.draw_lot(early, user=secretary_user)
    adjustment.mark_ready(meeting)
    assert Meeting.objects.get(pk=meeting.pk).protocol_status == "ready"


def test_the_lot_is_printed_in_the_pdf_and_docx(tied, secretary_user):
    meeting, early, vote = tied
    vote = votes.draw_lot(early, user=secretary_user)
    text = pdf_text(render_document(meeting, "pdf")[0])
    assert "Lottningen förrättades av samordna" in text and f"till förmån för {'ja' if vote.lot_winner == 'yes' else 'nej'}" in text
    from docx import Document

    words = "\n".join(p.text for p in Document(io.BytesIO(render_document(meeting, "docx")[0])).paragraphs)
    assert vote.lot_text in words


def test_drawing_the_lot_in_the_browser_page(tied, staff, lake):
    meeting, early, vote = tied
    url = reverse("paragraph_vote", args=[lake.association.slug, meeting.pk, early.pk])
    page = staff.get(url).content.decode()
    assert "Förrätta lottning" in page and "ännu inte har förrättats" in page
    lot_url = reverse("vote_lot", args=[lake.association.slug, meeting.pk, early.pk])
    response = staff.post(lot_url, follow=True)
    drawn = Vote.objects.get(paragraph=early)
    assert drawn.lot_winner in ("yes", "no") and drawn.lot_drawn_by.username == "sekreterare"
    page = response.content.decode()
    assert drawn.lot_text in page and "Förrätta lottning</button>" not in page
    response = staff.post(lot_url, follow=True)
    assert "kan inte göras om" in response.content.decode()
    assert Vote.objects.get(paragraph=early).lot_drawn_at == drawn.lot_drawn_at


# The seal --------------------------------------------------------------------------------------


def test_a_meeting_without_extras_is_sealed_exactly_as_before(afternoon):
    meeting, early = afternoon
    assert seal_extras(meeting) == {}
    assert seal_hash(meeting) == content_hash(meeting_protocol(meeting))


def test_extras_change_the_seal_and_tampering_with_a_motion_is_found(afternoon, lake, capsys):
    meeting, early = afternoon
    Motion.objects.create(paragraph=early, mover=lake.people["Ledamot Västra"], text="att ärendet återremitteras")
    extras = seal_extras(meeting)
    assert extras == {"1121": {"motions": [{"mover": "Ledamot Västra", "text": "att ärendet återremitteras"}]}}
    assert seal_hash(meeting) != content_hash(meeting_protocol(meeting))
    freeze(meeting, seal_hash(meeting))
    assert adjustment.verify(meeting)
    call_command("verify_protocols")
    Motion.objects.filter(paragraph=early).update(text="att ärendet avgörs i dag")
    assert not adjustment.verify(meeting)
    with pytest.raises(SystemExit) as exit_:
        call_command("verify_protocols")
    assert exit_.value.code == 1
    assert "Avvikelse" in capsys.readouterr().err


@pytest.mark.parametrize("tamper", ["order", "motivation", "question", "attachment", "recording", "motion_removed"])
def test_every_extra_is_under_the_seal(afternoon, lake, tamper):
    meeting, early = afternoon
    votes.record_vote(early, ballots=ballots_for(early, ["yes"] * 5 + ["no"] * 2), order_of_questions="Först valet, sedan arvodet.",
                      **TEXTS)
    loser = next(b.person for b in Vote.objects.get(paragraph=early).ballots.all() if b.choice == "no")
    Reservation.objects.create(paragraph=early, person=loser, motivation="Valet borde ha förberetts.")
    Motion.objects.create(paragraph=early, mover=lake.people["Ledamot Västra"], text="bifall till förslaget")
    attachment = attachments.upload_attachment(early, filename="nominering.txt", data="Valberedningens förslag.".encode())
    attachments.add_recording(early, url="https://play.example.se/styrelsen", start="00:42:10")
    freeze(meeting, seal_hash(meeting))
    assert adjustment.verify(meeting)
    {
        "order": lambda: Vote.objects.filter(paragraph=early).update(order_of_questions="Först arvodet."),
        "motivation": lambda: Reservation.objects.filter(paragraph=early).update(motivation="Något annat."),
        "question": lambda: Vote.objects.filter(paragraph=early).update(yes_means="att välja någon annan"),
        "attachment": lambda: attachment.__class__.objects.filter(pk=attachment.pk).update(sha256="f" * 64),
        "recording": lambda: Recording.objects.filter(paragraph=early).update(start=60),
        "motion_removed": lambda: Motion.objects.filter(paragraph=early).delete(),
    }[tamper]()
    assert not adjustment.verify(meeting)


def test_a_seal_made_before_extras_were_covered_still_verifies(afternoon, lake):
    meeting, early = afternoon
    Motion.objects.create(paragraph=early, mover=lake.people["Ledamot Västra"], text="bifall till förslaget")
    freeze(meeting, content_hash(meeting_protocol(meeting)))  # how every seal was made before this change
    assert adjustment.verify(meeting)
    call_command("verify_protocols")
    early.title = "Ändrad rubrik"
    early.save()
    assert not adjustment.verify(meeting)


def test_adjustment_seals_the_extras(afternoon, lake):
    meeting, early = afternoon
    chair, adjuster = lake.people["Ledamot Mölndals"], lake.people["Ersättare Partille"]
    for person, name in ((chair, "ordf"), (adjuster, "just")):
        person.user = User.objects.create_user(name, password="x")
        person.save()
    Motion.objects.create(paragraph=early, mover=lake.people["Ledamot Västra"], text="bifall till förslaget")
    adjustment.mark_ready(meeting)
    for person in (chair, adjuster):
        adjustment.approve(meeting, person, person.user, authenticated_at=timezone.now())
    meeting.refresh_from_db()
    assert meeting.frozen and meeting.content_hash == seal_hash(meeting) != content_hash(meeting_protocol(meeting))
    assert set(meeting.approvals.values_list("content_hash", flat=True)) == {meeting.content_hash}
    assert adjustment.verify(meeting)
