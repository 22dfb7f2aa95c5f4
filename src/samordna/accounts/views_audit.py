"""The association's audit log for its administrators and auditors, its export, and the refused-form page (CSRF)."""
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils import timezone

from samordna.associations.models import Association

from . import audit
from .access import audited_association, roles_in
from .selectors_audit import AuditFilterForm, Names, csv_bytes, events, shown_changes, xlsx_bytes

PER_PAGE = 50


def _filtered(request, association):
    form = AuditFilterForm(association, request.GET or None)
    valid = form.is_valid() if form.is_bound else True
    filters = form.cleaned_data if form.is_bound else {}
    return form, valid, events(association, filters)


@login_required
def audit_log(request, slug):
    association = audited_association(request, slug)
    form, valid, found = _filtered(request, association)
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("sida"))
    names = Names(page.object_list)
    for event in page.object_list:
        event.shown_changes = shown_changes(event, names)
    query = request.GET.copy()
    query.pop("sida", None)
    return render(request, "accounts/audit_log.html", {
        "association": association, "form": form, "page": page, "query": query.urlencode(),
        "filtered": any(form.cleaned_data.values()) if form.is_bound else False,
    }, status=200 if valid else 400)


@login_required
def audit_export(request, slug, fmt):
    association = audited_association(request, slug)
    form, valid, found = _filtered(request, association)
    if not valid:
        return audit_log(request, slug)
    stamp = timezone.localdate().isoformat()
    if fmt == "xlsx":
        response = HttpResponse(xlsx_bytes(found),
                                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    elif fmt == "csv":
        response = HttpResponse(csv_bytes(found), content_type="text/csv; charset=utf-8")
    else:
        raise Http404("Okänt filformat.")
    response["Content-Disposition"] = f'attachment; filename="granskningslogg-{association.slug}-{stamp}.{fmt}"'
    return response


def _association_in(path):
    try:
        slug = resolve(path).kwargs.get("slug")
    except Resolver404:
        return None
    return Association.objects.filter(slug=slug).first() if slug else None


def csrf_failure(request, reason=""):
    """A form that did not carry this site's CSRF token: refuse in Swedish, and log it where it concerns data."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        association = _association_in(request.path)
        if association is not None:
            note = "" if roles_in(user, association) else " Användaren har ingen roll i förbundet."
            audit.record_denied(user=user, association=association, action=f"{request.method} {request.path}",
                                reason=f"Formuläret saknade en giltig CSRF-kod ({reason}).{note}")
    return render(request, "accounts/audit_csrf_failure.html", status=403)
