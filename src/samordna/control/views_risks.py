"""One risk of a plan: create, edit, delete, and enter its follow-ups."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from samordna.board.views_common import apply_errors

from . import selectors, services
from .forms import FollowUpForm, RiskForm
from .models import Risk
from .views import get_plan


def _risk_initial(risk):
    return {"title": risk.title, "process": risk.process, "probability": risk.probability,
            "consequence": risk.consequence, "action_plan": risk.action_plan, "control_method": risk.control_method,
            "frequency": risk.frequency, "responsible": risk.responsible}


@login_required
def control_risk_new(request, slug, year):
    plan = get_plan(request, slug, year, edit=True)
    settings = selectors.settings_for(plan.association)
    form = RiskForm(request.POST or None, association=plan.association, settings=settings)
    if request.method == "POST" and form.is_valid():
        try:
            risk = services.save_risk(plan, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Risken ”{risk.title}” är tillagd.")
            return redirect("control_plan", slug=slug, year=plan.year)
    return render(request, "control/risk_edit.html",
                  {"association": plan.association, "plan": plan, "form": form, "settings": settings, "risk": None})


@login_required
def control_risk(request, slug, year, risk_id):
    plan = get_plan(request, slug, year)
    risk = get_object_or_404(Risk.objects.select_related("responsible"), pk=risk_id, plan=plan, association=plan.association)
    settings = selectors.settings_for(plan.association)
    form = RiskForm(request.POST or None, association=plan.association, settings=settings, initial=_risk_initial(risk))
    if request.method == "POST":
        get_plan(request, slug, year, edit=True)
        if request.POST.get("delete") == "risk":
            services.delete_risk(risk)
            messages.success(request, f"Risken ”{risk.title}” är borttagen.")
            return redirect("control_plan", slug=slug, year=plan.year)
        if form.is_valid():
            try:
                services.save_risk(plan, risk=risk, **form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, "Risken är sparad.")
                return redirect("control_plan", slug=slug, year=plan.year)
    row = next(r for r in selectors.plan_rows(plan, settings) if r.risk.pk == risk.pk)
    return render(request, "control/risk_edit.html",
                  {"association": plan.association, "plan": plan, "form": form, "settings": settings, "risk": risk,
                   "row": row})


@login_required
def control_follow_up(request, slug, year, risk_id):
    plan = get_plan(request, slug, year, edit=True)
    risk = get_object_or_404(Risk, pk=risk_id, plan=plan, association=plan.association)
    settings = selectors.settings_for(plan.association)
    form = FollowUpForm(request.POST or None, settings=settings)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if (data["new_probability"] is None) != (data["new_consequence"] is None):
            # Changing one factor keeps the other as the risk is assessed now.
            probability, consequence = selectors.current_assessment(risk)
            data["new_probability"] = data["new_probability"] or probability
            data["new_consequence"] = data["new_consequence"] or consequence
        try:
            services.add_follow_up(risk, **data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Uppföljningen av ”{risk.title}” är sparad.")
            return redirect("control_plan", slug=slug, year=plan.year)
    row = next(r for r in selectors.plan_rows(plan, settings) if r.risk.pk == risk.pk)
    return render(request, "control/follow_up.html",
                  {"association": plan.association, "plan": plan, "risk": risk, "row": row, "form": form,
                   "settings": settings})
