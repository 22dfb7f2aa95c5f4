"""Staff pages: the list of interventions, registering one, and its contracts, goals, budget, groups and reporters."""
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from samordna.accounts.access import acting_association
from samordna.accounts.audit import record_denied
from samordna.board.views_common import apply_errors

from . import selectors, services
from .forms import BudgetLineForm, ContractForm, GoalForm, GroupStartForm, InterventionForm, ReporterForm
from .models import BudgetLine, Contract, Goal, GroupStart, ReporterAssignment


def get_intervention(request, slug, pk, *, edit=False):
    association = acting_association(request, slug, edit=edit, reporter=True)
    try:
        return get_object_or_404(selectors.visible_interventions(request.user, association), pk=pk)
    except Http404:
        if association.interventions.filter(pk=pk).exists():  # a reporter guessing another intervention's address
            record_denied(user=request.user, association=association, action=f"{request.method} {request.path}",
                          reason="Insatsen är inte en av dem användaren rapporterar för.")
        raise


@login_required
def interventions(request, slug):
    association = acting_association(request, slug, reporter=True)
    services.ensure_defaults(association)
    rows = selectors.visible_interventions(request.user, association).prefetch_related("owners", "reports")
    latest = {}
    for intervention in rows:
        reports = sorted(intervention.reports.all(), key=lambda r: r.month)
        latest[intervention.pk] = reports[-1] if reports else None
    context = {"association": association, "rows": [(i, latest[i.pk]) for i in rows],
               "only_reporter": selectors.only_reporter(request.user, association),
               "contracts": selectors.contracts_needing_decision(association, date.today()) if request.can_edit else []}
    return render(request, "interventions/list.html", context)


def _save_intervention_form(request, association, form):
    if not form.is_valid():
        return None
    intervention = form.save(commit=False)
    intervention.association = association
    try:
        return services.save_intervention(intervention, owners=form.cleaned_data["owners"],
                                          municipalities=form.cleaned_data["municipalities"])
    except ValidationError as error:
        apply_errors(form, error)
        return None


@login_required
def intervention_create(request, slug):
    association = acting_association(request, slug, edit=True)
    services.ensure_defaults(association)
    form = InterventionForm(request.POST or None, association=association, initial={"start": date.today()})
    if request.method == "POST":
        intervention = _save_intervention_form(request, association, form)
        if intervention:
            messages.success(request, f"Insatsen {intervention.name} är registrerad. Lägg till avtal och mål nedan.")
            return redirect("intervention", slug=slug, pk=intervention.pk)
    return render(request, "interventions/form.html", {"association": association, "form": form})


@login_required
def intervention_edit(request, slug, pk):
    intervention = get_intervention(request, slug, pk, edit=True)
    association = intervention.association
    form = InterventionForm(request.POST or None, instance=intervention, association=association)
    if request.method == "POST":
        if _save_intervention_form(request, association, form):
            messages.success(request, "Ändringarna är sparade.")
            return redirect("intervention", slug=slug, pk=intervention.pk)
    return render(request, "interventions/form.html", {"association": association, "form": form, "intervention": intervention})


FORMS = {
    "contract": lambda data, i: ContractForm(data, association=i.association, prefix="contract"),
    "goal": lambda data, i: GoalForm(data, prefix="goal"),
    "budget": lambda data, i: BudgetLineForm(data, association=i.association, prefix="budget"),
    "group": lambda data, i: GroupStartForm(data, prefix="group"),
    "reporter": lambda data, i: ReporterForm(data, association=i.association, prefix="reporter"),
}
DELETABLE = {"goal": Goal, "budget": BudgetLine, "group": GroupStart, "reporter": ReporterAssignment}


def _save_part(which, form, intervention):
    if which == "group":
        services.add_group_start(intervention, form.cleaned_data["date"], form.cleaned_data["places"])
    elif which == "reporter":
        services.assign_reporter(intervention, form.cleaned_data["user"])
    else:
        obj = form.save(commit=False)
        obj.intervention = intervention
        {"contract": services.save_contract, "goal": services.save_goal, "budget": services.save_budget_line}[which](obj)


@login_required
def intervention(request, slug, pk):
    intervention = get_intervention(request, slug, pk)
    which = request.POST.get("save")
    forms = {name: make(request.POST if which == name else None, intervention) for name, make in FORMS.items()}
    if request.method == "POST":
        get_intervention(request, slug, pk, edit=True)
        kind, _, obj_id = request.POST.get("delete", "").partition(":")
        if kind in DELETABLE and obj_id.isdigit():
            DELETABLE[kind].objects.filter(pk=int(obj_id), intervention=intervention).delete()
            messages.success(request, "Raden är borttagen.")
            return redirect("intervention", slug=slug, pk=pk)
        form = forms.get(which)
        if form is not None and form.is_valid():
            try:
                _save_part(which, form, intervention)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, "Ändringarna är sparade.")
                return redirect("intervention", slug=slug, pk=pk)
    reports = list(intervention.reports.order_by("-month")[:13])
    context = {
        "association": intervention.association, "intervention": intervention, "forms": forms,
        "contracts": intervention.contracts.select_related("decision_paragraph__meeting__body"),
        "goals": intervention.goals.all(), "budget_lines": intervention.budget_lines.select_related("municipality"),
        "group_starts": intervention.group_starts.all(),
        "reporters": intervention.reporters.select_related("user"), "reports": reports,
        "can_report": services.can_report(request.user, intervention),
        "report_month": _previous_month(date.today()), "locked": selectors.locked_months(intervention.association),
    }
    return render(request, "interventions/detail.html", context)


def _previous_month(today):
    return date(today.year - 1, 12, 1) if today.month == 1 else date(today.year, today.month - 1, 1)


@login_required
def contract_edit(request, slug, pk, contract_id):
    intervention = get_intervention(request, slug, pk, edit=True)
    contract = get_object_or_404(Contract, pk=contract_id, intervention=intervention)
    form = ContractForm(request.POST or None, instance=contract, association=intervention.association)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_contract(form.save(commit=False))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Avtalet är sparat.")
            return redirect("intervention", slug=slug, pk=pk)
    return render(request, "interventions/contract.html",
                  {"association": intervention.association, "intervention": intervention, "contract": contract, "form": form})
