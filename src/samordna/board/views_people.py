"""People and their mandates, the association's bodies with seats and presidium rotation, the protocol template."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from samordna.accounts.access import acting_association
from samordna.associations.services import save_body

from .forms import BodyForm, MandateForm, PersonForm, PresidiumTermForm, SeatGroupForm, StandardItemForm
from .models import Body, Mandate, Person, PresidiumTerm, SeatGroup, StandardItem
from .views_common import apply_errors, get_body


@login_required
def people(request, slug):
    association = acting_association(request, slug)
    form = PersonForm(request.POST or None)
    if request.method == "POST":
        acting_association(request, slug, edit=True)
        if form.is_valid():
            person = form.save(commit=False)
            person.association = association
            person.save()
            messages.success(request, f"{person.name} är tillagd. Lägg till uppdrag nedan.")
            return redirect("person", slug=slug, person_id=person.pk)
    mandates = Mandate.objects.filter(body__association=association).select_related("person", "member", "body")
    context = {"association": association, "mandates": mandates, "form": form,
               "without": Person.objects.filter(association=association, mandates__isnull=True)}
    return render(request, "board/people.html", context)


@login_required
def person(request, slug, person_id):
    association = acting_association(request, slug)
    person = get_object_or_404(Person, pk=person_id, association=association)
    form = PersonForm(request.POST if request.POST.get("save") == "person" else None, instance=person)
    mandate_form = MandateForm(request.POST if request.POST.get("save") == "mandate" else None, association=association)
    if request.method == "POST":
        acting_association(request, slug, edit=True)
        if request.POST.get("delete_mandate"):
            Mandate.objects.filter(pk=request.POST["delete_mandate"], person=person).delete()
            messages.success(request, "Uppdraget är borttaget.")
            return redirect("person", slug=slug, person_id=person.pk)
        target = form if form.is_bound else mandate_form
        if target.is_valid():
            if target is mandate_form:
                mandate = mandate_form.save(commit=False)
                mandate.person = person
                mandate.save()
            else:
                form.save()
            messages.success(request, "Ändringarna är sparade.")
            return redirect("person", slug=slug, person_id=person.pk)
    context = {"association": association, "person": person, "form": form, "mandate_form": mandate_form,
               "mandates": person.mandates.select_related("body", "member")}
    return render(request, "board/person.html", context)


@login_required
def bodies(request, slug):
    association = acting_association(request, slug)
    form = BodyForm(request.POST or None, initial={"kind": Body.Kind.COMMITTEE})
    if request.method == "POST":
        acting_association(request, slug, edit=True)
        if form.is_valid():
            body = form.save(commit=False)
            body.association = association
            try:
                save_body(body)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, f"{body.name} är tillagt.")
                return redirect("body", slug=slug, body_slug=body.slug)
    return render(request, "board/bodies.html", {"association": association, "bodies": association.bodies.all(), "form": form})


@login_required
def body(request, slug, body_slug):
    body = get_body(request, slug, body_slug)
    association = body.association
    which = request.POST.get("save")
    forms = {
        "body": BodyForm(request.POST if which == "body" else None, instance=body, prefix="body"),
        "seat": SeatGroupForm(request.POST if which == "seat" else None, association=association, prefix="seat"),
        "presidium": PresidiumTermForm(request.POST if which == "presidium" else None, association=association, prefix="presidium"),
    }
    if request.method == "POST":
        get_body(request, slug, body_slug, edit=True)
        if request.POST.get("delete_seat"):
            SeatGroup.objects.filter(pk=request.POST["delete_seat"], body=body).delete()
            return redirect("body", slug=slug, body_slug=body.slug)
        form = forms.get(which)
        if form is not None and form.is_valid():
            saved = form.save(commit=False)
            if which != "body":
                saved.body = body
            try:
                saved.full_clean()
                saved.save()
                form.save_m2m()
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, "Ändringarna är sparade.")
                return redirect("body", slug=slug, body_slug=body.slug)
    seats = body.seat_groups.prefetch_related("members")
    context = {"association": association, "body": body, "forms": forms, "seat_groups": seats,
               "total_seats": sum(g.seats for g in seats),
               "presidium": PresidiumTerm.objects.filter(body=body).select_related("chair_member", "vice_chair_member")}
    return render(request, "board/body.html", context)


@login_required
def standard_items(request, slug):
    association = acting_association(request, slug)
    form = StandardItemForm(request.POST or None, initial={"position": association.standard_items.count() + 1})
    if request.method == "POST":
        acting_association(request, slug, edit=True)
        if request.POST.get("delete"):
            StandardItem.objects.filter(pk=request.POST["delete"], association=association).delete()
            return redirect("standard_items", slug=slug)
        if form.is_valid():
            item = form.save(commit=False)
            item.association = association
            item.save()
            messages.success(request, f"Standardpunkten ”{item.title}” är sparad.")
            return redirect("standard_items", slug=slug)
    return render(request, "board/standard_items.html", {"association": association, "items": association.standard_items.all(), "form": form})
