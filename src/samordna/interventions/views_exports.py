"""Downloads of the board's half-year and annual report (PDF, DOCX, XLSX) and the national follow-up export (CSV,
XLSX). Everything here leaves the staff view, so the counts are always the suppressed ones ("<5")."""
from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render

from samordna.accounts.access import acting_association
from samordna.rules import followup

from . import exports, reports, selectors
from .views import get_intervention

REPORT_FORMATS = {"pdf": (exports.PDF, exports.report_pdf), "docx": (exports.DOCX, exports.report_docx),
                  "xlsx": (exports.XLSX, exports.report_xlsx)}
NATIONAL_FORMATS = {"csv": (exports.CSV, exports.national_csv), "xlsx": (exports.XLSX, exports.national_xlsx)}
KIND_LABELS = (("halvar", "Halvårsrapport"), ("ar", "Årsrapport"))


def _period(kind, year, number):
    if kind not in reports.REPORT_KINDS or not 2000 <= year <= 2100:
        raise Http404("Rapporten finns inte.")
    try:
        return followup.make_period(reports.REPORT_KINDS[kind], year, number)
    except ValueError:
        raise Http404("Perioden finns inte.")


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _not_only_reporter(request, association):
    if selectors.only_reporter(request.user, association):
        raise PermissionDenied("Rapporter för hela förbundet visas inte för rapportörer.")


@login_required
def reports_page(request, slug):
    """Pick the period; the links go straight to the files, so the page works without JavaScript."""
    association = acting_association(request, slug)
    _not_only_reporter(request, association)
    today = date.today()
    kind = request.GET.get("typ") if request.GET.get("typ") in reports.REPORT_KINDS else "ar"
    problem = None
    try:
        year = int(request.GET.get("ar", today.year - 1 if kind == "ar" else today.year))
        number = int(request.GET.get("nr", 1))
        period = _period(kind, year, number)
    except (ValueError, Http404):
        problem = "År och nummer: ange ett år (t.ex. 2024) och för halvår nummer 1 eller 2."
        kind, year, number = "ar", today.year - 1, 1
        period = _period(kind, year, number)
    interventions = selectors.visible_interventions(request.user, association).order_by("name")
    context = {"association": association, "kind": kind, "year": year, "number": number, "period": period,
               "kinds": KIND_LABELS, "problem": problem, "interventions": interventions,
               "questions": [q for _, q in reports.QUESTIONS], "columns": exports.NATIONAL_COLUMNS,
               "threshold": selectors.threshold_for(association)}
    return render(request, "interventions/report_index.html", context, status=400 if problem else 200)


@login_required
def association_report(request, slug, kind, year, number, fmt):
    association = acting_association(request, slug)
    _not_only_reporter(request, association)
    if fmt not in REPORT_FORMATS:
        raise Http404("Formatet finns inte.")
    report = reports.association_report(association, _period(kind, year, number))
    content_type, write = REPORT_FORMATS[fmt]
    return _download(write(report), content_type, f"{report.filename}.{fmt}")


@login_required
def intervention_report(request, slug, pk, kind, year, number, fmt):
    intervention = get_intervention(request, slug, pk)
    if fmt not in REPORT_FORMATS:
        raise Http404("Formatet finns inte.")
    report = reports.intervention_report(intervention, _period(kind, year, number))
    content_type, write = REPORT_FORMATS[fmt]
    return _download(write(report), content_type, f"{report.filename}.{fmt}")


@login_required
def national_export(request, slug, kind, year, number, fmt):
    association = acting_association(request, slug)
    _not_only_reporter(request, association)
    if fmt not in NATIONAL_FORMATS:
        raise Http404("Formatet finns inte.")
    period = _period(kind, year, number)
    content_type, write = NATIONAL_FORMATS[fmt]
    part = f"-{number}" if kind == "halvar" else ""
    return _download(write(reports.national_rows(association, period)), content_type,
                     f"uppfoljning-finsam-{association.slug}-{year}{part}.{fmt}")
