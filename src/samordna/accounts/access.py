"""Every staff view goes through here: it resolves the association from the URL and checks the user's role."""
from django.core.exceptions import PermissionDenied
from django.http import Http404

from samordna.associations.models import Association

from . import audit
from .models import EDITOR_ROLES, AssociationRole

AUDIT_ROLES = {AssociationRole.Role.ADMIN, AssociationRole.Role.AUDITOR}


def roles_in(user, association):
    if not user.is_authenticated:
        return set()
    if user.is_superuser:
        return set(AssociationRole.Role.values)
    # A page asks several times (access, menu, confidentiality); the user object lives for one request.
    cache = user.__dict__.setdefault("_samordna_roles", {})
    if association.pk not in cache:
        cache[association.pk] = frozenset(
            AssociationRole.objects.filter(user=user, association=association).values_list("role", flat=True))
    return set(cache[association.pk])


def _refuse(request, association, reason, exception):
    """Record the refused attempt in the association's audit log, then refuse; the user learns only the status."""
    if request.user.is_authenticated:
        attempt = f"{getattr(request, 'method', '')} {getattr(request, 'path', '')}".strip()
        audit.record_denied(user=request.user, association=association, action=attempt, reason=reason)
    raise exception


def acting_association(request, slug, *, edit=False, reporter=False):
    """The association in the URL, if the user holds a role in it (404 otherwise, so others' tenants stay invisible)."""
    try:
        association = Association.objects.select_related("charter").get(slug=slug)
    except Association.DoesNotExist:
        raise Http404("Förbundet finns inte.")
    roles = roles_in(request.user, association)
    if not roles:
        _refuse(request, association, "Användaren har ingen roll i förbundet.", Http404("Förbundet finns inte."))
    if edit and not roles & EDITOR_ROLES:
        message = "Din roll i förbundet får inte ändra detta."
        _refuse(request, association, message, PermissionDenied(message))
    if roles == {AssociationRole.Role.REPORTER} and not reporter:
        # A reporter sees the interventions they report for (those views pass reporter=True), nothing else.
        message = "Som rapportör når du bara de insatser du rapporterar för."
        _refuse(request, association, message, PermissionDenied(message))
    request.association = association
    request.can_edit = bool(roles & EDITOR_ROLES)
    request.can_audit = bool(roles & AUDIT_ROLES)
    return association


def administered_association(request, slug):
    """Like acting_association, but only the association's administrators may pass (user lists, invitations)."""
    association = acting_association(request, slug)
    if AssociationRole.Role.ADMIN not in roles_in(request.user, association):
        message = "Bara förbundets administratörer hanterar användare."
        _refuse(request, association, message, PermissionDenied(message))
    return association


def audited_association(request, slug):
    """The audit log is for the association's administrators and auditors (issue 9, item 1)."""
    association = acting_association(request, slug)
    if not request.can_audit:
        message = "Bara förbundets administratörer och revisorer får läsa granskningsloggen."
        _refuse(request, association, message, PermissionDenied(message))
    return association
