"""Demo accounts: one person per role in each demo association, and an auditor firm serving all of them.

Passwords are only usable when SAMORDNA_DEMO_PASSWORD is set (a demo must never ship a known password silently).
Administrators and secretaries enrol their authenticator app at their first login, as in production.
"""
import os
from datetime import timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from .models import AssociationRole
from .services import invite

PEOPLE = [
    ("chef", "admin", "Helena", "Lindqvist"),
    ("sekreterare", "secretary", "Jonas", "Berg"),
    ("ledamot", "board_member", "Karin", "Åström"),
    ("rapportor", "reporter", "Omar", "Hassan"),
]
SHARED_AUDITOR = ("demo-revisor", "Birgitta", "Öberg")


def _user(username, first_name, last_name):
    user, created = User.objects.get_or_create(
        username=username, defaults={"first_name": first_name, "last_name": last_name,
                                     "email": f"{username}@demo.samordna.invalid"})
    if created:
        password = os.environ.get("SAMORDNA_DEMO_PASSWORD")
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
    return user


def load(association, today):
    for suffix, role, first, last in PEOPLE:
        user = _user(f"{association.slug}-{suffix}", first, last)
        AssociationRole.objects.get_or_create(user=user, association=association, role=role)
    auditor = _user(*SHARED_AUDITOR)
    AssociationRole.objects.get_or_create(user=auditor, association=association, role=AssociationRole.Role.AUDITOR)
    if association.slug == "insjoriket" and not association.invitations.exists():
        admin = User.objects.get(username=f"{association.slug}-chef")
        moment = timezone.make_aware(timezone.datetime.combine(today, timezone.datetime.min.time())) - timedelta(days=1)
        invite(association, "ny.ledamot@demo.samordna.invalid", AssociationRole.Role.BOARD_MEMBER, admin, now=moment)
