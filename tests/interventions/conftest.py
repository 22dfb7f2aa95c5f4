"""Fixtures for the interventions tests: one group-based intervention of the Lake association with two goals."""
from datetime import date

import pytest
from django.contrib.auth.models import User

from samordna.accounts.models import AssociationRole
from samordna.interventions import services
from samordna.interventions.models import Goal, Intervention, Orientation


@pytest.fixture
def gard(lake):
    """A green-care intervention with 12 places per group, owned by Mölndal and FK."""
    association = lake.association
    services.ensure_defaults(association)
    orientation = Orientation.objects.get(association=association, name="Förberedande")
    intervention = services.save_intervention(
        Intervention(association=association, name="Gården", kind="individual", orientation=orientation,
                     provider="Gröna gården AB", start=date(2023, 1, 1), capacity_at_once=12, capacity_per_year=30,
                     group_based=True, places_per_group=12, description="Trädgårdsarbete i lugn miljö.",
                     target_group="Personer med stressrelaterad ohälsa", place="Lerum",
                     referral="Handläggaren på FK eller kommunen skickar en remiss."),
        owners=[lake.members["Mölndals stad"], lake.members["Försäkringskassan"]],
        municipalities=[lake.members["Mölndals stad"], lake.members["Lerums kommun"]])
    services.save_goal(Goal(intervention=intervention, indicator="andel som upplever förbättrad hälsa", target=70, unit="%"))
    return intervention


@pytest.fixture
def reporter_user(lake):
    user = User.objects.create_user("rapportor", password="hemligt-lösen-1")
    AssociationRole.objects.create(user=user, association=lake.association, role="reporter")
    return user


@pytest.fixture
def secretary_user(lake):
    user = User.objects.create_user("sekr", password="hemligt-lösen-1")
    AssociationRole.objects.create(user=user, association=lake.association, role="secretary")
    return user
