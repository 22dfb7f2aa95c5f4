"""Assignments from decisions, delegated decisions, notifications, and the registry's actions on a meeting's agenda."""
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from samordna.accounts.access import acting_association
from samordna.board.models import Body, Decision, Person
from samordna.board.views_common import get_meeting

from . import selectors, services_followup
from .forms import AssignmentForm, DelegatedDecisionForm, NotificationForm
from .models import Assignment, Case, DelegatedDecision, Notification
from .views import form_page


def _owner(association, value):
    kind, _, pk = (value or "").partition("-")
    if not pk.isdigit():
        return None
    model = Body if kind == "organ" else Person if kind == "person" else None
    return model.objects.filter(association=association, pk=pk).first() if model else None


@login_required
def assignments(request, slug):
    association = acting_association(request, slug)
    owner = _owner(association, request.GET.get("ansvarig"))
    status = request.GET.get("status", Assignment.Status.OPEN)
    status = status if status in Assignment.Status.values or status == "" else Assignment.Status.OPEN
    context = {"association": association, "assignments": selectors.assignments(association, owner=owner, status=status),
               "owners": selectors.owners(association), "owner": request.GET.get("ansvarig", "") if owner else "",
               "status": status, "statuses": Assignment.Status.choices, "today": date.today()}
    return render(request, "registry/assignments.html", context)


@login_required
def assignment_create(request, slug):
    association = acting_association(request, slug, edit=True)
    initial = {}
    decision_id = request.GET.get("beslut", "")
    if decision_id.isdigit():
        decision = Decision.objects.filter(pk=decision_id, paragraph__meeting__body__association=association).first()
        if decision:
            initial = {"decision": decision.pk, "title": decision.text[:1].upper() + decision.text[1:300]}
    form = AssignmentForm(request.POST or None, initial=initial, association=association)

    def save(form):
        assignment = form.save(commit=False)
        assignment.association = association
        return services_followup.save_assignment(assignment)

    context = {"title": "Nytt uppdrag", "lead": "Ett uppdrag som ett beslut ger, med ansvarig, datum och återrapportering.",
               "button": "Spara uppdraget", "back": ("assignments", [slug], "Uppdrag")}
    return form_page(request, context, form, save, lambda a: f"Uppdraget ”{a.title}” är sparat.", ("assignments", slug))


@login_required
def assignment_edit(request, slug, assignment_id):
    association = acting_association(request, slug)
    assignment = get_object_or_404(Assignment, pk=assignment_id, association=association)
    if request.method == "POST":
        acting_association(request, slug, edit=True)
    form = AssignmentForm(request.POST or None, instance=assignment, association=association)
    context = {"title": f"Uppdrag: {assignment.title}", "button": "Spara uppdraget", "readonly": not request.can_edit,
               "back": ("assignments", [slug], "Uppdrag"), "assignment": assignment}
    return form_page(request, context, form, lambda f: services_followup.save_assignment(f.save(commit=False)),
                     "Uppdraget är sparat.", ("assignments", slug))


# Delegated decisions --------------------------------------------------------


@login_required
def delegated_decisions(request, slug):
    association = acting_association(request, slug)
    state = request.GET.get("visa", "")
    state = {"ej-anmalda": "unreported", "anmalda": "reported"}.get(state, "")
    context = {"association": association, "decisions": selectors.delegated_decisions(association, state=state),
               "state": state, "has_points": association.delegation_points.exists()}
    return render(request, "registry/delegated_decisions.html", context)


@login_required
def delegated_create(request, slug):
    association = acting_association(request, slug, edit=True)
    form = DelegatedDecisionForm(request.POST or None, association=association, initial={"decided_on": date.today()})

    def save(form):
        decision = form.save(commit=False)
        decision.association = association
        return services_followup.save_delegated_decision(decision)

    context = {"title": "Registrera delegationsbeslut", "lead": "Ett beslut som fattats med stöd av delegationsordningen. "
               "Det anmäls till styrelsen via föredragningslistan.", "button": "Spara delegationsbeslutet",
               "back": ("delegated_decisions", [slug], "Delegationsbeslut")}
    return form_page(request, context, form, save, "Delegationsbeslutet är registrerat.", ("delegated_decisions", slug))


@login_required
def delegated_edit(request, slug, decision_id):
    association = acting_association(request, slug)
    decision = get_object_or_404(DelegatedDecision, pk=decision_id, association=association)
    if request.method == "POST":
        acting_association(request, slug, edit=True)
    form = DelegatedDecisionForm(request.POST or None, instance=decision, association=association)
    context = {"title": "Delegationsbeslut", "lead": decision.subject, "button": "Spara delegationsbeslutet",
               "readonly": not request.can_edit, "back": ("delegated_decisions", [slug], "Delegationsbeslut")}
    return form_page(request, context, form, lambda f: services_followup.save_delegated_decision(f.save(commit=False)),
                     "Delegationsbeslutet är sparat.", ("delegated_decisions", slug))


# Notifications ---------------------------------------------------------------


@login_required
def notifications(request, slug):
    association = acting_association(request, slug)
    category = request.GET.get("kategori", "")
    context = {"association": association, "notifications": selectors.notifications(association, category=category),
               "categories": selectors.notification_categories(association), "category": category}
    return render(request, "registry/notifications.html", context)


@login_required
def notification_create(request, slug):
    association = acting_association(request, slug, edit=True)
    form = NotificationForm(request.POST or None, association=association, initial={"received_on": date.today()})

    def save(form):
        notification = form.save(commit=False)
        notification.association = association
        return services_followup.save_notification(notification)

    context = {"title": "Registrera anmälan", "lead": "En anmälan som ska tas upp som stående punkt, t.ex. Lex Heller.",
               "button": "Spara anmälan", "back": ("notifications", [slug], "Anmälningar")}
    return form_page(request, context, form, save, "Anmälan är registrerad.", ("notifications", slug))


@login_required
def notification_edit(request, slug, notification_id):
    association = acting_association(request, slug)
    notification = get_object_or_404(Notification, pk=notification_id, association=association)
    if request.method == "POST":
        acting_association(request, slug, edit=True)
    form = NotificationForm(request.POST or None, instance=notification, association=association)
    context = {"title": f"Anmälan: {notification.subject}", "button": "Spara anmälan", "readonly": not request.can_edit,
               "back": ("notifications", [slug], "Anmälningar")}
    return form_page(request, context, form, lambda f: services_followup.save_notification(f.save(commit=False)),
                     "Anmälan är sparad.", ("notifications", slug))


# The agenda page's registry actions ------------------------------------------


@login_required
@require_POST
def agenda_action(request, slug, meeting_id, action):
    meeting = get_meeting(request, slug, meeting_id, edit=True)
    association = meeting.association
    try:
        if action == "aterrapportering":
            assignment = get_object_or_404(Assignment, pk=request.POST.get("id") or 0, association=association, report_to=meeting)
            services_followup.add_report_back(assignment, meeting)
            messages.success(request, f"Återrapporteringen av ”{assignment.title}” är tillagd på föredragningslistan.")
        elif action == "delegationsbeslut":
            pending = selectors.unreported_delegated_decisions(association).filter(decided_on__lte=meeting.date)
            item = services_followup.report_delegated_decisions(meeting, pending)
            messages.success(request, f"”{item.title}” står på föredragningslistan med {item.delegated_decisions.count()} beslut.")
        elif action == "anmalningar":
            category = request.POST.get("category", "")
            pending = selectors.unhandled_notifications(association).filter(category=category, received_on__lte=meeting.date)
            item = services_followup.report_notifications(meeting, pending)
            messages.success(request, f"”{item.title}” står på föredragningslistan med {item.notifications.count()} anmälningar.")
        elif action == "arende":
            case = get_object_or_404(Case, pk=request.POST.get("id") or 0, association=association)
            services_followup.case_to_agenda(case, meeting)
            messages.success(request, f"Ärendet Dnr {case.number} är tillagt på föredragningslistan.")
        else:
            raise ValidationError("Okänd åtgärd.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("agenda", slug=slug, meeting_id=meeting.pk)
