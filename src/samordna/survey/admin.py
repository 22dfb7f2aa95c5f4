from django.contrib import admin

from .models import Distribution, Question, Questionnaire, Version

# Responses and answers are deliberately left out: they are read only as suppressed aggregates.


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ["name", "association", "kind", "min_group"]
    list_filter = ["association"]


@admin.register(Version)
class VersionAdmin(admin.ModelAdmin):
    list_display = ["questionnaire", "number", "published", "published_on"]
    inlines = [QuestionInline]


@admin.register(Distribution)
class DistributionAdmin(admin.ModelAdmin):
    list_display = ["title", "association", "token", "is_open", "requires_code"]
    list_filter = ["association"]
