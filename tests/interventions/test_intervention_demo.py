"""The demo interventions load into freshly built demo associations and their reports pass every check."""
from datetime import date

import pytest

from samordna.associations.models import Association
from samordna.board.demo import load_demo
from samordna.interventions import demo, selectors
from samordna.interventions.models import BudgetLine, Contract, Intervention, Report
from samordna.rules import followup

pytestmark = pytest.mark.django_db
TODAY = date(2024, 3, 10)


def test_demo_interventions(django_db_blocker):
    load_demo(today=TODAY)
    for association in Association.objects.filter(slug__in=["skaraborg", "insjoriket", "goteborg", "sjuharad"]):
        demo.load(association, TODAY)
    elings = Intervention.objects.get(association__slug="skaraborg", name="Elings ark")
    assert elings.places_per_group == 12 and elings.group_based
    assert Report.objects.filter(intervention=elings).count() == 12
    needing = selectors.contracts_needing_decision(elings.association, TODAY)
    assert [c.intervention.name for c in needing] == ["Elings ark"]
    balder = Intervention.objects.get(association__slug="insjoriket", name="Balder")
    last = Report.objects.filter(intervention=balder).latest("month")
    assert last.month == date(2024, 2, 1) and last.queue_end > 0 and last.median_wait_days > 0
    result = selectors.follow_up(balder, followup.make_period("year", 2023, 1), staff=True)
    assert result.months_reported == 10 and result.referrals
    assert BudgetLine.objects.filter(intervention__association__slug="sjuharad").count() == 8
    assert Contract.objects.filter(intervention__association__slug="skaraborg", decided=True).exists()
    # Loading again adds nothing.
    demo.load(elings.association, TODAY)
    assert Intervention.objects.filter(association__slug="skaraborg").count() == 2
