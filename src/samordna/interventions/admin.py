from django.contrib import admin

from .models import BudgetLine, Contract, ExitReason, Goal, GroupStart, Intervention, Orientation, PeriodLock, Report


class ContractInline(admin.TabularInline):
    model = Contract
    extra = 0


class GoalInline(admin.TabularInline):
    model = Goal
    extra = 0


class BudgetInline(admin.TabularInline):
    model = BudgetLine
    extra = 0


class GroupStartInline(admin.TabularInline):
    model = GroupStart
    extra = 0


@admin.register(Intervention)
class InterventionAdmin(admin.ModelAdmin):
    list_display = ["name", "association", "kind", "orientation", "provider", "published"]
    list_filter = ["association", "kind", "published"]
    search_fields = ["name", "provider"]
    inlines = [ContractInline, GoalInline, BudgetInline, GroupStartInline]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["intervention", "month", "participants_end", "started", "ended", "queue_end"]
    list_filter = ["intervention__association"]


admin.site.register([Orientation, ExitReason, PeriodLock])
