from django.contrib import admin

from .models import AssociationRole, AuditEvent, Invitation


@admin.register(AssociationRole)
class AssociationRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "association", "role"]
    list_filter = ["association", "role"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "association", "role", "created_at", "expires_at", "accepted_at", "revoked_at"]
    list_filter = ["association", "role"]
    readonly_fields = ["token_digest", "accepted_by", "accepted_at"]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the audit log is append-only, in the admin as everywhere else."""
    list_display = ["at", "association_id", "actor_name", "action", "object_kind", "object_id", "object_repr"]
    list_filter = ["action", "object_kind"]
    search_fields = ["actor_name", "object_repr", "path"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
