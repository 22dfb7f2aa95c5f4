"""Remember when the user last entered their password: approving a protocol requires a recent login.

Every login also forgets an earlier second-factor proof, so re-authenticating means giving both factors again.
"""
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import timezone

from .auth import PASSWORD_AT, forget_second_factor


@receiver(user_logged_in)
def remember_login_time(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        forget_second_factor(request.session)
        request.session[PASSWORD_AT] = timezone.now().isoformat()
