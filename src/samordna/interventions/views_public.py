"""The public catalogue of the association's interventions: no login, no cookies needed, searchable."""
from datetime import date

from django.shortcuts import get_object_or_404, render

from samordna.associations.models import Association

from . import selectors
from .models import Intervention


def catalogue(request, slug):
    association = get_object_or_404(Association, slug=slug)
    query = request.GET.get("q", "").strip()[:200]
    entries = selectors.catalogue(association, query)
    return render(request, "interventions/catalogue.html", {"public_association": association, "entries": entries, "query": query})


def catalogue_entry(request, slug, pk):
    association = get_object_or_404(Association, slug=slug)
    entry = get_object_or_404(Intervention.objects.prefetch_related("municipalities", "owners", "group_starts"),
                              pk=pk, association=association, published=True)
    upcoming = [g for g in entry.group_starts.all() if g.date >= date.today()]
    return render(request, "interventions/catalogue_entry.html",
                  {"public_association": association, "entry": entry, "upcoming": upcoming})
