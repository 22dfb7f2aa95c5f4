"""Helpers for the accounts tests: users with roles and TOTP codes."""
from django.contrib.auth.models import User
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from samordna.accounts.models import AssociationRole

PASSWORD = "hemligt-lösen-1"


def person(username, association=None, role=None, email=None, **names):
    user = User.objects.create_user(username, email or f"{username}@example.se", PASSWORD, **names)
    if association is not None:
        AssociationRole.objects.create(user=user, association=association, role=role)
    return user


def totp_device(user):
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


def current_code(device):
    device.refresh_from_db()
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"
