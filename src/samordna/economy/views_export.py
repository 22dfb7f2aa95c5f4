"""Downloads of the financing plan and the budget: XLSX, PDF and DOCX in the layout of the associations' own plans."""
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from samordna.accounts.access import acting_association

from . import document, reports, selectors, xlsx
from .models import Budget

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = {"pdf": (document.PDF, document.to_pdf), "docx": (document.DOCX, document.to_docx)}


def download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _format(fmt):
    if fmt not in FORMATS:
        raise Http404("Formatet finns inte; välj pdf eller docx.")
    return FORMATS[fmt]


def _plan_results(association, year):
    results = [r for r in selectors.plans_ahead(association, year) if not r.errors]
    if not results or results[0].plan.year != year:
        raise Http404("Det finns ingen fullständig finansieringsplan för året.")
    return results


@login_required
def plan_xlsx(request, slug, year):
    association = acting_association(request, slug)
    return download(xlsx.plan_workbook(association, _plan_results(association, year)), XLSX,
                    f"finansieringsplan-{association.slug}-{year}.xlsx")


@login_required
def plan_document(request, slug, year, fmt):
    association = acting_association(request, slug)
    content_type, render = _format(fmt)
    doc = reports.plan_document(association, _plan_results(association, year))
    return download(render(doc), content_type, f"finansieringsplan-{association.slug}-{year}.{fmt}")


@login_required
def budget_xlsx(request, slug, year):
    association = acting_association(request, slug)
    budget = get_object_or_404(Budget, association=association, year=year)
    return download(xlsx.budget_workbook(budget), XLSX, f"budget-{association.slug}-{year}.xlsx")


@login_required
def budget_document(request, slug, year, fmt):
    association = acting_association(request, slug)
    content_type, render = _format(fmt)
    budget = get_object_or_404(Budget, association=association, year=year)
    return download(render(reports.budget_document(budget)), content_type, f"budget-{association.slug}-{year}.{fmt}")
