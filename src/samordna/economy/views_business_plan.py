"""The business plan's pages: list, edit texts and goals, preview, adopt, download as PDF or DOCX."""
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from samordna.accounts.access import acting_association
from samordna.board.views_common import apply_errors

from . import business_plan, document, services_plan
from .forms import AdoptForm, BusinessPlanCreateForm, BusinessPlanTextsForm, PlanGoalForm
from .models import BusinessPlan, PlanGoal
from .views_export import _format, download


def _plan(association, year):
    return get_object_or_404(BusinessPlan, association=association, year=year)


def _render(request, template, context):
    context.setdefault("year", context.get("plan").year if context.get("plan") else None)
    return render(request, template, context)


@login_required
def business_plans(request, slug):
    association = acting_association(request, slug)
    form = BusinessPlanCreateForm(request.POST or None)
    if request.method == "POST":
        acting_association(request, slug, edit=True)
        if form.is_valid():
            try:
                plan = services_plan.create_plan(association, form.cleaned_data["year"])
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, f"Verksamhetsplanen för {plan.year} är skapad.")
                return redirect("economy_business_plan", slug=slug, year=plan.year)
    plans = BusinessPlan.objects.filter(association=association).order_by("-year")
    return render(request, "economy/business_plans.html", {"association": association, "plans": plans, "form": form,
                                                           "year": plans[0].year if plans else date.today().year})


@login_required
def business_plan_edit(request, slug, year):
    association = acting_association(request, slug)
    plan = _plan(association, year)
    which = request.POST.get("save")
    texts = BusinessPlanTextsForm(request.POST if which == "texts" else None, initial=plan.texts, prefix="texts")
    goal_form = PlanGoalForm(request.POST if which == "goal" else None, prefix="goal",
                             initial={"position": plan.goals.count() + 1})
    if request.method == "POST":
        acting_association(request, slug, edit=True)
        try:
            if plan.adopted:
                raise services_plan.frozen_error(plan)
            if which == "texts" and texts.is_valid():
                services_plan.save_texts(plan, texts.cleaned_data)
                messages.success(request, "Texterna är sparade.")
                return redirect("economy_business_plan", slug=slug, year=year)
            if which == "goal" and goal_form.is_valid():
                goal = goal_form.save(commit=False)
                goal.plan = plan
                services_plan.save_goal(goal)
                messages.success(request, f"Målet ”{goal.text}” är tillagt.")
                return redirect("economy_business_plan", slug=slug, year=year)
            if which == "delete_goal":
                goal = get_object_or_404(PlanGoal, pk=request.POST.get("goal"), plan=plan)
                services_plan.delete_goal(goal)
                messages.success(request, f"Målet ”{goal.text}” är borttaget.")
                return redirect("economy_business_plan", slug=slug, year=year)
        except ValidationError as error:
            apply_errors(goal_form if which == "goal" else texts, error)
            if which not in ("goal", "texts"):
                for message in error.messages:
                    messages.error(request, message)
    return _render(request, "economy/business_plan.html",
                   {"association": association, "plan": plan, "texts": texts, "goal_form": goal_form,
                    "goals": plan.goals.all(), "tab": "edit"})


@login_required
def business_plan_preview(request, slug, year):
    association = acting_association(request, slug)
    plan = _plan(association, year)
    doc = business_plan.current(plan)
    return _render(request, "economy/business_plan_preview.html",
                   {"association": association, "plan": plan, "doc": doc, "body": document.body_html(doc),
                    "intact": services_plan.verify(plan) if plan.adopted else None, "tab": "preview"})


@login_required
def business_plan_adopt(request, slug, year):
    association = acting_association(request, slug)
    plan = _plan(association, year)
    form = AdoptForm(request.POST or None, association=association)
    if request.method == "POST":
        acting_association(request, slug, edit=True)
        if form.is_valid():
            try:
                plan = services_plan.adopt(plan, form.cleaned_data["paragraph"])
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, f"Verksamhetsplanen för {year} är antagen och låst.")
                return redirect("economy_business_plan_preview", slug=slug, year=year)
        elif plan.adopted:
            # An adopted plan says so rather than asking for a paragraph again.
            form.errors.clear()
            apply_errors(form, ValidationError(f"Verksamhetsplanen för {year} är redan antagen ({plan.adopted_by})."))
    return _render(request, "economy/business_plan_adopt.html",
                   {"association": association, "plan": plan, "form": form, "tab": "adopt"})


@login_required
def business_plan_document(request, slug, year, fmt):
    association = acting_association(request, slug)
    content_type, render_doc = _format(fmt)
    plan = _plan(association, year)
    content = render_doc(business_plan.current(plan), business_plan.hash_line(plan))
    return download(content, content_type, f"verksamhetsplan-{association.slug}-{year}.{fmt}")

