"""One search box for everything of the association."""
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from samordna.accounts.access import acting_association
from samordna.board.models import Body
from samordna.registry.selectors import sees_confidential

from . import engine
from .models import SearchEntry

MAX_QUERY = 200


def filters_from(params, bodies):
    """The filters a user asked for, keeping only values that exist (anything else is ignored, never an error)."""
    year = (params.get("ar") or "").strip()
    kind = params.get("slag") or ""
    body = params.get("organ") or ""
    return {
        "year": int(year) if year.isdigit() and 1900 < int(year) < 2200 else None,
        "kind": kind if kind in SearchEntry.Kind.values else "",
        "body": body if body in {b.slug for b in bodies} else "",
        "case_number": (params.get("dnr") or "").strip()[:50],
    }


@login_required
def search(request, slug):
    association = acting_association(request, slug)
    bodies = list(Body.objects.filter(association=association))
    query = (request.GET.get("q") or "")[:MAX_QUERY]
    filters = filters_from(request.GET, bodies)
    result = None
    if query.strip():
        restricted = sees_confidential(request.user, association)
        result = engine.search(association.pk, query, filters, restricted=restricted)
    context = {"association": association, "query": query, "filters": filters, "result": result, "bodies": bodies,
               "kinds": SearchEntry.Kind.choices}
    return render(request, "search/search.html", context)
