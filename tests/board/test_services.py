"""The board's services against the database: numbering, attendance, quorum per paragraph, tabled items."""
from datetime import date, time

import pytest
from django.core.exceptions import ValidationError

from samordna.board import selectors, services
from samordna.board.models import Attendance, Meeting, Paragraph

pytestmark = pytest.mark.django_db


def write(meeting, title, start=None, decisions="", **kwargs):
    fields = {"kind": "decision", "text": "", "tabled": False, "start": start} | kwargs
    return services.save_paragraph(meeting, title=title, decisions_text=decisions, **fields)


def test_quorum_follows_people_leaving_during_the_meeting(lake):
    meeting = lake.meeting()
    lake.afternoon_of_2021_11_25(meeting)
    write(meeting, "Sammanträdet öppnas", time(13, 45), kind="information")
    write(meeting, "Budget", time(14, 30), "fastställa budgeten enligt förslag")
    verdicts = {q.paragraph.number: q.verdict for q in selectors.quorum_by_paragraph(meeting)}
    assert verdicts[1121].serving_count == 7 and verdicts[1121].quorate
    assert verdicts[1122].serving_count == 5 and verdicts[1122].quorate
    with pytest.raises(ValidationError) as error:
        write(meeting, "Intern kontrollplan", time(15, 10), "anta planen")
    assert "4 av 8 platser tjänstgör; minst 5 krävs" in str(error.value)
    assert not meeting.paragraphs.filter(title="Intern kontrollplan").exists()
    tabled = write(meeting, "Intern kontrollplan", time(15, 10), "Ärendet bordläggs", tabled=True)
    assert tabled.number == 1123
    late = next(q for q in selectors.quorum_by_paragraph(meeting) if q.paragraph.pk == tabled.pk)
    assert not late.verdict.quorate and late.verdict.serving_count == 4


def test_substitute_of_present_member_does_not_serve(lake):
    meeting = lake.meeting()
    lake.afternoon_of_2021_11_25(meeting)
    write(meeting, "Öppnande", time(13, 45), kind="information")
    (q,) = selectors.quorum_by_paragraph(meeting)
    serving = " ".join(q.serving_names)
    assert "Ersättare Mölndals" not in serving
    assert "Ersättare Partille (ersätter Ledamot Partille)" in serving
    assert "Ersättare Försäkringskassan" not in serving


def test_numbering_continues_across_meetings_and_refuses_collisions(lake):
    first = lake.meeting(date(2021, 9, 24))
    for title in ("Öppnande", "Val av justerare"):
        write(first, title, kind="information")
    second = lake.meeting(date(2021, 11, 25))
    assert selectors.next_paragraph_number(second) == 1123
    second.first_number = 1121
    with pytest.raises(ValidationError) as error:
        services.save_meeting(second)
    assert "1121" in str(error.value)
    with pytest.raises(ValidationError):
        write(second, "Krock", number=1122, kind="information")


def test_per_year_numbering_restarts(lake):
    lake.association.charter.numbering = "per_year"
    lake.association.charter.save()
    december = lake.meeting(date(2022, 12, 9))
    write(december, "Öppnande", kind="information")
    january = lake.meeting(date(2023, 2, 3))
    assert selectors.next_paragraph_number(january) == 1


def test_tabled_item_comes_back_until_taken_up(lake):
    november = lake.meeting(date(2021, 11, 25))
    policy = write(november, "Policy mot kränkande särbehandling", tabled=True, decisions="Ärendet bordläggs")
    february = lake.meeting(date(2022, 2, 4))
    assert list(selectors.tabled_suggestions(february)) == [policy]
    item = services.take_up_tabled(february, policy)
    assert item.tabled_from == policy
    assert list(selectors.tabled_suggestions(february)) == []
    with pytest.raises(ValidationError):
        services.take_up_tabled(november, policy)


def test_attendance_refuses_bad_input_and_changes_nothing(lake):
    meeting = lake.meeting()
    lake.attend(meeting, "Ledamot Mölndals")
    with pytest.raises(ValidationError) as error:
        lake.attend(meeting, "Ledamot Härryda", [{"start": time(13, 30), "end": time(14, 30)}, {"start": time(14, 0), "end": time(15, 0)}])
    assert "överlapp" in str(error.value)
    with pytest.raises(ValidationError) as error:
        lake.attend(meeting, "Ledamot Härryda", [{"start": time(12, 0), "end": time(14, 0)}])
    assert "13:30" in str(error.value)
    with pytest.raises(ValidationError) as error:
        lake.attend(meeting, "Ersättare Mölndals", replaces=lake.people["Ledamot Mölndals"])
    assert "närvarande" in str(error.value)
    with pytest.raises(ValidationError) as error:
        lake.attend(meeting, "Ersättare Partille", replaces=lake.people["Ledamot Lerums"])
    assert "Lerums kommun" in str(error.value)
    assert Attendance.objects.filter(meeting=meeting).count() == 1


def test_explicit_replacement_is_honoured(lake):
    meeting = lake.meeting()
    lake.attend(meeting, "Ersättare Partille", replaces=lake.people["Ledamot Partille"])
    verdict, serving = selectors.serving_at_start(meeting)
    assert "Ersättare Partille (ersätter Ledamot Partille)" in serving


def test_standard_items_fill_the_protocol(lake):
    meeting = lake.meeting()
    lake.afternoon_of_2021_11_25(meeting)
    meeting.chair = lake.people["Ledamot Mölndals"]
    meeting.save()
    meeting.adjusters.add(lake.people["Ersättare Partille"])
    created = services.apply_standard_items(meeting)
    assert [p.title for p in created] == ["Sammanträdet öppnas", "Val av justerare", "Godkännande av dagordning"]
    assert [p.number for p in created] == [1121, 1122, 1123]
    adjusters = Paragraph.objects.get(meeting=meeting, number=1122).decisions.get()
    assert "Ersättare Partille" in adjusters.text
    assert services.apply_standard_items(meeting) == []


def test_decision_clauses_drop_leading_att(lake):
    meeting = lake.meeting()
    lake.afternoon_of_2021_11_25(meeting)
    p = write(meeting, "Verksamhetsplan", time(14, 10), "att fastställa planen\n\nAtt uppdra åt kansliet att följa upp")
    assert [d.text for d in p.decisions.all()] == ["fastställa planen", "uppdra åt kansliet att följa upp"]


def test_information_paragraph_may_be_recorded_without_quorum(lake):
    meeting = lake.meeting()
    write(meeting, "Information från förbundschefen", time(15, 10), "lägga informationen till handlingarna", kind="information")
    assert Meeting.objects.get(pk=meeting.pk).paragraphs.count() == 1


def test_committee_without_seat_groups_has_one_seat_per_member_mandate(lake):
    from samordna.board.models import Body, Mandate, Role

    committee = Body.objects.create(association=lake.association, name="Arbetsutskottet", slug="au", kind=Body.Kind.COMMITTEE)
    for name in ("Ledamot Mölndals", "Ledamot Försäkringskassan", "Ledamot Västra"):
        person = lake.people[name]
        Mandate.objects.create(person=person, body=committee, member=person.mandates.first().member, role=Role.MEMBER)
    meeting = services.save_meeting(Meeting(body=committee, date=date(2021, 12, 3), start=time(9, 0), place="Kansliet"))
    services.set_attendance(meeting, lake.people["Ledamot Mölndals"], status="present", mandate=committee.mandates.first())
    with pytest.raises(ValidationError, match="Arbetsutskottet är inte beslutsför vid § 1: 1 av 3 platser"):
        write(meeting, "Anställning", time(9, 5), "anställa en utbildningsledare")
    services.set_attendance(meeting, lake.people["Ledamot Västra"], status="present", mandate=committee.mandates.last())
    assert write(meeting, "Anställning", time(9, 5), "anställa en utbildningsledare").decisions.count() == 1
