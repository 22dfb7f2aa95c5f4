"""Personal API tokens: a user's key for one association, with scopes; only the token's SHA-256 is stored."""
import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone

from samordna.associations.models import Association

READ = "read"
WRITE_PROTOCOLS = "write:protocols"
SCOPES = {
    READ: "Läsa förbundets uppgifter",
    WRITE_PROTOCOLS: "Skapa protokollutkast från utbytesformatet",
}


def digest(token: str) -> str:
    return hashlib.sha256(token.strip().encode()).hexdigest()


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="api_tokens",
                                    verbose_name="förbund")
    name = models.CharField("namn", max_length=100, help_text="Vad nyckeln används till, t.ex. ”Intranätets kalender”.")
    # Space-separated scope names (see SCOPES): simple to store and to read in the admin on every database.
    scopes = models.CharField("behörigheter", max_length=200)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters of the token, so its owner can tell their keys apart; too short to guess the rest from.
    prefix = models.CharField("början av nyckeln", max_length=12, editable=False)
    created_at = models.DateTimeField("skapad", default=timezone.now)
    expires_on = models.DateField("gäller till och med")
    revoked_at = models.DateTimeField("återkallad", null=True, blank=True)
    # A date, not a time: enough to see which keys are unused, without logging each call.
    last_used_on = models.DateField("senast använd", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "API-nyckel"
        verbose_name_plural = "API-nycklar"

    def __str__(self):
        return f"{self.name} ({self.prefix}…) – {self.user} i {self.association}"

    @property
    def scope_set(self):
        return set(self.scopes.split())

    def scope_labels(self):
        return [SCOPES.get(s, s) for s in self.scopes.split()]

    def usable(self, today=None):
        return self.revoked_at is None and (today or timezone.localdate()) <= self.expires_on

    @property
    def state(self):
        if self.revoked_at:
            return "Återkallad"
        return "Gäller" if self.usable() else "Har gått ut"
