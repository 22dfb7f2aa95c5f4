"""Small builders for the internal control tests (imported by plain name)."""
from datetime import date, time

from samordna.associations import services as association_services
from samordna.board import services as board_services
from samordna.board.models import Body, Meeting
from samordna.control import services


def plan_with_risks(lake, year=2021):
    """A plan with two risks in our own words; the first is followed up and reassessed upwards."""
    plan = services.save_plan(lake.association, year=year)
    chief = lake.people["Ledamot Försäkringskassan"]
    staffing = services.save_risk(plan, title="Nyckelpersoner i insatserna slutar", process="Personal", probability=3,
                                  consequence=2, action_plan="Överlämningsrutin i varje insats.",
                                  control_method="Fråga i halvårsrapporten", frequency="half_yearly", responsible=chief)
    data = services.save_risk(plan, title="Resultat kan inte redovisas", process="Uppföljning", probability=2,
                              consequence=4, action_plan="Stående punkt på styrelsens möten.")
    services.add_follow_up(staffing, date=date(year, 11, 1), assessment="Två av fem insatser bytte personal.",
                           status="deviation", new_probability=4, new_consequence=2)
    return plan, staffing, data


def other_association():
    association = association_services.create_association(slug="annat", name="Samordningsförbundet Annat")
    body = association_services.save_body(Body(association=association, name="Styrelsen", slug="styrelsen",
                                               kind=Body.Kind.BOARD))
    return association, body


def info_paragraph(meeting, title="Internkontrollplan"):
    return board_services.save_paragraph(meeting, title=title, kind="information", text="Planen redovisas.",
                                         start=time(14, 0), tabled=False)


def future_meeting(lake, day=date(2099, 3, 3)):
    return board_services.save_meeting(Meeting(body=lake.board, date=day, start=time(9, 0), place="Kansliet"))
