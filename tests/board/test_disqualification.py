"""Jäv: a member who is disqualified leaves the paragraph, the next substitute of the same seat group steps in, the quorum
is counted again, and the protocol says so at that paragraph."""
import json
from datetime import time
from importlib import resources

import jsonschema
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from factories import write_paragraph

from samordna.board import selectors, services, votes
from samordna.board.models import Disqualification, Meeting
from samordna.documents.context import protocol_context
from samordna.protocols.export import meeting_protocol

pytestmark = pytest.mark.django_db

SCHEMA = json.loads(resources.files("samordna.protocols").joinpath("protocol.schema.json").read_text(encoding="utf-8"))
LINE = "Ledamot Mölndals anmäler jäv och deltar inte i handläggningen. Ersättare Mölndals tjänstgör i stället."


@pytest.fixture
def afternoon(lake):
    """§ 1121 at 13:45 (7 serve), § 1122 at 14:30 (5 of 8 serve: exactly quorate)."""
    meeting = lake.meeting()
    lake.afternoon_of_2021_11_25(meeting)
    early = write_paragraph(meeting, "Förlängning av insatsen", time(13, 45))
    budget = write_paragraph(meeting, "Budget 2022", time(14, 30))
    return meeting, early, budget


def verdict(paragraph):
    return votes.paragraph_quorum(paragraph)


def test_substitute_of_the_same_member_steps_in(afternoon, lake):
    meeting, early, budget = afternoon
    before = verdict(budget)
    assert before.verdict.serving_count == 5 and "Ersättare Mölndals" not in " ".join(before.serving_names)
    after = votes.mark_disqualified(budget, person=lake.people["Ledamot Mölndals"], note="Styrelseledamot i utföraren")
    assert after.verdict.quorate and after.verdict.serving_count == 5
    assert "Ersättare Mölndals (ersätter Ledamot Mölndals)" in after.serving_names
    assert not any(name.startswith("Ledamot Mölndals") for name in after.serving_names)
    # Only that paragraph: at § 1121 the member serves and the substitute does not.
    assert "Ledamot Mölndals" in verdict(early).serving_names
    assert not any(name.startswith("Ersättare Mölndals") for name in verdict(early).serving_names)
    assert votes.disqualification_lines(budget) == [LINE]


def test_jav_without_a_substitute_breaks_the_quorum_and_decisions_are_refused(afternoon, lake):
    meeting, early, budget = afternoon
    after = votes.mark_disqualified(budget, person=lake.people["Ledamot Västra"])
    assert not after.verdict.quorate
    assert after.verdict.reasons[0] == "4 av 8 platser tjänstgör; minst 5 krävs"
    assert votes.disqualification_lines(budget) == ["Ledamot Västra anmäler jäv och deltar inte i handläggningen."]
    with pytest.raises(ValidationError) as error:
        services.save_paragraph(meeting, paragraph=budget, number=budget.number, title=budget.title, kind="decision", text="",
                                tabled=False, start=time(14, 30), decisions_text="fastställa budgeten")
    assert "Styrelsen är inte beslutsför vid § 1122: 4 av 8 platser tjänstgör; minst 5 krävs" in str(error.value)
    assert not budget.decisions.exists()
    # Taking the jäv back restores the quorum, and the decision can be written.
    votes.clear_disqualification(budget.disqualifications.get())
    assert verdict(budget).verdict.quorate
    services.save_paragraph(meeting, paragraph=budget, number=budget.number, title=budget.title, kind="decision", text="",
                            tabled=False, start=time(14, 30), decisions_text="fastställa budgeten")
    assert budget.decisions.count() == 1


def test_the_disqualified_member_cannot_vote_but_the_substitute_must(afternoon, lake):
    meeting, early, budget = afternoon
    votes.mark_disqualified(budget, person=lake.people["Ledamot Mölndals"])
    voters = {v.person.name: v.person for v in votes.serving_voters(budget)}
    assert "Ersättare Mölndals" in voters and "Ledamot Mölndals" not in voters
    ballots = {p.pk: "yes" for p in voters.values()} | {lake.people["Ledamot Mölndals"].pk: "no"}
    question = dict(question="Budgeten", yes_means="att fastställa budgeten", no_means="att avslå budgeten")
    with pytest.raises(ValidationError) as error:
        votes.record_vote(budget, ballots=ballots, **question)
    assert error.value.message_dict["ballots"] == ["Ledamot Mölndals tjänstgör inte vid § 1122 och får inte rösta."]
    vote = votes.record_vote(budget, ballots={p.pk: "yes" for p in voters.values()}, **question)
    assert vote.ballots.filter(person=lake.people["Ersättare Mölndals"]).exists()


def test_jav_is_refused_when_it_contradicts_the_record(afternoon, lake):
    meeting, early, budget = afternoon
    absent = lake.people["Ledamot Lerums"]
    with pytest.raises(ValidationError) as error:
        votes.mark_disqualified(budget, person=absent)
    assert error.value.message_dict["person"] == ["Ledamot Lerums är inte antecknad som närvarande vid sammanträdet."]
    voters = [v.person for v in votes.serving_voters(budget)]
    votes.record_vote(budget, ballots={p.pk: "yes" for p in voters}, question="Budgeten", yes_means="att fastställa budgeten",
                      no_means="att avslå budgeten")
    with pytest.raises(ValidationError) as error:
        votes.mark_disqualified(budget, person=voters[0])
    assert "har en röst i omröstningen vid § 1122" in error.value.messages[0]
    mover = lake.people["Ledamot Västra"]
    votes.add_motion(early, mover=mover, text="bifall till förslaget")
    with pytest.raises(ValidationError) as error:
        votes.mark_disqualified(early, person=mover)
    assert error.value.messages == ["Ledamot Västra har yrkat eller instämt i ett yrkande vid § 1121. Ta bort yrkandet först."]
    votes.mark_disqualified(early, person=lake.people["Ledamot Mölndals"])
    with pytest.raises(ValidationError) as error:
        votes.mark_disqualified(early, person=lake.people["Ledamot Mölndals"])
    assert error.value.messages == ["Ledamot Mölndals har redan anmält jäv vid § 1121."]
    assert Disqualification.objects.count() == 1


def test_frozen_protocol_refuses_jav(afternoon, lake):
    meeting, early, budget = afternoon
    Meeting.objects.filter(pk=meeting.pk).update(protocol_status="ready")
    with pytest.raises(ValidationError) as error:
        votes.mark_disqualified(budget, person=lake.people["Ledamot Mölndals"])
    assert "väntar på justering" in error.value.messages[0]
    assert not Disqualification.objects.exists()


def test_the_protocol_says_so(afternoon, lake, staff):
    meeting, early, budget = afternoon
    votes.mark_disqualified(budget, person=lake.people["Ledamot Mölndals"])
    protocol = meeting_protocol(meeting)
    jsonschema.validate(protocol, SCHEMA)
    exported = {p["number"]: p for p in protocol["paragraphs"]}
    assert exported[1122]["attendance_changes"] == [LINE] and "attendance_changes" not in exported[1121]
    # The substitute served at § 1122, so the attendance list counts them among those who decided.
    assert {a["name"]: a["role"] for a in protocol["attendees"]}["Ersättare Mölndals"] == "serving_substitute"
    context = protocol_context(protocol, extras={"proceedings": votes.document_proceedings(meeting)})
    printed = {p["number"]: p for p in context["paragraphs"]}
    assert printed[1122]["disqualifications"] == [LINE] and printed[1122]["attendance_changes"] == []
    page = staff.get(reverse("protocol_read", args=[lake.association.slug, meeting.pk])).content.decode()
    assert LINE in page


def test_jav_through_the_page(afternoon, lake, staff):
    meeting, early, budget = afternoon
    url = reverse("disqualification_add", args=[lake.association.slug, meeting.pk, budget.pk])
    response = staff.post(url, {"jav-person": lake.people["Ledamot Lerums"].pk})
    assert response.status_code == 200
    assert "Ledamot Lerums är inte antecknad som närvarande vid sammanträdet." in response.content.decode()
    assert not Disqualification.objects.exists()
    response = staff.post(url, {"jav-person": lake.people["Ledamot Västra"].pk, "jav-note": "Jävig"}, follow=True)
    html = response.content.decode()
    assert "Ledamot Västra anmäler jäv och deltar inte i handläggningen." in html
    assert "Efter jävet är Styrelsen inte beslutsför vid § 1122" in html
    item = budget.disqualifications.get()
    delete = reverse("disqualification_delete", args=[lake.association.slug, meeting.pk, budget.pk, item.pk])
    assert staff.post(delete).status_code == 302 and not Disqualification.objects.exists()
    quorum = next(q for q in selectors.quorum_by_paragraph(meeting) if q.paragraph.pk == budget.pk)
    assert quorum.verdict.quorate
