"""Motions, roll-call votes and reservations in a paragraph: counted by rules/votes.py, checked against who serves,
printed like a municipal extract, and refused with Swedish messages (nothing saved) on bad input."""
import io
import json
from datetime import date, time
from importlib import resources

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from factories import write_paragraph

from samordna.accounts.models import AssociationRole
from samordna.board import services, votes
from samordna.board.models import Body, Mandate, Meeting, Person, Role, Vote
from samordna.documents.render import render_docx, render_pdf
from samordna.board.models_votes import result_sentence
from samordna.protocols.export import meeting_protocol
from samordna.rules import votes as vote_rules

pytestmark = pytest.mark.django_db

SCHEMA = json.loads(resources.files("samordna.protocols").joinpath("protocol.schema.json").read_text(encoding="utf-8"))
TODAY = dict(question="Avgörande i dag mot återremiss", yes_means="att ärendet avgörs i dag",
             no_means="att ärendet återremitteras till kansliet",
             order_of_questions="Först återremiss mot avgörande i dag, därefter förslaget.")


@pytest.fixture
def afternoon(lake):
    meeting = lake.meeting()
    lake.afternoon_of_2021_11_25(meeting)
    services.save_officers(meeting, chair=lake.people["Ledamot Mölndals"], secretary=None, adjusters=[])
    early = write_paragraph(meeting, "Förlängning av insatsen", time(13, 45))
    return meeting, early


# Seat order at § 1121: Arbetsförmedlingen, Försäkringskassan, Alingsås, Härryda, Mölndal (the chair), Partille, Västra.
TIE = ["yes", "yes", "no", "yes", "no", "no", "abstain"]


def ballots_for(paragraph, choices):
    """Choices in the seat order of the serving voters."""
    voters = votes.serving_voters(paragraph)
    assert len(voters) == len(choices)
    return {v.person.pk: c for v, c in zip(voters, choices)}


# Härryda's figures, on a 50-seat assembly -------------------------------------------------


@pytest.fixture
def council(lake):
    """A 50-seat assembly in the lake association (one Member holds all seats), everyone present."""
    body = Body.objects.create(association=lake.association, name="Fullmäktige", slug="fullmaktige", first_number=128)
    parties = ["M"] * 13 + ["C"] * 4 + ["L"] * 4 + ["S"] * 10 + ["V"] * 3 + ["MP"] * 4 + ["SD"] * 6 + ["KD"] * 2 + ["SP"] * 3 + ["KP"]
    meeting = services.save_meeting(Meeting(body=body, date=date(2020, 6, 15), start=time(18, 0), place="Rådhuset"))
    people = []
    for i, party in enumerate(parties, start=1):
        person = Person.objects.create(association=lake.association, name=f"Ledamot {i:02d}", party=party)
        mandate = Mandate.objects.create(person=person, body=body, member=lake.members["Härryda kommun"], role=Role.MEMBER)
        services.set_attendance(meeting, person, status="present", mandate=mandate)
        people.append(person)
    services.save_officers(meeting, chair=people[5], secretary=None, adjusters=[people[0]])
    paragraph = write_paragraph(meeting, "Utträde ur samordningsförbundet", case_number="2019KS742")
    return meeting, paragraph, people


def harryda_ballots(people):
    # 35 yes, 12 no, 3 abstain, spread over the parties as in the roll-call list of § 128.
    choices = ["yes"] * 21 + ["no"] * 10 + ["yes", "no", "no"] + ["yes", "abstain", "abstain", "abstain"] + ["yes"] * 12
    return {p.pk: c for p, c in zip(people, choices)}


def test_harryda_vote_is_counted_and_stated_counts_match(council):
    meeting, paragraph, people = council
    vote = votes.record_vote(paragraph, ballots=harryda_ballots(people), stated=(35, 12, 3), **TODAY)
    assert (vote.yes, vote.no, vote.abstain, vote.outcome, vote.winner) == (35, 12, 3, "yes", "yes")
    assert vote.ballots.count() == 50
    assert vote.result_text == "Med 35 ja-röster mot 12 nej-röster och 3 som avstår beslutar fullmäktige att ärendet avgörs i dag."
    assert vote.proposition_text == ("Den som bifaller att ärendet avgörs i dag röstar ja. "
                                     "Den som bifaller att ärendet återremitteras till kansliet röstar nej.")


def test_stated_counts_that_do_not_match_the_ballots_save_nothing(council):
    meeting, paragraph, people = council
    with pytest.raises(ValidationError) as error:
        votes.record_vote(paragraph, ballots=harryda_ballots(people), stated=(34, 12, 4), **TODAY)
    assert error.value.message_dict["stated_yes"] == ["Antalet ja-röster stämmer inte: protokollet anger 34, röstlistan ger 35."]
    assert error.value.message_dict["stated_abstain"] == ["Antalet avstående stämmer inte: protokollet anger 4, röstlistan ger 3."]
    assert "stated_no" not in error.value.message_dict
    assert not Vote.objects.exists()


def test_harryda_vote_in_the_export_and_the_printed_protocol(council):
    meeting, paragraph, people = council
    votes.record_vote(paragraph, ballots=harryda_ballots(people), **TODAY)
    losers = [p for p in people if harryda_ballots(people)[p.pk] == "no"][:2]
    votes.add_reservation(paragraph, person=losers[0], motivation="Konsekvenserna för deltagarna är inte utredda.")
    votes.add_reservation(paragraph, person=losers[1])
    protocol = meeting_protocol(meeting)
    jsonschema.validate(protocol, SCHEMA)
    (exported,) = protocol["paragraphs"]
    assert {k: exported["vote"][k] for k in ("yes", "no", "abstain")} == {"yes": 35, "no": 12, "abstain": 3}
    assert exported["vote"]["ballots"][0] == {"name": "Ledamot 01", "party": "M", "vote": "yes"}
    assert exported["reservations"] == [f"{losers[0].name} (S)", f"{losers[1].name} (S)"]

    extras = {"proceedings": votes.document_proceedings(meeting)}
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(protocol, extras=extras))).pages)
    text = " ".join(text.split())
    assert "Propositionsordning" in text and "Först återremiss mot avgörande i dag" in text
    assert "Med 35 ja-röster mot 12 nej-röster och 3 som avstår beslutar fullmäktige att ärendet avgörs i dag." in text
    assert "Ledamot Företräder Ja Nej Avstår" in text and "Härryda kommun" in text
    assert f"Mot beslutet reserverar sig {losers[0].name} (S) och {losers[1].name} (S)." in text
    assert "Konsekvenserna för deltagarna är inte utredda." in text

    from docx import Document

    document = Document(io.BytesIO(render_docx(protocol, extras=extras)))
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    ballots = next(t for t in tables if t[0] == ["Ledamot", "Företräder", "Ja", "Nej", "Avstår"])
    assert ballots[1] == ["Ledamot 01 (M)", "Härryda kommun", "X", "", ""] and ballots[-1][2:] == ["35", "12", "3"]
    words = "\n".join(p.text for p in document.paragraphs)
    assert "Med 35 ja-röster mot 12 nej-röster och 3 som avstår beslutar fullmäktige att ärendet avgörs i dag." in words


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 60), st.integers(0, 60), st.integers(0, 10), st.sampled_from(vote_rules.KINDS), st.sampled_from(["yes", "no"]))
def test_the_result_line_always_names_the_side_that_won(yes, no, abstain, kind, chair_vote):
    if yes + no == 0:
        return
    ballots = [(f"L{i}", v) for i, v in enumerate(["yes"] * yes + ["no"] * no + ["abstain"] * abstain)]
    chair = next(name for name, v in ballots if v == chair_vote) if (yes if chair_vote == "yes" else no) else None
    if yes == no and kind == "ordinary" and chair is None:
        return
    result = vote_rules.count(ballots, chair=chair, kind=kind)
    vote = Vote(yes=result.yes, no=result.no, abstain=result.abstain, outcome=result.outcome, winner=result.winner or "",
                lot_winner="no" if result.outcome == "tie_lot" else "", yes_means="att anta förslaget", no_means="att avslå förslaget")
    line = result_sentence(vote, "Styrelsen")
    won = "att anta förslaget" if vote.decided == "yes" else "att avslå förslaget"
    lost = "att avslå förslaget" if won == "att anta förslaget" else "att anta förslaget"
    assert line.endswith(f"{won}.") and lost not in line
    assert (f"{abstain} som avstår" in line) == (abstain > 0)
    if result.outcome in ("yes", "no"):
        first = yes if result.outcome == "yes" else no
        assert line.startswith(f"Med {first} ")


# Bad ballots ---------------------------------------------------------------------------------


def test_a_ballot_from_someone_not_serving_is_refused(afternoon, lake):
    meeting, early = afternoon
    ballots = ballots_for(early, ["yes"] * 7)
    ballots[lake.people["Ersättare Mölndals"].pk] = "no"  # present, but Ledamot Mölndals holds the seat
    with pytest.raises(ValidationError) as error:
        votes.record_vote(early, ballots=ballots, **TODAY)
    assert error.value.message_dict["ballots"] == ["Ersättare Mölndals tjänstgör inte vid § 1121 och får inte rösta."]
    assert not Vote.objects.exists()


def test_every_serving_voter_votes_once_with_a_valid_choice(afternoon, lake):
    meeting, early = afternoon
    ballots = ballots_for(early, ["maybe"] + ["yes"] * 6)
    del ballots[lake.people["Ledamot Västra"].pk]
    with pytest.raises(ValidationError) as error:
        votes.record_vote(early, ballots=ballots, **TODAY)
    messages = error.value.message_dict["ballots"]
    assert "Ledamot Västra tjänstgör vid § 1121 men har ingen röst. Välj ja, nej eller avstår." in messages
    assert any(m.startswith("Välj ja, nej eller avstår för") for m in messages)
    with pytest.raises(ValidationError) as error:
        votes.record_vote(early, ballots={999999: "yes"}, **TODAY)
    assert "Personen med id 999999 finns inte i förbundet." in error.value.message_dict["ballots"]
    assert not Vote.objects.exists()


def test_texts_must_be_given_and_written_as_att_clauses(afternoon):
    meeting, early = afternoon
    with pytest.raises(ValidationError) as error:
        votes.record_vote(early, ballots=ballots_for(early, ["yes"] * 7), question=" ", yes_means="bifall till förslaget",
                          no_means="", kind="raffle")
    found = error.value.message_dict
    assert found["question"] == ["Skriv vad omröstningen gäller."]
    assert found["yes_means"] == ["Skriv alternativet som en att-sats, t.ex. ”att ärendet avgörs i dag”."]
    assert found["no_means"] == ["Fyll i vad en röst på det här alternativet bifaller."]
    assert found["kind"] == ["Välj vanligt ärende, val eller personalärende."]
    assert not Vote.objects.exists()


def test_tie_goes_the_chairs_way_and_the_result_line_says_so(afternoon, lake):
    meeting, early = afternoon
    ballots = ballots_for(early, TIE)
    assert ballots[lake.people["Ledamot Mölndals"].pk] == "no"  # the chair
    vote = votes.record_vote(early, ballots=ballots, **TODAY)
    assert (vote.outcome, vote.winner, vote.decided) == ("tie_chair", "no", "no")
    assert vote.result_text == ("Med 3 nej-röster mot 3 ja-röster och 1 som avstår beslutar styrelsen, med ordförandens "
                                "utslagsröst, att ärendet återremitteras till kansliet.")


def test_tie_with_an_abstaining_chair_is_an_error(afternoon):
    meeting, early = afternoon
    with pytest.raises(ValidationError) as error:
        votes.record_vote(early, ballots=ballots_for(early, ["yes", "yes", "no", "no", "abstain", "yes", "no"]), **TODAY)
    assert "avstod från att rösta" in error.value.message_dict["ballots"][0]
    assert not Vote.objects.exists()


def test_tie_in_a_personnel_matter_waits_for_the_lot(afternoon):
    meeting, early = afternoon
    vote = votes.record_vote(early, ballots=ballots_for(early, TIE), kind="personnel", **TODAY)
    assert (vote.outcome, vote.winner, vote.decided, vote.lot_pending) == ("tie_lot", "", "", True)
    assert vote.result_text.endswith("avgörs genom lottning, som ännu inte har förrättats.")
    vote.lot_winner = "yes"
    assert "Lottning förrättas och utfaller till förmån för ja. Styrelsen beslutar därmed att ärendet avgörs i dag." in vote.result_text


def test_saving_again_replaces_the_ballots(afternoon):
    meeting, early = afternoon
    votes.record_vote(early, ballots=ballots_for(early, ["yes"] * 7), **TODAY)
    vote = votes.record_vote(early, ballots=ballots_for(early, ["no"] * 5 + ["yes"] * 2), **TODAY)
    assert Vote.objects.count() == 1 and vote.ballots.count() == 7 and (vote.yes, vote.no) == (2, 5)
    assert vote.result_text.startswith("Med 5 nej-röster mot 2 ja-röster beslutar styrelsen")


def test_no_vote_on_information_or_without_quorum_or_in_a_frozen_protocol(afternoon, lake):
    meeting, early = afternoon
    info = write_paragraph(meeting, "Information från kansliet", time(13, 50), kind="information")
    with pytest.raises(ValidationError) as error:
        votes.record_vote(info, ballots=ballots_for(info, ["yes"] * 7), **TODAY)
    assert "informationsärende" in error.value.messages[0]
    late = write_paragraph(meeting, "Intern kontroll", time(15, 10), tabled=True)
    with pytest.raises(ValidationError) as error:
        votes.record_vote(late, ballots=ballots_for(late, ["yes"] * 4), **TODAY)
    assert "Styrelsen är inte beslutsför vid § 1123: 4 av 8 platser tjänstgör; minst 5 krävs" in error.value.messages[0]
    Meeting.objects.filter(pk=meeting.pk).update(protocol_status="adjusted")
    with pytest.raises(ValidationError) as error:
        votes.record_vote(early, ballots=ballots_for(early, ["yes"] * 7), **TODAY)
    assert "Protokollet är justerat och kan inte ändras." in error.value.messages[0]
    assert not Vote.objects.exists()


# Motions and reservations ------------------------------------------------------------------


def test_motions_need_serving_movers(afternoon, lake):
    meeting, early = afternoon
    mover, seconder = lake.people["Ledamot Västra"], lake.people["Ersättare Partille"]
    mover.party = "S"
    mover.save()
    motion = votes.add_motion(early, mover=mover, seconder=seconder, text="att ärendet återremitteras till kansliet.")
    assert motion.sentence == "Ledamot Västra (S) yrkar, med instämmande av Ersättare Partille, att ärendet återremitteras till kansliet."
    with pytest.raises(ValidationError) as error:
        votes.add_motion(early, mover=lake.people["Ersättare Mölndals"], seconder=mover, text="bifall till förslaget")
    assert error.value.message_dict["mover"] == ["Ersättare Mölndals tjänstgör inte vid § 1121 och kan inte yrka."]
    with pytest.raises(ValidationError) as error:
        votes.add_motion(early, mover=mover, seconder=mover, text="")
    assert error.value.message_dict["seconder"] == ["Den som yrkar kan inte också instämma i sitt eget yrkande."]
    assert error.value.message_dict["text"] == ["Skriv vad som yrkas."]
    assert early.motions.count() == 1


def test_reservations_come_from_those_who_lost(afternoon, lake):
    meeting, early = afternoon
    votes.record_vote(early, ballots=ballots_for(early, ["yes", "yes", "no", "yes", "no", "yes", "abstain"]), **TODAY)
    voters = [v.person for v in votes.serving_voters(early)]
    with pytest.raises(ValidationError) as error:
        votes.add_reservation(early, person=voters[0])
    assert error.value.message_dict["person"] == [f"{voters[0].name} röstade ja, som vann omröstningen, och kan inte reservera sig mot beslutet."]
    with pytest.raises(ValidationError) as error:
        votes.add_reservation(early, person=lake.people["Ersättare Försäkringskassan"])
    assert "tjänstgör inte vid § 1121" in error.value.messages[0]
    reservation = votes.add_reservation(early, person=voters[2], motivation="  Skälen framgår av yrkandet.  ")
    assert reservation.motivation == "Skälen framgår av yrkandet."
    with pytest.raises(ValidationError) as error:
        votes.add_reservation(early, person=voters[2])
    assert error.value.message_dict["person"] == [f"{voters[2].name} har redan reserverat sig vid § 1121."]
    assert early.reservations.count() == 1


# Pages ---------------------------------------------------------------------------------------


def page_url(name, meeting, paragraph, *extra):
    return reverse(name, args=[meeting.association.slug, meeting.pk, paragraph.pk, *extra])


def test_the_page_prefills_every_serving_voter(staff, afternoon, lake):
    meeting, early = afternoon
    response = staff.get(page_url("paragraph_vote", meeting, early))
    assert response.status_code == 200
    html = response.content.decode()
    for voter in votes.serving_voters(early):
        assert f'name="ballot-{voter.person.pk}"' in html
    assert f'name="ballot-{lake.people["Ersättare Mölndals"].pk}"' not in html
    assert "ersätter Ledamot Partille" in html


def test_posting_a_vote_and_a_bad_ballot(staff, afternoon, lake):
    meeting, early = afternoon
    form = {"vote-question": TODAY["question"], "vote-yes_means": TODAY["yes_means"], "vote-no_means": TODAY["no_means"],
            "vote-kind": "ordinary", "vote-order_approved": "on", "vote-stated_yes": "7"}
    form |= {f"ballot-{pid}": c for pid, c in ballots_for(early, ["yes"] * 7).items()}
    bad = form | {f"ballot-{lake.people['Ersättare Mölndals'].pk}": "no"}
    response = staff.post(page_url("paragraph_vote", meeting, early), bad)
    assert response.status_code == 200
    assert "Ersättare Mölndals tjänstgör inte vid § 1121 och får inte rösta." in response.content.decode()
    assert 'value="Avgörande i dag mot återremiss"' in response.content.decode()
    assert not Vote.objects.exists()
    response = staff.post(page_url("paragraph_vote", meeting, early), form)
    assert response.status_code == 302
    assert Vote.objects.get().yes == 7
    page = staff.get(reverse("protocol_read", args=[meeting.association.slug, meeting.pk])).content.decode()
    assert "Med 7 ja-röster mot 0 nej-röster beslutar styrelsen att ärendet avgörs i dag." in page


def test_readers_may_look_but_not_vote_and_others_see_nothing(client, afternoon, lake):
    meeting, early = afternoon
    reader = User.objects.create_user("ledamot", password="x")
    AssociationRole.objects.create(user=reader, association=lake.association, role="board_member")
    client.force_login(reader)
    assert client.get(page_url("paragraph_vote", meeting, early)).status_code == 200
    assert client.post(page_url("paragraph_vote", meeting, early), {}).status_code == 403
    assert client.post(page_url("motion_add", meeting, early), {}).status_code == 403
    stranger = User.objects.create_user("annan", password="x")
    from samordna.associations import services as association_services

    other = association_services.create_association(slug="annat", name="Annat förbund")
    AssociationRole.objects.create(user=stranger, association=other, role="admin")
    client.force_login(stranger)
    assert client.get(page_url("paragraph_vote", meeting, early)).status_code == 404


def test_motion_and_reservation_forms(staff, afternoon, lake):
    meeting, early = afternoon
    mover = lake.people["Ledamot Västra"]
    response = staff.post(page_url("motion_add", meeting, early), {"motion-mover": lake.people["Ersättare Mölndals"].pk,
                                                                   "motion-text": "bifall till förslaget"})
    assert response.status_code == 200 and "Ersättare Mölndals tjänstgör inte vid § 1121 och kan inte yrka." in response.content.decode()
    response = staff.post(page_url("motion_add", meeting, early), {"motion-mover": mover.pk, "motion-text": "bifall till förslaget"})
    assert response.status_code == 302
    motion = early.motions.get()
    assert staff.post(page_url("motion_delete", meeting, early, motion.pk)).status_code == 302
    assert not early.motions.exists()
    assert staff.post(page_url("motion_delete", meeting, early, 999999)).status_code == 404
    response = staff.post(page_url("reservation_add", meeting, early), {"reservation-person": mover.pk,
                                                                       "reservation-motivation": "Se bilaga."})
    assert response.status_code == 302 and early.reservations.get().motivation == "Se bilaga."


# Demo ----------------------------------------------------------------------------------------


def test_demo_adds_a_vote_a_reservation_and_jav_to_goteborg():
    from samordna.associations.models import Association
    from samordna.board.models import Vote
    from samordna.board.demo import load_demo

    load_demo(date(2024, 3, 1))  # the demo adds a vote to Göteborg
    association = Association.objects.get(slug="goteborg")
    vote = Vote.objects.get(paragraph__meeting__body__association=association)
    assert vote.outcome == "yes" and vote.no == 2
    paragraph = vote.paragraph
    assert paragraph.motions.count() == 2 and paragraph.reservations.count() == 2
    assert vote.ballots.count() == len(votes.serving_voters(paragraph))
    protocol = meeting_protocol(paragraph.meeting)
    jsonschema.validate(protocol, SCHEMA)
    proceedings = votes.document_proceedings(paragraph.meeting)
    assert proceedings[str(paragraph.number)]["vote"]["result"].startswith(f"Med {vote.yes} ja-röster mot 2 nej-röster")
    assert any("anmäler jäv" in line for p in protocol["paragraphs"] for line in p.get("attendance_changes", []))
