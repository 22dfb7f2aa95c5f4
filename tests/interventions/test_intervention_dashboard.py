"""The board's dashboard: figures per intervention, SVG charts without scripts each with its table, "<5" for the board."""
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from intervention_builders import month_values

from samordna.accounts.models import AssociationRole
from samordna.interventions import services
from samordna.interventions.dashboard import dashboard
from samordna.interventions.models import Contract

pytestmark = pytest.mark.django_db


def last_month():
    today = date.today().replace(day=1)
    return date(today.year - 1, 12, 1) if today.month == 1 else date(today.year, today.month - 1, 1)


@pytest.fixture
def reported(gard, secretary_user):
    goal = gard.goals.get()
    values = month_values(gard, end=9, started=9, ended=0, queue_end=3, median_wait_days=14)
    values[f"goal__{goal.pk}__reached"], values[f"goal__{goal.pk}__asked"] = 8, 9
    services.save_report(gard, last_month(), values, user=secretary_user, today=date.today())
    services.save_contract(Contract(intervention=gard, provider="Gröna gården AB", start=date(2023, 1, 1), end=date(2030, 1, 1),
                                    extension_options="ett år till", decide_by=date.today() + timedelta(days=30)))
    return gard


def test_staff_dashboard_figures(reported, lake):
    data = dashboard(lake.association, date.today(), staff=True)
    row = data["rows"][0]
    assert row.participants.value == 9 and row.capacity_use == 75 and row.queue.value == 3
    assert row.goals[0][1].status == "green"
    assert [c.provider for c in data["contracts"]] == ["Gröna gården AB"]
    assert data["participants_chart"].startswith("<svg") and "<script" not in data["participants_chart"]


def test_board_member_page_hides_small_counts_and_has_tables(client, reported, lake):
    user = User.objects.create_user("ledamot", password="x-hemligt-1")
    AssociationRole.objects.create(user=user, association=lake.association, role="board_member")
    client.force_login(user)
    response = client.get(reverse("intervention_dashboard", args=["sjolandet"]))
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("<svg") == 2 and "<script" not in page
    assert "<caption>Deltagare, platser och kö per insats</caption>" in page
    assert "&lt;5" in page, "a queue of 3 is shown as <5 to the board"
    assert "Gröna gården AB" in page
    assert "Visas inte" in page, "8 of 9 would tell the board about the one who did not improve"


def test_dashboard_other_tenant_is_404(staff, lake):
    from samordna.associations.services import create_association

    create_association(slug="annat", name="Annat")
    assert staff.get(reverse("intervention_dashboard", args=["annat"])).status_code == 404
    assert staff.get(reverse("intervention_dashboard", args=["sjolandet"])).status_code == 200
