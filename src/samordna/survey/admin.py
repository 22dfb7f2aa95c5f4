from django.contrib import admin

from .models import Distribution, Question, Questionnaire, Version

# Responses and answers are deliberately left out: they are read only as suppressed aggregates.


class QuestionInline(admin.TabularInline):
    """A published version's wording is fixed (answers are tied to it); only a draft's questions change."""
    model = Question
    extra = 0

    def _draft(self, obj):
        return obj is None or not obj.published

    def has_add_permission(self, request, obj=None):
        return self._draft(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._draft(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._draft(obj) and super().has_delete_permission(request, obj)


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ["name", "association", "kind", "min_group"]
    list_filter = ["association"]


@admin.register(Version)
class VersionAdmin(admin.ModelAdmin):
    list_display = ["questionnaire", "number", "published", "published_on"]
    inlines = [QuestionInline]

    def get_readonly_fields(self, request, obj=None):
        # Unpublishing would reopen the wording that answers (and indicator comparisons) rely on.
        if obj is not None and obj.published:
            return ["questionnaire", "number", "published", "published_on"]
        return super().get_readonly_fields(request, obj)


@admin.register(Distribution)
class DistributionAdmin(admin.ModelAdmin):
    list_display = ["title", "association", "token", "is_open", "requires_code"]
    list_filter = ["association"]
