"""Every staff view goes through here: it resolves the association from the URL and checks the user's role."""
from django.core.exceptions import PermissionDenied
from django.http import Http404

from samordna.associations.models import Association

from .models import EDITOR_ROLES, AssociationRole


def roles_in(user, association):
    if not user.is_authenticated:
        return set()
    if user.is_superuser:
        return set(AssociationRole.Role.values)
    return set(AssociationRole.objects.filter(user=user, association=association).values_list("role", flat=True))


def acting_association(request, slug, *, edit=False, reporter=False):
    """The association in the URL, if the user holds a role in it (404 otherwise, so others' tenants stay invisible)."""
    try:
        association = Association.objects.select_related("charter").get(slug=slug)
    except Association.DoesNotExist:
        raise Http404("Förbundet finns inte.")
    roles = roles_in(request.user, association)
    if not roles:
        raise Http404("Förbundet finns inte.")
    if edit and not roles & EDITOR_ROLES:
        raise PermissionDenied("Din roll i förbundet får inte ändra detta.")
    if roles == {AssociationRole.Role.REPORTER} and not reporter:
        # A reporter sees the interventions they report for (those views pass reporter=True), nothing else.
        raise PermissionDenied("Som rapportör når du bara de insatser du rapporterar för.")
    request.association = association
    request.can_edit = bool(roles & EDITOR_ROLES)
    return association


def administered_association(request, slug):
    """Like acting_association, but only the association's administrators may pass (user lists, invitations)."""
    association = acting_association(request, slug)
    if AssociationRole.Role.ADMIN not in roles_in(request.user, association):
        raise PermissionDenied("Bara förbundets administratörer hanterar användare.")
    return association
