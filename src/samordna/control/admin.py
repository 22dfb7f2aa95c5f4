from django.contrib import admin

from .models import ControlPlan, ControlSettings, FollowUp, Risk


class RiskInline(admin.TabularInline):
    model = Risk
    fields = ["position", "title", "process", "probability", "consequence", "frequency", "responsible"]
    extra = 0


@admin.register(ControlPlan)
class ControlPlanAdmin(admin.ModelAdmin):
    list_display = ["association", "year", "adopted_at"]
    list_filter = ["association"]
    inlines = [RiskInline]


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin):
    list_display = ["risk", "date", "status"]
    list_filter = ["association", "status"]


admin.site.register(ControlSettings)
