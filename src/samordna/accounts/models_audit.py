"""The audit log (granskningslogg): who did what, when, with what before and after (issue 9, item 4).

Rows are only ever added. The model refuses save() of an existing row and delete(); its manager refuses bulk update
and delete; on PostgreSQL a trigger (migration 0003) refuses UPDATE and DELETE for everyone else too. The one change
let through is Django's own ON DELETE SET NULL when a user account is removed: the row keeps the name snapshot.
"""
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

APPEND_ONLY = "Granskningsloggen kan bara byggas på: en händelse ändras och raderas aldrig."


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionDenied(APPEND_ONLY)

    def delete(self):
        raise PermissionDenied(APPEND_ONLY)

    def bulk_update(self, objs, fields, batch_size=None):
        raise PermissionDenied(APPEND_ONLY)


class AuditEvent(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", "Skapad"
        UPDATE = "update", "Ändrad"
        DELETE = "delete", "Borttagen"
        APPROVAL = "approval", "Godkänd (justering)"
        ADJUSTMENT = "adjustment", "Protokoll justerat"
        DENIED = "denied", "Nekad åtkomst"
        RESTORE = "restore", "Återställd från säkerhetskopia"

    # No database constraint: the log must outlive what it describes, including a removed association.
    association = models.ForeignKey("associations.Association", on_delete=models.DO_NOTHING, db_constraint=False,
                                    null=True, blank=True, related_name="+", verbose_name="förbund")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="+", verbose_name="användare")
    actor_name = models.CharField("användarnamn då", max_length=150)
    at = models.DateTimeField("tidpunkt", default=timezone.now, db_index=True)
    action = models.CharField("händelse", max_length=20, choices=Action.choices)
    object_type = models.CharField("modell", max_length=100, blank=True)
    object_kind = models.CharField("slag", max_length=100, blank=True)
    object_id = models.CharField("id", max_length=64, blank=True)
    object_repr = models.CharField("beskrivning", max_length=300, blank=True)
    before = models.JSONField("före", null=True, blank=True, encoder=DjangoJSONEncoder)
    after = models.JSONField("efter", null=True, blank=True, encoder=DjangoJSONEncoder)
    reason = models.TextField("skäl", blank=True)
    method = models.CharField("metod", max_length=10, blank=True)
    path = models.CharField("sökväg", max_length=300, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["association", "-at"], name="audit_association_at")]
        verbose_name = "händelse i granskningsloggen"
        verbose_name_plural = "granskningslogg"

    def __str__(self):
        return f"{timezone.localtime(self.at):%Y-%m-%d %H:%M} {self.actor_name}: {self.get_action_display()} " \
               f"{self.object_kind} {self.object_repr}".strip()

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionDenied(APPEND_ONLY)
        kwargs.pop("force_update", None)
        super().save(*args, force_insert=True, **{k: v for k, v in kwargs.items() if k != "force_insert"})

    def delete(self, *args, **kwargs):
        raise PermissionDenied(APPEND_ONLY)

    @property
    def where(self):
        return f"{self.method} {self.path}".strip()

    def changes(self):
        """(field, before, after) rows for the list page; a create has only after, a delete only before."""
        before, after = self.before or {}, self.after or {}
        return [(name, before.get(name), after.get(name)) for name in dict.fromkeys([*before, *after])]
