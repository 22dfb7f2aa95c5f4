from django.contrib import admin

from .models import Assignment, Case, DelegatedDecision, DelegationPoint, Document, Notification, RegistrySettings


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "association", "received_on", "status"]
    list_filter = ["association", "status"]
    search_fields = ["number", "title"]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "case", "kind", "confidential", "size"]
    list_filter = ["association", "kind", "confidential"]
    exclude = ["content"]


admin.site.register([RegistrySettings, Assignment, DelegationPoint, DelegatedDecision, Notification])
