"""The association's user list for its administrators: roles, changing and removing them, and invitations."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from . import services
from .access import administered_association
from .forms import InvitationForm, RoleForm
from .models import AssociationRole, Invitation


def _page(request, association, invite_form, status=200):
    roles = AssociationRole.objects.filter(association=association).select_related("user") \
        .order_by("user__last_name", "user__first_name", "user__username", "role")
    pending = Invitation.objects.filter(association=association, accepted_at__isnull=True, revoked_at__isnull=True,
                                        expires_at__gt=timezone.now())
    return render(request, "accounts/users.html", {
        "association": association, "roles": roles, "pending": pending, "invite_form": invite_form,
        "role_choices": AssociationRole.Role.choices}, status=status)


@login_required
def users(request, slug):
    association = administered_association(request, slug)
    return _page(request, association, InvitationForm())


@login_required
@require_POST
def invite(request, slug):
    association = administered_association(request, slug)
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            invitation, token = services.invite(association, form.cleaned_data["email"], form.cleaned_data["role"],
                                                request.user)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                for message in errors:
                    form.add_error(field, message)
        else:
            services.send_invitation(invitation, request.build_absolute_uri(reverse("invitation", args=[token])))
            messages.success(request, f"En inbjudan är skickad till {invitation.email}.")
            return redirect("users", slug=slug)
    return _page(request, association, form, status=400)


@login_required
@require_POST
def change_role(request, slug, role_id):
    association = administered_association(request, slug)
    role = get_object_or_404(AssociationRole, association=association, pk=role_id)
    form = RoleForm(request.POST)
    try:
        if request.POST.get("action") == "remove":
            services.remove_role(association, role.pk)
            messages.success(request, f"{role.user.get_full_name() or role.user.username} har inte längre rollen "
                                      f"{role.get_role_display().lower()}.")
        elif form.is_valid():
            changed = services.change_role(association, role.pk, form.cleaned_data["role"])
            messages.success(request, f"{role.user.get_full_name() or role.user.username} är nu "
                                      f"{changed.get_role_display().lower()}.")
        else:
            messages.error(request, "Välj en roll i listan.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("users", slug=slug)


@login_required
@require_POST
def revoke(request, slug, invitation_id):
    association = administered_association(request, slug)
    invitation = get_object_or_404(Invitation, association=association, pk=invitation_id)
    services.revoke_invitation(association, invitation.pk)
    messages.success(request, f"Inbjudan till {invitation.email} är återkallad.")
    return redirect("users", slug=slug)
