"""Assignments from decisions, delegated decisions and notifications: writes, reads and agenda suggestions."""
from datetime import date, time

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from registry_files import pdf

from samordna.associations import services as association_services
from samordna.board import services as board_services
from samordna.board.models import Body, Person
from samordna.registry import selectors, services, services_followup
from samordna.registry.models import Assignment, Case, DelegatedDecision, DelegationPoint, Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(lake):
    """A held meeting with a decision to delegate and report back, and a later meeting for the report-back."""
    meeting = lake.meeting(date(2023, 3, 24))
    lake.afternoon_of_2021_11_25(meeting)
    paragraph = board_services.save_paragraph(
        meeting, title="Tillsvidareanställning", kind="decision", case_number="41/23", text="", start=time(14, 30), tabled=False,
        decisions_text="delegera ärendet till arbetsutskottet\narbetsutskottet ska återkoppla hanteringen till styrelsen i maj",
    )
    may = lake.meeting(date(2023, 5, 26))
    committee = association_services.save_body(Body(association=lake.association, name="Arbetsutskottet", slug="au", kind="committee"))
    return {"meeting": meeting, "paragraph": paragraph, "may": may, "committee": committee}


def assignment_from(lake, held, **extra):
    decision = held["paragraph"].decisions.get(position=1)
    fields = {"title": "Återkoppla hanteringen av anställningen", "owner_body": held["committee"], "due_on": date(2023, 5, 26),
              "report_to": held["may"], "decision": decision, **extra}
    return services_followup.save_assignment(Assignment(association=lake.association, **fields))


def test_assignment_from_a_decision_keeps_paragraph_and_text(lake, held):
    assignment = assignment_from(lake, held)
    assert assignment.paragraph == held["paragraph"]
    assert assignment.decision_text == "arbetsutskottet ska återkoppla hanteringen till styrelsen i maj"
    assert assignment.case_number == "41/23"
    # Saving the paragraph again rewrites its decision rows; the assignment keeps what it needs.
    board_services.save_paragraph(held["meeting"], paragraph=held["paragraph"], title="Tillsvidareanställning", kind="decision",
                                  case_number="41/23", text="Ändrad text", start=time(14, 30), tabled=False, decisions_text="delegera ärendet")
    assignment.refresh_from_db()
    assert assignment.decision is None and assignment.paragraph == held["paragraph"] and "återkoppla" in assignment.decision_text


def test_assignment_needs_an_owner(lake, held):
    with pytest.raises(ValidationError) as refused:
        assignment_from(lake, held, owner_body=None)
    assert refused.value.message_dict["owner"] == ["Ange vem som är ansvarig: en person, ett organ eller båda."]
    assert not Assignment.objects.exists()


def test_done_needs_a_date_and_adjusted_meeting_is_refused(lake, held):
    with pytest.raises(ValidationError) as refused:
        assignment_from(lake, held, status="done")
    assert "completed_on" in refused.value.message_dict
    held["may"].protocol_status = "adjusted"
    held["may"].save()
    with pytest.raises(ValidationError) as refused:
        assignment_from(lake, held)
    assert "report_to" in refused.value.message_dict
    assert not Assignment.objects.exists()


def test_owner_from_another_association_is_refused(lake, held):
    other = association_services.create_association(slug="annat", name="Annat förbund")
    stranger = Person.objects.create(association=other, name="Främling")
    with pytest.raises(ValidationError) as refused:
        assignment_from(lake, held, owner=stranger)
    assert refused.value.message_dict["owner"] == ["Valet hör inte till förbundet."]
    assert not Assignment.objects.exists()


def test_lists_per_owner_and_overdue(lake, held):
    clerk = lake.people["Ledamot Mölndals"]
    late = assignment_from(lake, held, due_on=date(2023, 4, 1))
    mine = assignment_from(lake, held, title="Upphandla en jurist", owner=clerk, owner_body=None, report_to=None, decision=None,
                           due_on=date(2099, 1, 1))
    done = assignment_from(lake, held, title="Klart uppdrag", status="done", completed_on=date(2023, 4, 1))
    assert list(selectors.assignments(lake.association, owner=held["committee"])) == [late]
    assert list(selectors.assignments(lake.association, owner=clerk)) == [mine]
    assert list(selectors.overdue_assignments(lake.association, today=date(2023, 6, 1))) == [late]
    assert late.overdue_on(date(2023, 6, 1)) and not done.overdue_on(date(2023, 6, 1))
    assert ("organ-%d" % held["committee"].pk, "Arbetsutskottet") in selectors.owners(lake.association)


def test_report_back_is_suggested_on_the_named_meeting_and_added_once(lake, held):
    user = User.objects.create_user("x")
    assignment = assignment_from(lake, held)
    suggestions = selectors.agenda_suggestions(held["may"], user)
    assert suggestions.report_backs == [assignment]
    assert selectors.agenda_suggestions(held["meeting"], user).report_backs == []
    item = services_followup.add_report_back(assignment, held["may"])
    assert item.title == "Återrapportering: Återkoppla hanteringen av anställningen" and item.case_number == "41/23"
    assert selectors.agenda_suggestions(held["may"], user).report_backs == []
    with pytest.raises(ValidationError, match="redan på föredragningslistan"):
        services_followup.add_report_back(assignment, held["may"])
    assert held["may"].agenda_items.count() == 1


# Delegated decisions ---------------------------------------------------------


@pytest.fixture
def delegation(lake):
    point = services_followup.save_delegation_point(DelegationPoint(association=lake.association, code="2.1", title="Anställning av personal",
                                                                    delegate="Förbundschef"))
    chief = Person.objects.create(association=lake.association, name="Karin Förbundschef")
    return point, chief


def delegated(lake, point, chief, day=date(2023, 3, 1), subject="Anställning av en utvecklingsledare"):
    return services_followup.save_delegated_decision(
        DelegatedDecision(association=lake.association, point=point, decided_by=chief, decided_on=day, subject=subject)
    )


def test_delegation_points_are_unique_per_association(lake, delegation):
    with pytest.raises(ValidationError) as refused:
        services_followup.save_delegation_point(DelegationPoint(association=lake.association, code="2.1", title="Dubblett", delegate="AU"))
    assert refused.value.message_dict["code"] == ["Punkt 2.1 finns redan i delegationsordningen."]
    assert DelegationPoint.objects.count() == 1


def test_inactive_point_cannot_take_new_decisions(lake, delegation):
    point, chief = delegation
    point.active = False
    point.save()
    with pytest.raises(ValidationError) as refused:
        delegated(lake, point, chief)
    assert "point" in refused.value.message_dict
    assert not DelegatedDecision.objects.exists()


def test_unreported_decisions_are_reported_through_the_agenda_and_protocol(lake, delegation):
    point, chief = delegation
    first = delegated(lake, point, chief)
    second = delegated(lake, point, chief, date(2023, 3, 10), "Avtal om lokalhyra")
    later = delegated(lake, point, chief, date(2023, 6, 1), "Efter mötet")
    meeting = lake.meeting(date(2023, 3, 24))
    user = User.objects.create_superuser("admin")
    assert selectors.agenda_suggestions(meeting, user).delegated == [first, second]

    item = services_followup.report_delegated_decisions(meeting, [first, second])
    assert item.title == "Anmälan av delegationsbeslut" and item.kind == "information"
    assert "2023-03-01 Anställning av en utvecklingsledare (Karin Förbundschef, punkt 2.1)" in item.proposal
    assert list(selectors.unreported_delegated_decisions(lake.association)) == [later]
    assert set(selectors.delegated_decisions(lake.association, state="unreported")) == {first, second, later}

    # Writing the protocol from the agenda reports them.
    lake.afternoon_of_2021_11_25(meeting)
    paragraph = board_services.paragraph_from_agenda(meeting, item)
    first.refresh_from_db()
    assert first.reported_at == paragraph
    assert set(selectors.delegated_decisions(lake.association, state="reported")) == {first, second}
    assert list(selectors.delegated_decisions(lake.association, state="unreported")) == [later]


def test_a_second_batch_joins_the_existing_item(lake, delegation):
    point, chief = delegation
    first = delegated(lake, point, chief)
    meeting = lake.meeting(date(2023, 3, 24))
    services_followup.report_delegated_decisions(meeting, [first])
    second = delegated(lake, point, chief, date(2023, 3, 20), "Inköp av datorer")
    item = services_followup.report_delegated_decisions(meeting, [second])
    assert meeting.agenda_items.count() == 1
    assert "Anställning av en utvecklingsledare" in item.proposal and "Inköp av datorer" in item.proposal


def test_nothing_to_report_is_refused(lake):
    meeting = lake.meeting(date(2023, 3, 24))
    with pytest.raises(ValidationError, match="inga delegationsbeslut"):
        services_followup.report_delegated_decisions(meeting, [])
    assert not meeting.agenda_items.exists()


# Notifications -----------------------------------------------------------------


def test_notification_register(lake):
    meeting = lake.meeting(date(2023, 3, 24))
    paragraph = board_services.save_paragraph(meeting, title="Lex Heller – anmälningar", kind="information", text="", start=None, tabled=False)
    notification = services_followup.save_notification(Notification(
        association=lake.association, received_on=date(2023, 3, 2), sender="Leverantör AB", subject="Underleverantör anlitad",
        paragraph=paragraph, action="Styrelsen antecknar anmälan."))
    assert list(selectors.notifications(lake.association, category="Lex Heller")) == [notification]
    assert selectors.notification_categories(lake.association) == ["Lex Heller"]
    with pytest.raises(ValidationError) as refused:
        services_followup.save_notification(Notification(association=lake.association, received_on=date(2023, 3, 2), sender="", subject="x"))
    assert "sender" in refused.value.message_dict
    assert Notification.objects.count() == 1


# Cases ready for the agenda -----------------------------------------------------


def test_cases_with_a_statement_are_suggested(lake):
    ready = services.save_case(Case(association=lake.association, number="38/23", title="Digitalisering", received_on=date(2023, 3, 1)))
    services.save_case(Case(association=lake.association, number="39/23", title="Utan utlåtande", received_on=date(2023, 3, 1)))
    services.add_document(ready, filename="utlatande.pdf", data=pdf("Utlatande"), kind="statement", confidential=True)
    meeting = lake.meeting(date(2023, 4, 28))
    board_member = User.objects.create_user("ledamot")
    suggestions = selectors.agenda_suggestions(meeting, board_member)
    assert suggestions.ready_cases == [ready]
    services_followup.case_to_agenda(ready, meeting)
    suggestions = selectors.agenda_suggestions(meeting, board_member)
    assert suggestions.ready_cases == []
    # The agenda shows the case's documents, but a confidential one only to those who may see it.
    (item, case, docs), = suggestions.documents
    assert case == ready and docs == []
    with pytest.raises(ValidationError, match="inte öppet"):
        services_followup.case_to_agenda(Case.objects.get(pk=ready.pk), meeting)


def test_notifications_become_a_standing_item_and_are_handled_by_the_protocol(lake):
    meeting = lake.meeting(date(2023, 3, 24))
    user = User.objects.create_user("x")

    def notify(subject, category="Lex Heller", day=date(2023, 3, 2)):
        return services_followup.save_notification(Notification(association=lake.association, category=category, received_on=day,
                                                                sender="Leverantör AB", subject=subject))

    first, second = notify("Ny underleverantör"), notify("Ändrad ägarstruktur")
    other = notify("Avvikelse", category="Avvikelser")
    notify("Kom in efter mötet", day=date(2023, 4, 1))
    suggested = selectors.agenda_suggestions(meeting, user).notifications
    assert [(c, rows, item) for c, rows, item in suggested] == [("Avvikelser", [other], None), ("Lex Heller", [first, second], None)]
    with pytest.raises(ValidationError, match="en kategori"):
        services_followup.report_notifications(meeting, [first, other])
    assert not meeting.agenda_items.exists()
    item = services_followup.report_notifications(meeting, [first, second])
    assert item.title == "Lex Heller – anmälningar"
    assert "• 2023-03-02 Leverantör AB: Ny underleverantör" in item.proposal
    assert [c for c, _, _ in selectors.agenda_suggestions(meeting, user).notifications] == ["Avvikelser"]
    paragraph = board_services.paragraph_from_agenda(meeting, item)
    first.refresh_from_db()
    assert first.handled_at == paragraph
    with pytest.raises(ValidationError, match="inga anmälningar"):
        services_followup.report_notifications(meeting, [])
