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


def acting_association(request, slug, *, edit=False):
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
    request.association = association
    request.can_edit = bool(roles & EDITOR_ROLES)
    return association
