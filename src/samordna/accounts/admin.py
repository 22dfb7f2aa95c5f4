from django.contrib import admin

from .models import AssociationRole, Invitation


@admin.register(AssociationRole)
class AssociationRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "association", "role"]
    list_filter = ["association", "role"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "association", "role", "created_at", "expires_at", "accepted_at", "revoked_at"]
    list_filter = ["association", "role"]
    readonly_fields = ["token_digest", "accepted_by", "accepted_at"]
