"""Internal control: the plans per year, the plan page with its heat map, settings, copying, agenda and PDF."""
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from samordna.accounts.access import acting_association
from samordna.board.views_common import apply_errors

from . import selectors, services
from .forms import AgendaForm, CopyForm, NewPlanForm, PlanForm, SettingsForm
from .models import ControlPlan


def get_plan(request, slug, year, *, edit=False):
    association = acting_association(request, slug, edit=edit)
    return get_object_or_404(ControlPlan, association=association, year=year)


@login_required
def internal_control(request, slug):
    association = acting_association(request, slug)
    form = NewPlanForm(request.POST or None, initial={"year": date.today().year})
    if request.method == "POST":
        acting_association(request, slug, edit=True)
        if form.is_valid():
            try:
                plan = services.save_plan(association, year=form.cleaned_data["year"])
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, f"Internkontrollplanen för {plan.year} är skapad. Lägg till risker nedan.")
                return redirect("control_plan", slug=slug, year=plan.year)
    context = {"association": association, "plans": selectors.plans_overview(association), "form": form,
               "settings": selectors.settings_for(association)}
    return render(request, "control/plans.html", context)


@login_required
def control_settings(request, slug):
    association = acting_association(request, slug)
    settings = selectors.settings_for(association)
    initial = {"matrix_size": settings.matrix_size, "probability_labels": settings.probability_labels,
               "consequence_labels": settings.consequence_labels}
    form = SettingsForm(request.POST or None, initial=initial)
    if request.method == "POST":
        acting_association(request, slug, edit=True)
        if form.is_valid():
            try:
                services.save_settings(association, **form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, "Riskmatrisen är sparad.")
                return redirect("internal_control", slug=slug)
    steps = list(zip(settings.probability_steps, settings.consequence_steps))
    return render(request, "control/settings.html",
                  {"association": association, "form": form, "settings": settings, "steps": steps})


def _plan_context(plan):
    settings = selectors.settings_for(plan.association)
    rows = selectors.plan_rows(plan, settings)
    return {"association": plan.association, "plan": plan, "settings": settings, "rows": rows,
            "heat": selectors.heat_map(rows, settings), "summary": selectors.status_summary(rows)}


def _plan_page(request, plan, **forms):
    """The plan page; `forms` replaces the blank form whose post failed, so its errors and input show."""
    context = _plan_context(plan)
    initial = {"year": plan.year, "adopted_at": plan.adopted_at, "reported_at": plan.reported_at, "note": plan.note}
    context.update(form=PlanForm(association=plan.association, year=plan.year, initial=initial, prefix="plan"),
                   copy_form=CopyForm(initial={"year": plan.year + 1}, prefix="copy"),
                   agenda_form=AgendaForm(association=plan.association, prefix="agenda"))
    context.update(forms)
    return render(request, "control/plan.html", context)


@login_required
def control_plan(request, slug, year):
    plan = get_plan(request, slug, year)
    if request.method != "POST":
        return _plan_page(request, plan)
    get_plan(request, slug, year, edit=True)
    form = PlanForm(request.POST, association=plan.association, year=plan.year, prefix="plan")
    if form.is_valid():
        try:
            plan = services.save_plan(plan.association, plan=plan, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Planens uppgifter är sparade.")
            return redirect("control_plan", slug=slug, year=plan.year)
    return _plan_page(request, plan, form=form)


@login_required
@require_POST
def control_copy(request, slug, year):
    plan = get_plan(request, slug, year, edit=True)
    form = CopyForm(request.POST, prefix="copy")
    if form.is_valid():
        try:
            new = services.copy_plan(plan, year=form.cleaned_data["year"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Planen är kopierad till {new.year}. Gå igenom riskerna och bedömningarna.")
            return redirect("control_plan", slug=slug, year=new.year)
    return _plan_page(request, plan, copy_form=form)


@login_required
@require_POST
def control_agenda(request, slug, year):
    plan = get_plan(request, slug, year, edit=True)
    form = AgendaForm(request.POST, association=plan.association, prefix="agenda")
    if form.is_valid():
        meeting = form.cleaned_data["meeting"]
        try:
            item = services.add_to_agenda(plan, meeting, form.cleaned_data["purpose"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"”{item.title}” är tillagt på föredragningslistan för {meeting}.")
            return redirect("agenda", slug=slug, meeting_id=meeting.pk)
    return _plan_page(request, plan, agenda_form=form)


@login_required
def control_report_pdf(request, slug, year):
    from .report import render_report_pdf

    plan = get_plan(request, slug, year)
    pdf = render_report_pdf(_plan_context(plan))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="internkontrollplan-{plan.association.slug}-{plan.year}.pdf"'
    return response

