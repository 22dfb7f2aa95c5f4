"""The demo: the four associations of the seed documents with their real Members and population figures,
invented people, and a year of meetings whose structure mirrors the seed protocols (written in our own words).

`load_demo()` is idempotent: an association whose slug is already in the database is left untouched.
"""
from datetime import date

from django.db import transaction

from samordna.associations.models import Association

from . import goteborg, insjoriket, sjuharad, skaraborg

MODULES = (insjoriket, goteborg, skaraborg, sjuharad)
SLUGS = tuple(module.SLUG for module in MODULES)


def load_demo(today=None):
    """Build every demo association that is not there yet; returns the ones created (each in one transaction)."""
    today = today or date.today()
    created = []
    for module in MODULES:
        if Association.objects.filter(slug=module.SLUG).exists():
            continue
        with transaction.atomic():
            created.append(module.build(today))
    return created
