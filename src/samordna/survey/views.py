"""Staff pages for the survey: design, distribution, codes and results."""
import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from samordna.accounts.access import acting_association

from . import export, qr, selectors, services
from .forms import CodesForm, DistributionForm, NewQuestionnaireForm, QuestionForm, QuestionnaireForm
from .models import Answer, Distribution, Question, Questionnaire


def _errors_to_form(form, error: ValidationError):
    if hasattr(error, "error_dict"):
        for name, errs in error.message_dict.items():
            field = form.fields.get(name)
            if field is not None:
                # The error summary prefixes the label itself.
                errs = [e.removeprefix(f"{field.label}: ") for e in errs]
            form.add_error(name if field is not None else None, errs)
    else:
        form.add_error(None, error.messages)


def short_url(request, distribution):
    return request.build_absolute_uri(reverse("survey_answer", args=[distribution.token]))


@login_required
def surveys(request, slug):
    association = acting_association(request, slug)
    new_form = NewQuestionnaireForm(request.POST if request.POST.get("save") == "questionnaire" else None)
    dist_form = DistributionForm(request.POST if request.POST.get("save") == "distribution" else None,
                                 association=association)
    if request.method == "POST":
        acting_association(request, slug, edit=True)
        if new_form.is_bound and new_form.is_valid():
            data = new_form.cleaned_data
            if data["kind"] == Questionnaire.Kind.INDICATOR:
                questionnaire = services.create_indicator_questionnaire(association, data["audience"])
            else:
                questionnaire = services.create_questionnaire(association, data["name"], kind=data["kind"],
                                                              with_defaults=data["with_defaults"])
            messages.success(request, f"{questionnaire.name} är skapad. Granska frågorna och publicera.")
            return redirect("survey_detail", slug=slug, pk=questionnaire.pk)
        if dist_form.is_bound and dist_form.is_valid():
            data = dist_form.cleaned_data
            try:
                distribution = services.create_distribution(
                    association, data["questionnaire"], label=data["label"], intervention=data["intervention"],
                    requires_code=data["requires_code"])
            except ValidationError as error:
                _errors_to_form(dist_form, error)
            else:
                messages.success(request, "Utskicket är skapat med egen kortlänk och QR-kod.")
                return redirect("survey_distribution", slug=slug, pk=distribution.pk)
    context = {"association": association, "new_form": new_form, "dist_form": dist_form,
               "questionnaires": association.questionnaires.prefetch_related("versions"),
               "distributions": association.survey_distributions.select_related("questionnaire", "intervention")}
    return render(request, "survey/surveys.html", context)


@login_required
def survey_detail(request, slug, pk):
    association = acting_association(request, slug)
    questionnaire = get_object_or_404(Questionnaire, pk=pk, association=association)
    draft = questionnaire.draft
    action = request.POST.get("action")
    settings_form = QuestionnaireForm(request.POST if action == "settings" else None, instance=questionnaire)
    question_form = QuestionForm(request.POST if action == "add" else None)
    if request.method == "POST":
        acting_association(request, slug, edit=True)
        try:
            if action == "settings" and settings_form.is_valid():
                settings_form.save()
                messages.success(request, "Inställningarna är sparade.")
                return redirect("survey_detail", slug=slug, pk=pk)
            if action == "add" and question_form.is_valid():
                if draft is None:
                    raise ValidationError("Det finns inget utkast att lägga till frågor i. Skapa en ny version.")
                data = {k: v for k, v in question_form.cleaned_data.items() if k != "choices_text"}
                services.add_question(draft, **data)
                messages.success(request, "Frågan är tillagd i utkastet.")
                return redirect("survey_detail", slug=slug, pk=pk)
            if action == "delete":
                question = get_object_or_404(Question, pk=request.POST.get("question"),
                                             version__questionnaire=questionnaire)
                services.delete_question(question)
                messages.success(request, "Frågan är borttagen ur utkastet.")
                return redirect("survey_detail", slug=slug, pk=pk)
            if action == "publish":
                if draft is None:
                    raise ValidationError("Det finns inget utkast att publicera.")
                services.publish(draft, timezone.localdate())
                messages.success(request, f"Version {draft.number} är publicerad. Nya svar hör till den.")
                return redirect("survey_detail", slug=slug, pk=pk)
            if action == "new_version":
                version = services.new_version(questionnaire)
                messages.success(request, f"Version {version.number} är skapad som utkast.")
                return redirect("survey_detail", slug=slug, pk=pk)
        except ValidationError as error:
            if action not in ("add", "settings"):
                for text in error.messages:
                    messages.error(request, text)
                return redirect("survey_detail", slug=slug, pk=pk)
            _errors_to_form(question_form if action == "add" else settings_form, error)
    context = {"association": association, "questionnaire": questionnaire, "draft": draft,
               "current": questionnaire.current, "versions": questionnaire.versions.all(),
               "settings_form": settings_form, "question_form": question_form}
    return render(request, "survey/survey_detail.html", context)


def _distribution(association, pk):
    return get_object_or_404(Distribution.objects.select_related("questionnaire", "intervention"),
                             pk=pk, association=association)


@login_required
def survey_distribution(request, slug, pk):
    association = acting_association(request, slug)
    distribution = _distribution(association, pk)
    codes_form = CodesForm(request.POST if request.POST.get("action") == "codes" else None)
    if request.method == "POST":
        acting_association(request, slug, edit=True)
        action = request.POST.get("action")
        if action == "toggle":
            distribution.is_open = not distribution.is_open
            distribution.save(update_fields=["is_open"])
            messages.success(request, "Enkäten är öppen för svar." if distribution.is_open else "Enkäten är stängd.")
            return redirect("survey_distribution", slug=slug, pk=pk)
        if action == "codes" and codes_form.is_valid():
            made = services.generate_codes(distribution, codes_form.cleaned_data["count"])
            if not distribution.requires_code:
                distribution.requires_code = True
                distribution.save(update_fields=["requires_code"])
            messages.success(request, f"{len(made)} nya engångskoder är skapade. Skriv ut dem nedan.")
            return redirect("survey_distribution", slug=slug, pk=pk)
    codes = distribution.codes.all()
    context = {"association": association, "distribution": distribution, "url": short_url(request, distribution),
               "codes_form": codes_form, "unused": sum(1 for c in codes if not c.used),
               "used": sum(1 for c in codes if c.used)}
    return render(request, "survey/distribution.html", context)


@login_required
def survey_qr(request, slug, pk, fmt):
    association = acting_association(request, slug)
    distribution = _distribution(association, pk)
    url = short_url(request, distribution)
    if fmt == "svg":
        return HttpResponse(qr.qr_svg(url), content_type="image/svg+xml")
    if fmt == "png":
        response = HttpResponse(qr.qr_png(url), content_type="image/png")
        response["Content-Disposition"] = f'attachment; filename="enkat-{distribution.token}.png"'
        return response
    if fmt == "pdf":
        response = HttpResponse(qr.poster_pdf(distribution, url), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="enkat-affisch-{distribution.token}.pdf"'
        return response
    raise Http404("Okänt format.")


@login_required
def survey_codes(request, slug, pk):
    association = acting_association(request, slug, edit=True)
    distribution = _distribution(association, pk)
    context = {"association": association, "distribution": distribution, "url": short_url(request, distribution),
               "codes": distribution.codes.filter(used=False)}
    return render(request, "survey/codes.html", context)


def _int(value, allowed=None):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if allowed is None or number in allowed else None


@login_required
def survey_results(request, slug, pk):
    association = acting_association(request, slug)
    questionnaire = get_object_or_404(Questionnaire, pk=pk, association=association)
    if request.method == "POST":
        acting_association(request, slug, edit=True)
        answer = get_object_or_404(Answer, pk=request.POST.get("answer"),
                                   response__distribution__association=association,
                                   question__version__questionnaire=questionnaire)
        services.blank_comment(answer)
        messages.success(request, "Kommentaren är borttagen.")
        return redirect(request.get_full_path())
    years = selectors.years_with_answers(questionnaire) or [timezone.localdate().year]
    year = _int(request.GET.get("ar"), set(years)) or years[0]
    quarter = _int(request.GET.get("kvartal"), {1, 2, 3, 4})
    distributions = list(questionnaire.distributions.select_related("intervention"))
    distribution_id = _int(request.GET.get("utskick"), {d.pk for d in distributions})
    result = selectors.results(questionnaire, year, quarter, distribution_id, with_comments=request.can_edit)
    cross_groups = {}
    for table in result.cross:
        cross_groups.setdefault(table.outcome, []).append(table)
    context = {"association": association, "questionnaire": questionnaire, "years": years, "year": year,
               "cross_groups": list(cross_groups.items()),
               "quarter": quarter, "distributions": distributions, "distribution_id": distribution_id,
               "result": result, "threshold": questionnaire.min_group, "quarters": (1, 2, 3, 4)}
    return render(request, "survey/results.html", context)


@login_required
def survey_results_csv(request, slug, pk):
    """Suppressed counts per group, question and answer, for national comparison and spreadsheets
    (the layout is documented in export.export_table)."""
    association = acting_association(request, slug)
    questionnaire = get_object_or_404(Questionnaire, pk=pk, association=association)
    years = selectors.years_with_answers(questionnaire) or [timezone.localdate().year]
    year = _int(request.GET.get("ar"), set(years)) or years[0]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="enkat-{questionnaire.pk}-{year}.csv"'
    response.write("\ufeff")  # lets Excel read å, ä and ö
    writer = csv.writer(response, delimiter=";")
    writer.writerow(export.EXPORT_HEADER)
    writer.writerows(export.export_table(questionnaire, year))
    return response
