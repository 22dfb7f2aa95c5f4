"""How a person becomes logged in, and how fresh that login is.

The seam for other login methods (a later e-ID/SAML login): a new method establishes *who* the person is in its own
view or authentication backend (added to settings.AUTHENTICATION_BACKENDS after axes), then calls
``complete_login(request, user, backend=..., second_factor=...)`` and redirects to the URL it returns. Everything after
that – the time stamp used for re-authentication, the two-factor step, the lockout reset – is shared. A method that is
itself strong authentication (e-ID) passes ``second_factor=True`` so no TOTP step is asked for.
"""
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import login as django_login
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user, user_has_device

from .models import EDITOR_ROLES, AssociationRole

# Approving a protocol needs a password (and second factor) entered within this time; same as board.adjustment.
FRESH_AUTHENTICATION = timedelta(minutes=10)
PASSWORD_AT = "authenticated_at"
SECOND_FACTOR_AT = "second_factor_at"


def has_second_factor(user):
    return user.is_authenticated and user_has_device(user, confirmed=True)


def second_factor_required(user):
    """Administrators and secretaries (in any association) must use two-factor authentication."""
    if not user.is_authenticated or not settings.SAMORDNA_TWO_FACTOR_REQUIRED:
        return False
    return user.is_superuser or AssociationRole.objects.filter(user=user, role__in=EDITOR_ROLES).exists()


def is_verified(request):
    return bool(getattr(request.user, "is_verified", lambda: False)())


def pending_step(request):
    """The URL name of the second-factor step this session still owes, or None when it may go anywhere."""
    user = request.user
    if not user.is_authenticated or is_verified(request):
        return None
    if has_second_factor(user):
        return "two_factor_verify"
    if second_factor_required(user):
        return "two_factor_enrol"
    return None


def safe_next(request, candidate):
    if candidate and url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    return reverse(settings.LOGIN_REDIRECT_URL)


def complete_login(request, user, *, backend=None, next_url="", second_factor=False):
    """Log the user in (password or another method) and return where to go next."""
    django_login(request, user, backend=backend)
    if second_factor:
        request.session[SECOND_FACTOR_AT] = timezone.now().isoformat()
    step = None if second_factor else pending_step(request)
    target = safe_next(request, next_url)
    return step_url(step, target) if step else target


def step_url(step, target):
    return f"{reverse(step)}?{urlencode({'next': target})}"


def complete_step_or(request, target):
    """``target``, unless the session now owes a second factor (e.g. a newly given administrator role)."""
    step = pending_step(request)
    return step_url(step, target) if step else target


def mark_second_factor(request, device):
    """The person has just proved the second factor with ``device``."""
    from django_otp import login as otp_login

    otp_login(request, device)
    request.session[SECOND_FACTOR_AT] = timezone.now().isoformat()
    # Trying a recovery code counts as a failure on the app's device too; success clears every back-off.
    for other in devices_for_user(request.user):
        if getattr(other, "throttling_failure_count", 0):
            other.throttle_reset()


def forget_second_factor(session):
    """A new login must prove the second factor again (called on every login)."""
    session.pop(DEVICE_ID_SESSION_KEY, None)
    session.pop(SECOND_FACTOR_AT, None)


def _stamp(session, key):
    value = session.get(key)
    try:
        return datetime.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def authenticated_at(request):
    """When this session last fully authenticated: the password time, or None when a second factor is owed."""
    password_at = _stamp(request.session, PASSWORD_AT)
    if password_at is None or not has_second_factor(request.user):
        return password_at
    second_at = _stamp(request.session, SECOND_FACTOR_AT)
    if second_at is None or not is_verified(request):
        return None
    return min(password_at, second_at)


def recently_verified(request, now=None):
    """True when password (and the second factor, where the user has one) were entered within ten minutes."""
    moment = authenticated_at(request)
    return moment is not None and (now or timezone.now()) - moment <= FRESH_AUTHENTICATION
