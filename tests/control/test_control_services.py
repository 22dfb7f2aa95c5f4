"""Services of the internal control plan against the database: what is saved, and that bad input saves nothing."""
from datetime import date

import pytest
from control_builders import future_meeting, info_paragraph, other_association, plan_with_risks
from django.core.exceptions import ValidationError

from samordna.board.models import AgendaItem, Person
from samordna.control import selectors, services
from samordna.control.models import ControlPlan, ControlSettings, FollowUp, Risk

pytestmark = pytest.mark.django_db


def messages(error):
    return {field: " ".join(texts) for field, texts in error.value.message_dict.items()}


def test_plan_rows_use_the_latest_reassessment(lake):
    plan, staffing, data = plan_with_risks(lake)
    settings = selectors.settings_for(lake.association)
    rows = selectors.plan_rows(plan, settings)
    assert [row.number for row in rows] == [1, 2]
    first, second = rows
    assert (first.planned.score, first.current.score, first.current.level) == (6, 8, "high")
    assert first.change.direction == "higher" and first.latest.get_status_display() == "Avvikelse"
    assert (second.planned.score, second.change, second.latest) == (8, None, None)
    heat = selectors.heat_map(rows, settings)
    placed = {(c["probability"], c["consequence"]): c["text"] for c in heat["cells"] if c["text"]}
    assert placed == {(4, 2): "R1", (2, 4): "R2"}
    assert selectors.status_summary(rows) == {"counts": {"Genomförd": 0, "Pågår": 0, "Ej påbörjad": 0, "Avvikelse": 1},
                                              "missing": 1}


def test_one_plan_per_year(lake):
    services.save_plan(lake.association, year=2022)
    with pytest.raises(ValidationError) as error:
        services.save_plan(lake.association, year=2022)
    assert messages(error) == {"year": "Det finns redan en internkontrollplan för 2022."}
    assert ControlPlan.objects.filter(association=lake.association).count() == 1


def test_the_same_year_is_free_in_another_association(lake):
    other, _ = other_association()
    services.save_plan(lake.association, year=2022)
    services.save_plan(other, year=2022)
    assert ControlPlan.objects.filter(year=2022).count() == 2


@pytest.mark.parametrize("year", [1999, 2101])
def test_year_out_of_range(lake, year):
    with pytest.raises(ValidationError) as error:
        services.save_plan(lake.association, year=year)
    assert "year" in messages(error)
    assert not ControlPlan.objects.exists()


def test_plan_refers_to_its_own_association_paragraphs_only(lake):
    meeting = lake.meeting()
    lake.afternoon_of_2021_11_25(meeting)
    own = info_paragraph(meeting)
    plan = services.save_plan(lake.association, year=2021, adopted_at=own)
    assert plan.adopted_at == own
    other, _ = other_association()
    with pytest.raises(ValidationError) as error:
        services.save_plan(other, year=2021, adopted_at=own)
    assert messages(error) == {"adopted_at": "Paragrafen hör inte till förbundet."}
    assert not ControlPlan.objects.filter(association=other).exists()


def test_risk_outside_the_matrix_is_refused_and_not_saved(lake):
    plan = services.save_plan(lake.association, year=2021)
    with pytest.raises(ValidationError) as error:
        services.save_risk(plan, title="Något går fel", probability=5, consequence=0)
    found = messages(error)
    assert found["probability"] == "Sannolikheten ska vara ett heltal från 1 till 4 (matrisen är 4 × 4)."
    assert found["consequence"].startswith("Konsekvensen ska vara ett heltal från 1 till 4")
    assert not Risk.objects.exists()


def test_five_by_five_accepts_five(lake):
    services.save_settings(lake.association, matrix_size=5)
    plan = services.save_plan(lake.association, year=2021)
    risk = services.save_risk(plan, title="Budgeten överskrids", probability=5, consequence=5)
    value = selectors.plan_rows(plan, selectors.settings_for(lake.association))[0].planned
    assert (risk.probability, value.score, value.level) == (5, 25, "very_high")


def test_risk_needs_a_title_a_known_frequency_and_a_responsible_person_of_the_association(lake):
    plan = services.save_plan(lake.association, year=2021)
    other, _ = other_association()
    stranger = Person.objects.create(association=other, name="Främling")
    with pytest.raises(ValidationError) as error:
        services.save_risk(plan, title="  ", probability=2, consequence=2, frequency="daily", responsible=stranger)
    assert set(messages(error)) == {"title", "frequency", "responsible"}
    assert not Risk.objects.exists()


def test_edit_risk_keeps_its_place(lake):
    plan, staffing, _ = plan_with_risks(lake)
    services.save_risk(plan, risk=staffing, title="Nyckelpersoner slutar", probability=1, consequence=1)
    staffing.refresh_from_db()
    assert (staffing.title, staffing.position, staffing.probability) == ("Nyckelpersoner slutar", 1, 1)


def test_follow_up_bad_input_saves_nothing(lake):
    plan, _, data = plan_with_risks(lake)
    before = FollowUp.objects.count()
    with pytest.raises(ValidationError) as error:
        services.add_follow_up(data, date=date(2030, 1, 1), assessment=" ", status="klar", new_probability=3)
    found = messages(error)
    assert set(found) == {"date", "assessment", "status", "new_consequence"}
    assert found["new_consequence"] == "Ange både ny sannolikhet och ny konsekvens, eller ingen av dem."
    with pytest.raises(ValidationError) as error:
        services.add_follow_up(data, date=date(2021, 6, 1), assessment="Bra", status="done", new_probability=5,
                               new_consequence=1)
    assert set(messages(error)) == {"new_probability"}
    assert FollowUp.objects.count() == before


def test_settings_labels_and_refused_shrink(lake):
    settings = services.save_settings(lake.association, matrix_size=5, probability_labels="a\nb\nc\nd\ne\n")
    assert settings.probability_steps == ("a", "b", "c", "d", "e")
    assert settings.consequence_steps[-1] == "Mycket allvarlig"
    plan = services.save_plan(lake.association, year=2021)
    services.save_risk(plan, title="Stor risk", probability=5, consequence=2)
    with pytest.raises(ValidationError) as error:
        services.save_settings(lake.association, matrix_size=4)
    assert "Det finns risker bedömda över 4" in messages(error)["matrix_size"]
    with pytest.raises(ValidationError) as error:
        services.save_settings(lake.association, matrix_size=5, consequence_labels="ett\ntvå")
    assert messages(error) == {"consequence_labels": "Ange en benämning per steg för konsekvens: 5 rader behövs, 2 är ifyllda."}
    with pytest.raises(ValidationError):
        services.save_settings(lake.association, matrix_size=6)
    assert ControlSettings.objects.get(association=lake.association).matrix_size == 5


def test_copy_to_next_year_starts_from_the_latest_assessment(lake):
    plan, _, _ = plan_with_risks(lake)
    new = services.copy_plan(plan)
    assert new.year == 2022
    copied = list(new.risks.order_by("position"))
    assert [(r.title, r.probability, r.consequence) for r in copied] == [
        ("Nyckelpersoner i insatserna slutar", 4, 2), ("Resultat kan inte redovisas", 2, 4)]
    assert copied[0].responsible == lake.people["Ledamot Försäkringskassan"]
    assert not FollowUp.objects.filter(risk__plan=new).exists()
    with pytest.raises(ValidationError) as error:
        services.copy_plan(plan)
    assert messages(error) == {"year": "Det finns redan en internkontrollplan för 2022."}
    assert Risk.objects.filter(plan__year=2022).count() == 2


def test_adoption_and_follow_up_become_agenda_items(lake):
    plan, _, _ = plan_with_risks(lake)
    meeting = future_meeting(lake)
    adoption = services.add_to_agenda(plan, meeting, "adoption")
    follow_up = services.add_to_agenda(plan, meeting, "follow_up")
    assert (adoption.title, adoption.kind, adoption.proposal) == (
        "Internkontrollplan 2021", AgendaItem.Kind.DECISION, "att anta internkontrollplanen för 2021")
    assert (follow_up.title, follow_up.kind) == ("Uppföljning av internkontrollplan 2021", AgendaItem.Kind.INFORMATION)
    assert follow_up.position == adoption.position + 1
    with pytest.raises(ValidationError) as error:
        services.add_to_agenda(plan, meeting, "adoption")
    assert "står redan på föredragningslistan" in messages(error)["meeting"]
    assert meeting.agenda_items.count() == 2


def test_agenda_refuses_past_foreign_and_unknown(lake):
    plan, _, _ = plan_with_risks(lake)
    past = lake.meeting()
    with pytest.raises(ValidationError) as error:
        services.add_to_agenda(plan, past, "adoption")
    assert "kommande sammanträde" in messages(error)["meeting"]
    _, other_board = other_association()
    from samordna.board.models import Meeting
    foreign = Meeting.objects.create(body=other_board, date=date(2099, 1, 1), start="09:00", place="Där")
    with pytest.raises(ValidationError) as error:
        services.add_to_agenda(plan, foreign, "adoption")
    assert messages(error) == {"meeting": "Sammanträdet hör inte till förbundet."}
    with pytest.raises(ValidationError) as error:
        services.add_to_agenda(plan, future_meeting(lake), "vote")
    assert "purpose" in messages(error)
    assert not AgendaItem.objects.filter(title__contains="nternkontrollplan").exists()
