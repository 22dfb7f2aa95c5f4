from django.contrib import admin

from .models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "prefix", "user", "association", "scopes", "expires_on", "revoked_at", "last_used_on")
    list_filter = ("association",)
    readonly_fields = ("digest", "prefix", "created_at", "last_used_on")
