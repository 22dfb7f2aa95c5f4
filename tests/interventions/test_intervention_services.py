"""Services: registering interventions, contracts, goals, budgets and saving monthly reports (every refusal saves nothing)."""
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from intervention_builders import month_values

from samordna.board.models import Paragraph
from samordna.interventions import selectors, services
from samordna.interventions.models import (
    BudgetLine, Contract, Goal, Intervention, Orientation, Report, ReportCount, ReporterAssignment,
)

pytestmark = pytest.mark.django_db
TODAY = date(2024, 1, 15)


def test_defaults_are_the_national_lists(lake):
    services.ensure_defaults(lake.association)
    services.ensure_defaults(lake.association)
    names = list(Orientation.objects.filter(association=lake.association, kind="structural").values_list("name", flat=True))
    assert names == ["Kompetensutveckling", "Dialog och kommunikation", "Metod- och verksamhetsutveckling"]
    assert lake.association.exit_reasons.count() == 9


def test_register_intervention(gard, lake):
    assert set(gard.owners.values_list("name", flat=True)) == {"Mölndals stad", "Försäkringskassan"}
    assert gard.municipalities.count() == 2 and gard.places_per_group == 12


@pytest.mark.parametrize("change, field", [
    ({"kind": "structural"}, "orientation"),
    ({"end": date(2022, 1, 1)}, "end"),
    ({"places_per_group": None}, "places_per_group"),
])
def test_bad_intervention_is_refused(lake, gard, change, field):
    services.ensure_defaults(lake.association)
    orientation = Orientation.objects.get(association=lake.association, name="Förberedande")
    fields = dict(association=lake.association, name="Ny", kind="individual", orientation=orientation, start=date(2023, 1, 1),
                  group_based=True, places_per_group=10) | change
    with pytest.raises(ValidationError) as error:
        services.save_intervention(Intervention(**fields), owners=[lake.members["Lerums kommun"]], municipalities=[])
    assert field in error.value.message_dict
    assert not Intervention.objects.filter(name="Ny").exists()


def test_owners_and_municipalities_must_belong_to_the_association(lake, gard):
    orientation = gard.orientation
    with pytest.raises(ValidationError) as error:
        services.save_intervention(Intervention(association=lake.association, name="Ny", orientation=orientation,
                                                start=date(2023, 1, 1)),
                                   owners=[], municipalities=[lake.members["Försäkringskassan"]])
    assert set(error.value.message_dict) == {"owners", "municipalities"}
    assert "Kommuner som omfattas" in error.value.message_dict["municipalities"][0]


def test_contracts_needing_decision_within_90_days(gard, lake):
    soon = services.save_contract(Contract(intervention=gard, provider="Gröna gården AB", start=date(2023, 1, 1),
                                           end=date(2023, 12, 31), extension_options="kan förlängas ett år, därefter ny upphandling",
                                           decide_by=TODAY + timedelta(days=60)))
    services.save_contract(Contract(intervention=gard, provider="Senare", start=date(2023, 1, 1), end=date(2024, 12, 31),
                                    decide_by=TODAY + timedelta(days=120)))
    assert list(selectors.contracts_needing_decision(lake.association, TODAY)) == [soon]
    meeting = lake.meeting(day=date(2024, 2, 1))
    paragraph = Paragraph.objects.create(meeting=meeting, number=1130, title="Förlängning av avtal – Gården")
    soon.decision_paragraph, soon.extended_until = paragraph, date(2024, 12, 31)
    services.save_contract(soon)
    soon.refresh_from_db()
    assert soon.decided and list(selectors.contracts_needing_decision(lake.association, TODAY)) == []


def test_contract_ending_before_it_starts_is_refused(gard):
    with pytest.raises(ValidationError) as error:
        services.save_contract(Contract(intervention=gard, provider="X", start=date(2024, 1, 1), end=date(2023, 1, 1)))
    assert "end" in error.value.message_dict and not Contract.objects.exists()


def test_percentage_goal_above_100_is_refused(gard):
    with pytest.raises(ValidationError, match="mellan 0 och 100"):
        services.save_goal(Goal(intervention=gard, indicator="andel i arbete", target=120, unit="%"))
    assert gard.goals.count() == 1


def test_budget_line_twice_for_same_year_and_municipality_is_refused(gard, lake):
    lerum = lake.members["Lerums kommun"]
    services.save_budget_line(BudgetLine(intervention=gard, year=2024, municipality=lerum, amount=610_000))
    with pytest.raises(ValidationError, match="finns redan en budgetrad"):
        services.save_budget_line(BudgetLine(intervention=gard, year=2024, municipality=lerum, amount=1))
    with pytest.raises(ValidationError, match="medlemskommuner"):
        services.save_budget_line(BudgetLine(intervention=gard, year=2024, municipality=lake.members["Försäkringskassan"], amount=1))
    assert BudgetLine.objects.count() == 1


def test_only_users_with_the_reporter_role_can_be_assigned(gard, reporter_user, secretary_user):
    services.assign_reporter(gard, reporter_user)
    with pytest.raises(ValidationError, match="rollen rapportör"):
        services.assign_reporter(gard, secretary_user)
    assert list(ReporterAssignment.objects.values_list("user__username", flat=True)) == ["rapportor"]


def test_save_a_month_and_the_next(gard, secretary_user):
    report = services.save_report(gard, date(2023, 11, 1), month_values(gard, end=9, started=9, ended=0),
                                  user=secretary_user, today=TODAY)
    assert report.participants_end == 9 and report.saved_by == secretary_user and report.saved_on == TODAY
    values = month_values(gard, end=7, started=0, ended=2)
    values[f"goal__{gard.goals.get().pk}__reached"], values[f"goal__{gard.goals.get().pk}__asked"] = 2, 2
    services.save_report(gard, date(2023, 12, 1), values, user=secretary_user, today=TODAY)
    december = Report.objects.get(month=date(2023, 12, 1))
    assert december.goal_outcomes.get().reached == 2 and december.exits.get().count == 2


def refused(gard, user, values, month=date(2023, 12, 1)):
    before = (Report.objects.count(), ReportCount.objects.count())
    with pytest.raises(ValidationError) as error:
        services.save_report(gard, month, values, user=user, today=TODAY)
    assert (Report.objects.count(), ReportCount.objects.count()) == before
    return error.value.message_dict


def test_totals_that_do_not_add_up_are_refused(gard, secretary_user):
    values = month_values(gard, end=9, started=9, ended=0)
    values["started__gender__man"] = 1
    errors = refused(gard, secretary_user, values)
    assert "Påbörjade: summan per kön (10)" in errors["started__gender__woman"][0]


def test_flow_from_previous_month_is_checked(gard, secretary_user):
    services.save_report(gard, date(2023, 11, 1), month_values(gard, end=9, started=9, ended=0), user=secretary_user, today=TODAY)
    errors = refused(gard, secretary_user, month_values(gard, end=8, started=0, ended=0))
    assert "förra periodens 9" in errors["participants_end"][0]
    services.save_report(gard, date(2023, 12, 1), month_values(gard, end=8, started=0, ended=0,
                                                               correction_note="En deltagare räknades dubbelt i november."),
                         user=secretary_user, today=TODAY)
    assert Report.objects.get(month=date(2023, 12, 1)).correction_note.startswith("En deltagare")


@pytest.mark.parametrize("text, word", [("Ring om deltagaren 19811218-9876 imorgon.", "samordningsnummer"),
                                        ("Anna Andersson, Erik Johansson, Maria Karlsson", "namn")])
def test_personal_data_in_free_text_is_refused(gard, secretary_user, text, word):
    errors = refused(gard, secretary_user, month_values(gard, end=1, started=1, ended=0, comment=text))
    assert word in errors["comment"][0] and errors["comment"][0].startswith("Kommentar:")


def test_locked_month_refuses_edits(gard, lake, secretary_user):
    services.set_period_lock(lake.association, date(2023, 12, 1), True)
    errors = refused(gard, secretary_user, month_values(gard, end=1, started=1, ended=0))
    assert "är låst" in errors["__all__"][0]


def test_reporter_only_for_assigned_interventions(gard, lake, reporter_user):
    errors = refused(gard, reporter_user, month_values(gard, end=1, started=1, ended=0))
    assert "inte rapportör" in errors["__all__"][0]
    services.assign_reporter(gard, reporter_user)
    services.save_report(gard, date(2023, 12, 1), month_values(gard, end=1, started=1, ended=0), user=reporter_user, today=TODAY)
    assert Report.objects.get().saved_by == reporter_user


def test_future_month_is_refused(gard, secretary_user):
    errors = refused(gard, secretary_user, month_values(gard, end=1, started=1, ended=0), month=date(2024, 3, 1))
    assert "inte har börjat" in errors["__all__"][0]
