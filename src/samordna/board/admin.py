from django.contrib import admin

from .models import AgendaItem, Attendance, Body, Decision, Mandate, Meeting, Paragraph, Person, SeatGroup, StandardItem


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["name", "association", "kind", "numbering"]
    list_filter = ["association"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "party", "association"]
    list_filter = ["association"]
    search_fields = ["name"]


@admin.register(Mandate)
class MandateAdmin(admin.ModelAdmin):
    list_display = ["person", "body", "role", "member", "function", "substitute_order"]
    list_filter = ["body__association", "role"]


class AgendaInline(admin.TabularInline):
    model = AgendaItem
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["body", "date", "start", "place"]
    list_filter = ["body__association", "body"]
    date_hierarchy = "date"
    inlines = [AgendaInline]


class DecisionInline(admin.TabularInline):
    model = Decision
    extra = 0


@admin.register(Paragraph)
class ParagraphAdmin(admin.ModelAdmin):
    list_display = ["number", "sub", "title", "meeting", "tabled"]
    list_filter = ["meeting__body__association"]
    inlines = [DecisionInline]


admin.site.register([SeatGroup, Attendance, StandardItem])
