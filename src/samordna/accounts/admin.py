from django.contrib import admin

from .models import AssociationRole


@admin.register(AssociationRole)
class AssociationRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "association", "role"]
    list_filter = ["association", "role"]
