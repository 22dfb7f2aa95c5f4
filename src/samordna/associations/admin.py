from django.contrib import admin

from .models import Association, Charter, Member, PopulationFigure


class CharterInline(admin.StackedInline):
    model = Charter


@admin.register(Association)
class AssociationAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    inlines = [CharterInline]


class PopulationInline(admin.TabularInline):
    model = PopulationFigure
    extra = 1


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "association"]
    list_filter = ["association", "kind"]
    inlines = [PopulationInline]
