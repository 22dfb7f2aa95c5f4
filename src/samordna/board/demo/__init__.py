"""The demo: the four associations of the seed documents with their real Members and population figures,
invented people, and a year of meetings whose structure mirrors the seed protocols (written in our own words).

`load_demo()` is idempotent: an association whose slug is already in the database is left untouched.
"""
import importlib
from datetime import date

from django.db import transaction

from samordna.associations.models import Association

from . import goteborg, insjoriket, sjuharad, skaraborg

MODULES = (insjoriket, goteborg, skaraborg, sjuharad)
# Each of these apps adds its part of the demo (`demo.load(association, today)`) to the associations named
# (None: to every one); the survey comes after the interventions it is distributed for.
APPS = {"board.demo_votes": {"goteborg"}, "registry.demo": {"skaraborg"}, "interventions.demo": None,
        "economy.demo": None, "control.demo": {"skaraborg"}, "survey.demo": {"skaraborg"}, "accounts.demo": None}
SLUGS = tuple(module.SLUG for module in MODULES)


def load_demo(today=None):
    """Build every demo association that is not there yet; returns the ones created (each in one transaction)."""
    today = today or date.today()
    created = []
    for module in MODULES:
        if Association.objects.filter(slug=module.SLUG).exists():
            continue
        with transaction.atomic():
            association = module.build(today)
            for module_name, slugs in APPS.items():
                if slugs is None or association.slug in slugs:
                    importlib.import_module(f"samordna.{module_name}").load(association, today)
            created.append(association)
    return created

