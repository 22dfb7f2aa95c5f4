"""Writes for accounts: roles, invitations and two-factor devices. Each is one transaction; bad input raises
ValidationError with a Swedish message naming the field."""
import secrets
from datetime import timedelta

from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import AssociationRole, Invitation, RecoveryCode, RecoveryCodeDevice, token_digest

INVITATION_VALID = timedelta(days=7)
RECOVERY_CODE_COUNT = 10
_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to misread


# --- Roles -----------------------------------------------------------------------------------------------------

def _admins_left(association, without_pk):
    return AssociationRole.objects.filter(association=association, role=AssociationRole.Role.ADMIN) \
        .exclude(pk=without_pk).exists()


def change_role(association, role_pk, new_role):
    if new_role not in AssociationRole.Role.values:
        raise ValidationError({"role": ["Välj en roll i listan."]})
    with transaction.atomic():
        role = AssociationRole.objects.select_for_update().get(association=association, pk=role_pk)
        if role.role == new_role:
            return role
        if role.role == AssociationRole.Role.ADMIN and not _admins_left(association, role.pk):
            raise ValidationError({"role": ["Förbundet måste ha minst en administratör kvar."]})
        if AssociationRole.objects.filter(association=association, user=role.user, role=new_role).exists():
            raise ValidationError({"role": [f"{role.user.get_full_name() or role.user.username} har redan den rollen."]})
        role.role = new_role
        role.save(update_fields=["role"])
        return role


def remove_role(association, role_pk):
    with transaction.atomic():
        role = AssociationRole.objects.select_for_update().get(association=association, pk=role_pk)
        if role.role == AssociationRole.Role.ADMIN and not _admins_left(association, role.pk):
            raise ValidationError({"role": ["Förbundet måste ha minst en administratör kvar."]})
        role.delete()


# --- Invitations -----------------------------------------------------------------------------------------------

def invite(association, email, role, invited_by, now=None):
    """Create an invitation; returns (invitation, token). Only the token's digest is stored."""
    email = (email or "").strip().lower()
    if not email:
        raise ValidationError({"email": ["Skriv en e-postadress."]})
    if role not in AssociationRole.Role.values:
        raise ValidationError({"role": ["Välj en roll i listan."]})
    now = now or timezone.now()
    if AssociationRole.objects.filter(association=association, role=role, user__email__iexact=email).exists():
        raise ValidationError({"email": ["Personen med den e-postadressen har redan rollen i förbundet."]})
    pending = Invitation.objects.filter(association=association, email__iexact=email, role=role,
                                        accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now)
    if pending.exists():
        raise ValidationError({"email": ["Det finns redan en giltig inbjudan till den adressen för rollen."]})
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        invitation = Invitation.objects.create(association=association, email=email, role=role,
                                               token_digest=token_digest(token), invited_by=invited_by,
                                               created_at=now, expires_at=now + INVITATION_VALID)
    return invitation, token


def send_invitation(invitation, link):
    body = (f"Hej!\n\nDu är inbjuden till {invitation.association.name} i samordna som "
            f"{invitation.get_role_display().lower()}.\n\nÖppna länken för att skapa ditt konto eller lägga till "
            f"rollen i ett konto du redan har:\n{link}\n\nLänken kan användas en gång och gäller till "
            f"{timezone.localtime(invitation.expires_at):%Y-%m-%d %H:%M}.\n")
    send_mail(f"Inbjudan till {invitation.association.name} i samordna", body, None, [invitation.email])


def find_invitation(token):
    """The invitation for a token from a link, or None (wrong, used, revoked or expired links look the same)."""
    invitation = Invitation.objects.select_related("association").filter(token_digest=token_digest(token or "")).first()
    return invitation if invitation is not None and invitation.usable() else None


def revoke_invitation(association, invitation_pk):
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(association=association, pk=invitation_pk)
        if invitation.accepted_at is None and invitation.revoked_at is None:
            invitation.revoked_at = timezone.now()
            invitation.save(update_fields=["revoked_at"])
    return invitation


def _claim(invitation, user):
    """Mark the invitation used (once, even under concurrent clicks) and give the user the role."""
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not locked.usable():
        raise ValidationError("Inbjudan är redan använd, återkallad eller har gått ut.")
    AssociationRole.objects.get_or_create(user=user, association=locked.association, role=locked.role)
    locked.accepted_at = timezone.now()
    locked.accepted_by = user
    locked.save(update_fields=["accepted_at", "accepted_by"])


def accept_as_new_user(invitation, *, username, first_name, last_name, password):
    username = (username or "").strip()
    errors = {}
    if not username:
        errors["username"] = ["Välj ett användarnamn."]
    elif User.objects.filter(username__iexact=username).exists():
        errors["username"] = ["Användarnamnet är upptaget. Välj ett annat."]
    if User.objects.filter(email__iexact=invitation.email).exists():
        errors["username"] = ["Det finns redan ett konto med den här e-postadressen. Logga in för att ta emot inbjudan."]
    candidate = User(username=username, email=invitation.email, first_name=first_name or "", last_name=last_name or "")
    try:
        validate_password(password or "", candidate)
    except ValidationError as error:
        errors["password1"] = error.messages
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        user = User.objects.create_user(username, invitation.email, password,
                                        first_name=(first_name or "").strip(), last_name=(last_name or "").strip())
        _claim(invitation, user)
    return user


def accept_as_existing_user(invitation, user):
    if user.email.strip().lower() != invitation.email:
        raise ValidationError(f"Inbjudan gäller {invitation.email}, men du är inloggad med ett annat konto.")
    with transaction.atomic():
        _claim(invitation, user)
    return user


# --- Two-factor authentication -----------------------------------------------------------------------------------

def start_enrolment(user):
    """An unconfirmed TOTP device whose secret the user scans; reused until confirmed so a reload shows the same QR."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Autentiseringsapp", confirmed=False)


def confirm_enrolment(user, device_pk, token):
    """Confirm the app with a code it shows; returns the new recovery codes (to be shown once)."""
    device = TOTPDevice.objects.filter(user=user, pk=device_pk, confirmed=False).first()
    if device is None:
        raise ValidationError({"token": ["Registreringen har gått ut. Börja om."]})
    token = (token or "").strip().replace(" ", "")
    if not token.isdigit() or not device.verify_token(token):
        raise ValidationError({"token": ["Koden stämmer inte. Skriv de sex siffrorna som appen visar just nu."]})
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user, confirmed=True).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = new_recovery_codes(user)
    return device, codes


def _recovery_code():
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


def new_recovery_codes(user):
    """Replace the user's recovery codes; the plain codes are returned once and never stored."""
    with transaction.atomic():
        RecoveryCodeDevice.objects.filter(user=user).delete()
        device = RecoveryCodeDevice.objects.create(user=user, name="Reservkoder", confirmed=True)
        codes = [_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
        RecoveryCode.objects.bulk_create(RecoveryCode(device=device, digest=token_digest(c)) for c in codes)
    return codes


def disable_second_factor(user):
    """Remove the user's app and recovery codes; refused for a user whose role requires two-factor authentication."""
    from .auth import second_factor_required

    if second_factor_required(user):
        raise ValidationError("Din roll kräver tvåstegsverifiering, så den kan inte stängas av.")
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        RecoveryCodeDevice.objects.filter(user=user).delete()  # the codes go with their device
