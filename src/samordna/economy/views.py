"""The economy's pages: financing plan, population, budget, outcome with equity, fees, withdrawals, settings."""
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from samordna.accounts.access import acting_association
from samordna.associations.models import Member, PopulationFigure
from samordna.board.views_common import apply_errors
from samordna.interventions import selectors as follow_up_selectors

from . import charts, key_figures, selectors, services
from .forms import (BudgetForm, FeeForm, LineForm, PlanForm, PopulationForm, RevokeForm, SettingsForm, UploadForm,
                    WithdrawalForm)
from .models import Budget, BudgetLine, EconomySettings, Fee, FinancingPlan, Withdrawal

FIRST_YEAR, LAST_YEAR = 2004, 2100  # FinsamL came into force 2004-01-01


def _year(request, association):
    try:
        return _valid_year(int(request.GET.get("ar", "")))
    except (ValueError, Http404):
        latest = FinancingPlan.objects.filter(association=association, year__lte=date.today().year + 1).order_by("-year").first()
        return latest.year if latest else date.today().year


def _valid_year(year):
    """Years outside Finsam's lifetime are not pages (and would not make dates)."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404("Året finns inte.")
    return year


def _render(request, template, context):
    """Every economy page shows the tabs, which link to the year in view (or the latest plan's year)."""
    context.setdefault("year", _year(request, context["association"]))
    return render(request, template, context)


def _upload_errors(form, error):
    for message in error.messages:
        form.add_error("file", message)


@login_required
def economy(request, slug):
    association = acting_association(request, slug)
    year = _year(request, association)
    results = selectors.plans_ahead(association, year)
    settings = selectors.settings_for(association)
    staff = follow_up_selectors.is_staff(request.user, association)
    context = {"association": association, "year": year, "results": results, "matrix": selectors.plan_matrix(results),
               "key": key_figures.key_figures(association, year, staff=staff),
               "settings": settings, "places": max(0, -settings.unit.normalize().as_tuple().exponent),
               "budgets": Budget.objects.filter(association=association).order_by("-year")[:6],
               "plans": FinancingPlan.objects.filter(association=association).order_by("-year")}
    return _render(request, "economy/economy.html", context)


@login_required
def financing_plan(request, slug, year):
    association = acting_association(request, slug)
    _valid_year(year)
    plan = FinancingPlan.objects.filter(association=association, year=year).first()
    form = PlanForm(request.POST or None, instance=plan)
    if request.method == "POST":
        acting_association(request, slug, edit=True)
        if form.is_valid():
            saved = form.save(commit=False)
            saved.association, saved.year = association, year
            try:
                services.save_plan(saved)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, f"Finansieringsplanen för {year} är sparad.")
                return redirect(f"{request.path}")
    result = selectors.plan_result(plan) if plan and plan.pk else None
    settings = selectors.settings_for(association)
    context = {"association": association, "year": year, "plan": plan, "form": form, "result": result,
               "reference": settings.reference_date(year), "places": max(0, -settings.unit.normalize().as_tuple().exponent)}
    return _render(request, "economy/financing_plan.html", context)


@login_required
def population(request, slug):
    association = acting_association(request, slug)
    which = request.POST.get("save")
    form = PopulationForm(request.POST if which == "one" else None, association=association, prefix="one")
    upload = UploadForm(request.POST if which == "csv" else None, request.FILES if which == "csv" else None, prefix="csv")
    if request.method == "POST":
        acting_association(request, slug, edit=True)
        if which == "csv" and upload.is_valid():
            try:
                count = services.import_population(association, upload.cleaned_data["file"].read())
            except ValidationError as error:
                _upload_errors(upload, error)
            else:
                messages.success(request, f"{count} befolkningssiffror är inlästa.")
                return redirect("economy_population", slug=slug)
        elif which == "one" and form.is_valid():
            data = form.cleaned_data
            try:
                services.save_population(data["member"], data["date"], data["population"])
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, f"Folkmängden för {data['member']} är sparad.")
                return redirect("economy_population", slug=slug)
    figures = PopulationFigure.objects.filter(member__association=association).select_related("member")
    dates = sorted({f.date for f in figures}, reverse=True)[:6]
    table = {}
    for f in figures:
        table.setdefault(f.member, {})[f.date] = f.population
    rows = [(m, [table.get(m, {}).get(d) for d in dates])
            for m in Member.objects.filter(association=association, kind=Member.Kind.MUNICIPALITY)]
    return _render(request, "economy/population.html",
                   {"association": association, "form": form, "upload": upload, "dates": dates, "rows": rows})


@login_required
def budget(request, slug, year):
    association = acting_association(request, slug)
    _valid_year(year)
    budget = Budget.objects.filter(association=association, year=year).first()
    which = request.POST.get("save")
    budget_form = BudgetForm(request.POST if which == "budget" else None, instance=budget, prefix="budget")
    line_form = LineForm(request.POST if which == "line" else None, association=association, prefix="line")
    if request.method == "POST":
        acting_association(request, slug, edit=True)
        if which == "budget" and budget_form.is_valid():
            saved = budget_form.save(commit=False)
            saved.association, saved.year = association, year
            try:
                services.save_budget(saved)
            except ValidationError as error:
                apply_errors(budget_form, error)
            else:
                messages.success(request, f"Budgeten för {year} är sparad.")
                return redirect("economy_budget", slug=slug, year=year)
        if which == "line" and budget is not None and line_form.is_valid():
            line = line_form.save(commit=False)
            line.association, line.budget = association, budget
            try:
                services.save_line(line)
            except ValidationError as error:
                apply_errors(line_form, error)
            else:
                messages.success(request, f"Raden ”{line.label}” är tillagd.")
                return redirect("economy_budget", slug=slug, year=year)
    context = {"association": association, "year": year, "budget": budget, "budget_form": budget_form,
               "line_form": line_form}
    if budget is not None:
        sections = selectors.budget_sections(budget)
        context |= {"sections": sections, "summary": selectors.summarise(budget, sections, "amount"),
                    "previous": selectors.summarise(budget, sections, "previous_outcome"),
                    "forecast": selectors.summarise(budget, sections, "forecast")}
    return _render(request, "economy/budget.html", context)


@login_required
def budget_line(request, slug, year, line_id):
    association = acting_association(request, slug)
    _valid_year(year)
    line = get_object_or_404(BudgetLine, pk=line_id, association=association, budget__year=year)
    form = LineForm(request.POST or None, instance=line, association=association)
    if request.method == "POST":
        acting_association(request, slug, edit=True)
        if request.POST.get("delete"):
            line.delete()
            messages.success(request, f"Raden ”{line.label}” är borttagen.")
            return redirect("economy_budget", slug=slug, year=year)
        if form.is_valid():
            try:
                services.save_line(form.save(commit=False))
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, "Raden är sparad.")
                return redirect("economy_budget", slug=slug, year=year)
    return _render(request, "economy/budget_line.html", {"association": association, "year": year, "line": line, "form": form})


@login_required
def outcome(request, slug, year):
    association = acting_association(request, slug)
    _valid_year(year)
    budget = get_object_or_404(Budget, association=association, year=year)
    upload = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        acting_association(request, slug, edit=True)
        if upload.is_valid():
            file = upload.cleaned_data["file"]
            try:
                months = services.import_actuals(budget, file.read(), file.name)
            except ValidationError as error:
                _upload_errors(upload, error)
            else:
                names = ", ".join(selectors.MONTHS[m - 1] for m in months) or "inga månader"
                messages.success(request, f"Utfallet är inläst ({names}).")
                return redirect("economy_outcome", slug=slug, year=year)
    sections = selectors.budget_sections(budget, with_outcome=True)
    by_month = request.GET.get("visa") == "manad"
    summary = {m: selectors.summarise(budget, sections, m) for m in ("amount", "actual", "forecast")}
    context = {"association": association, "year": year, "budget": budget, "sections": sections, "upload": upload,
               "by_month": by_month, "tertials": selectors.TERTIALS, "months": selectors.MONTHS, "summary": summary,
               "equity": selectors.equity_assessment(budget, summary["forecast"]), "chart": charts.outcome_chart(sections)}
    return _render(request, "economy/outcome.html", context)


@login_required
def fees(request, slug):
    association = acting_association(request, slug)
    form = FeeForm(request.POST or None, association=association, initial={"year": date.today().year})
    if request.method == "POST":
        acting_association(request, slug, edit=True)
        if request.POST.get("delete"):
            Fee.objects.filter(pk=request.POST["delete"], association=association).delete()
            return redirect("economy_fees", slug=slug)
        if form.is_valid():
            fee = form.save(commit=False)
            fee.association = association
            try:
                services.save_fee(fee)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, f"Avgiften ”{fee.name}” är sparad.")
                return redirect("economy_fees", slug=slug)
    return _render(request, "economy/fees.html", {"association": association, "form": form, "fees": selectors.fees(association)})


@login_required
def withdrawals(request, slug):
    association = acting_association(request, slug)
    form = WithdrawalForm(request.POST or None, association=association)
    if request.method == "POST":
        acting_association(request, slug, edit=True)
        if form.is_valid():
            withdrawal = form.save(commit=False)
            withdrawal.association = association
            try:
                warnings = services.register_withdrawal(withdrawal)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                effective = withdrawal.effective(selectors.settings_for(association))
                messages.success(request, f"Uppsägningen från {withdrawal.member} är registrerad. "
                                          f"Utträdet sker {effective.isoformat()}.")
                for warning in warnings:
                    messages.warning(request, warning)
                return redirect("economy_withdrawals", slug=slug)
    settings = selectors.settings_for(association)
    return _render(request, "economy/withdrawals.html", {"association": association, "form": form, "settings": settings,
                                                        "rows": selectors.withdrawals(association)})


@login_required
def revoke(request, slug, withdrawal_id):
    association = acting_association(request, slug)
    withdrawal = get_object_or_404(Withdrawal, pk=withdrawal_id, association=association)
    form = RevokeForm(request.POST or None)
    if request.method == "POST":
        acting_association(request, slug, edit=True)
        if form.is_valid():
            try:
                services.revoke_withdrawal(withdrawal, form.cleaned_data["revoked_on"],
                                           form.cleaned_data["revocation_decision"])
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, f"Uppsägningen från {withdrawal.member} är återkallad.")
                return redirect("economy_withdrawals", slug=slug)
    return _render(request, "economy/revoke.html", {"association": association, "withdrawal": withdrawal, "form": form,
                                                   "effective": withdrawal.effective(selectors.settings_for(association))})


@login_required
def settings(request, slug):
    association = acting_association(request, slug)
    instance = EconomySettings.objects.filter(association=association).first() or EconomySettings(association=association)
    form = SettingsForm(request.POST or None, instance=instance)
    if request.method == "POST":
        acting_association(request, slug, edit=True)
        if form.is_valid():
            try:
                services.save_settings(form.save(commit=False))
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, "Inställningarna är sparade.")
                return redirect("economy_settings", slug=slug)
    return _render(request, "economy/settings.html", {"association": association, "form": form})
