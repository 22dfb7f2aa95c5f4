"""Remember when the user last entered their password: approving a protocol requires a recent login."""
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import timezone


@receiver(user_logged_in)
def remember_login_time(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session["authenticated_at"] = timezone.now().isoformat()
