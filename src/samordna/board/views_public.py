"""Pages anyone may read without logging in."""
from datetime import date

from django.shortcuts import get_object_or_404, render

from samordna.associations.models import Association

from .models import Meeting


def home(request):
    return render(request, "home.html", {"associations": Association.objects.all()})


def public_page(request, slug):
    """The association's public page: its Members and the coming meetings of its bodies."""
    association = get_object_or_404(Association, slug=slug)
    meetings = Meeting.objects.filter(body__association=association, date__gte=date.today()).select_related("body")
    context = {"association": association, "members": association.members.all(), "meetings": meetings[:20]}
    return render(request, "board/public.html", context)
