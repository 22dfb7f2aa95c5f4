"""XLSX downloads of the financing plan and the budget."""
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from samordna.accounts.access import acting_association

from . import selectors, xlsx
from .models import Budget

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(content, filename):
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def plan_xlsx(request, slug, year):
    association = acting_association(request, slug)
    results = [r for r in selectors.plans_ahead(association, year) if not r.errors]
    if not results or results[0].plan.year != year:
        raise Http404("Det finns ingen fullständig finansieringsplan för året.")
    return _download(xlsx.plan_workbook(association, results), f"finansieringsplan-{association.slug}-{year}.xlsx")


@login_required
def budget_xlsx(request, slug, year):
    association = acting_association(request, slug)
    budget = get_object_or_404(Budget, association=association, year=year)
    return _download(xlsx.budget_workbook(budget), f"budget-{association.slug}-{year}.xlsx")
