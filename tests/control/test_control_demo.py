"""The demo's internal control plan on a freshly loaded Skaraborg."""
from datetime import date

import pytest

from samordna.associations.models import Association
from samordna.control import demo, selectors
from samordna.control.models import ControlPlan

pytestmark = pytest.mark.django_db


def test_skaraborg_gets_a_followed_up_plan_and_a_copy_for_next_year():
    from samordna.board.demo import load_demo

    today = date(2025, 3, 1)
    load_demo(today)
    skaraborg = Association.objects.get(slug="skaraborg")
    if not ControlPlan.objects.filter(association=skaraborg).exists():  # until the demo command calls it itself
        demo.load(skaraborg, today)
    plan = ControlPlan.objects.get(association=skaraborg, year=2023)
    assert plan.reported_at is not None and plan.reported_at.meeting.date == date(2023, 11, 21)
    rows = selectors.plan_rows(plan, selectors.settings_for(skaraborg))
    assert len(rows) == 5 and all(row.latest is not None for row in rows)
    assert {row.latest.get_status_display() for row in rows} == {"Pågår", "Genomförd", "Avvikelse"}
    assert rows[0].risk.responsible.name == "Therese Lundin"
    follow_up = rows[2]
    assert (follow_up.latest.status, follow_up.current.score, follow_up.change.direction) == ("deviation", 12, "higher")
    next_year = ControlPlan.objects.get(association=skaraborg, year=2024)
    assert [r.probability for r in next_year.risks.order_by("position")] == [2, 3, 4, 3, 4]
    assert not ControlPlan.objects.exclude(association=skaraborg).exists()
