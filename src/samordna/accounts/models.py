"""Who may act in which association, and as what."""
import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_otp.models import Device, ThrottlingMixin

from samordna.associations.models import Association


class AssociationRole(models.Model):
    class Role(models.TextChoices):
        ADMIN = "admin", "Förbundschef/administratör"
        SECRETARY = "secretary", "Sekreterare"
        BOARD_MEMBER = "board_member", "Styrelseledamot"
        REPORTER = "reporter", "Rapportör"
        AUDITOR = "auditor", "Revisor"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="association_roles")
    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField("roll", max_length=20, choices=Role.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "association", "role"], name="role_unique")]
        verbose_name = "roll i förbund"
        verbose_name_plural = "roller i förbund"

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} i {self.association}"


EDITOR_ROLES = {AssociationRole.Role.ADMIN, AssociationRole.Role.SECRETARY}


def token_digest(token):
    """Invitation tokens and recovery codes are long random strings, so a plain SHA-256 is enough to store them."""
    return hashlib.sha256(token.strip().replace("-", "").lower().encode()).hexdigest()


class RecoveryCodeDevice(ThrottlingMixin, Device):
    """One-time recovery codes for when the authenticator app is lost; only their digests are stored."""

    class Meta:
        verbose_name = "reservkoder"
        verbose_name_plural = "reservkoder"

    def verify_token(self, token):
        allowed, _ = self.verify_is_allowed()
        if not allowed or not token:
            return False
        code = self.codes.filter(digest=token_digest(str(token)), used_at__isnull=True).first()
        if code is None:
            self.throttle_increment()
            return False
        code.used_at = timezone.now()
        code.save(update_fields=["used_at"])
        self.throttle_reset(commit=False)
        self.save()
        return True

    def get_throttle_factor(self):
        return 1

    def remaining(self):
        return self.codes.filter(used_at__isnull=True).count()


class RecoveryCode(models.Model):
    device = models.ForeignKey(RecoveryCodeDevice, on_delete=models.CASCADE, related_name="codes")
    digest = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)


class Invitation(models.Model):
    """An e-mailed, one-time, expiring link that gives its holder a role in the association."""

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField("e-postadress")
    role = models.CharField("roll", max_length=20, choices=AssociationRole.Role.choices)
    token_digest = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "inbjudan"
        verbose_name_plural = "inbjudningar"

    def __str__(self):
        return f"{self.email} – {self.get_role_display()} i {self.association}"

    def usable(self, now=None):
        return self.accepted_at is None and self.revoked_at is None and (now or timezone.now()) < self.expires_at


from .models_audit import AuditEvent  # noqa: E402,F401  (the audit log lives in its own file)
