"""Who may act in which association, and as what."""
from django.conf import settings
from django.db import models

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
