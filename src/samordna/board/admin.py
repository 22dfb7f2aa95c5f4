from django.contrib import admin

from .models import AgendaItem, Attendance, Body, Decision, Mandate, Meeting, Paragraph, Person, SeatGroup, StandardItem


class FrozenReadOnly:
    """An adjusted protocol never changes, not even through the admin."""

    def _frozen(self, obj):
        meeting = getattr(obj, "meeting", obj)
        return bool(obj) and getattr(meeting, "frozen", False)

    def has_change_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_delete_permission(request, obj)


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
class MeetingAdmin(FrozenReadOnly, admin.ModelAdmin):
    list_display = ["body", "date", "start", "place"]
    list_filter = ["body__association", "body"]
    date_hierarchy = "date"
    inlines = [AgendaInline]


class DecisionInline(admin.TabularInline):
    model = Decision
    extra = 0


@admin.register(Paragraph)
class ParagraphAdmin(FrozenReadOnly, admin.ModelAdmin):
    list_display = ["number", "sub", "title", "meeting", "tabled"]
    list_filter = ["meeting__body__association"]
    inlines = [DecisionInline]


admin.site.register([SeatGroup, Attendance, StandardItem])
