"""The association's own pages: overview, Members with population figures, and the charter."""
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from samordna.accounts.access import acting_association
from samordna.board.models import Meeting
from samordna.board.views_common import apply_errors

from . import services
from .forms import CharterForm, MemberForm, PopulationForm
from .models import Member


@login_required
def overview(request, slug):
    association = acting_association(request, slug)
    upcoming = Meeting.objects.filter(body__association=association, date__gte=date.today()).select_related("body")[:6]
    recent = Meeting.objects.filter(body__association=association, date__lt=date.today()).select_related("body").order_by("-date")[:6]
    context = {"association": association, "bodies": association.bodies.all(), "upcoming": upcoming, "recent": recent}
    return render(request, "associations/overview.html", context)


@login_required
def members(request, slug):
    association = acting_association(request, slug)
    form = MemberForm(request.POST or None)
    if request.method == "POST":
        acting_association(request, slug, edit=True)
        if form.is_valid():
            member = form.save(commit=False)
            member.association = association
            try:
                services.save_member(member)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, f"{member.name} är tillagd som förbundsmedlem.")
                return redirect("members", slug=slug)
    rows = [(m, m.population_figures.first()) for m in association.members.prefetch_related("population_figures")]
    return render(request, "associations/members.html", {"association": association, "rows": rows, "form": form})


@login_required
def member(request, slug, member_id):
    association = acting_association(request, slug)
    member = get_object_or_404(Member, pk=member_id, association=association)
    which = request.POST.get("save")
    form = MemberForm(request.POST if which == "member" else None, instance=member)
    population = PopulationForm(request.POST if which == "population" else None)
    if request.method == "POST":
        acting_association(request, slug, edit=True)
        if which == "member" and form.is_valid():
            try:
                services.save_member(form.save(commit=False))
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, "Förbundsmedlemmen är sparad.")
                return redirect("member", slug=slug, member_id=member.pk)
        elif which == "population" and population.is_valid():
            services.set_population(member, population.cleaned_data["date"], population.cleaned_data["population"])
            messages.success(request, "Befolkningssiffran är sparad.")
            return redirect("member", slug=slug, member_id=member.pk)
    context = {"association": association, "member": member, "form": form, "population": population,
               "figures": member.population_figures.all()}
    return render(request, "associations/member.html", context)


@login_required
def charter(request, slug):
    association = acting_association(request, slug)
    form = CharterForm(request.POST or None, instance=association.charter)
    if request.method == "POST":
        acting_association(request, slug, edit=True)
        if form.is_valid():
            form.save()
            messages.success(request, "Förbundsordningens inställningar är sparade.")
            return redirect("charter", slug=slug)
    return render(request, "associations/charter.html", {"association": association, "form": form})
