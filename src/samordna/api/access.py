"""Who may call what: the bearer token, its association, its scopes and the user's current role there.

A token acts only in the association it was issued for (another association's slug answers 404, as the pages do) and
only with the role its user holds there now: remove the role and the token opens nothing. A logged-in browser session
may read (GET) with the same rights as the pages, never write: writes need a token, so no cookie can be used to forge
one. Role rules follow accounts.access and the URL matrix (tests/accounts/url_matrix_data.py).
"""
import re
from dataclasses import dataclass, field

from django.conf import settings
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer

from samordna.accounts import audit
from samordna.accounts.access import roles_in
from samordna.accounts.models import AssociationRole
from samordna.associations.models import Association

from . import services
from .models import READ, ApiToken

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,50}")
REPORTER_ONLY = "Som rapportör når du bara de insatser du rapporterar för."


class TokenAuth(HttpBearer):
    """Authorization: Bearer <token>. No cookies: a session cannot reach the API, so there is nothing to forge."""

    def authenticate(self, request, token):
        found = services.token_for(token)
        if found is not None:
            # The token's user acts: the pages' code reads request.user, the audit log its own context.
            request.user = found.user
            audit.identify(found.user)
        return found


@dataclass
class SessionGrant:
    """A logged-in user's session: reading only, in any association the user holds a role in."""
    user: object
    scope_set: set = field(default_factory=lambda: {READ})


class SessionRead(APIKeyCookie):
    param_name = settings.SESSION_COOKIE_NAME
    openapi_description = "Inloggningens session i webbläsaren: bara läsning (GET)."

    def __init__(self):
        # Only safe methods pass, and they change nothing: CSRF has nothing to protect here.
        super().__init__(csrf=False)

    def authenticate(self, request, key):
        user = getattr(request, "user", None)
        if request.method in ("GET", "HEAD") and user is not None and user.is_authenticated and user.is_active:
            return SessionGrant(user)
        return None


def _record_denied(request, token, association, reason):
    audit.record_denied(user=token.user, association=association, action=f"API {request.method} {request.path}", reason=reason)


def deny(request, token, association, reason):
    _record_denied(request, token, association, reason)
    raise HttpError(403, reason)


def not_found(what="Förbundet finns inte."):
    raise HttpError(404, what)


def acting(request, slug, *, scope=READ, roles=None, reporter=False):
    """The association and the user's current roles there, or a 404/403 with a Swedish reason."""
    token = request.auth
    if not SLUG.fullmatch(slug or ""):
        not_found()
    if isinstance(token, ApiToken):
        association = token.association
        if slug != association.slug:
            # Recorded under the association that was tried, answered as if it did not exist.
            tried = Association.objects.filter(slug=slug).first()
            if tried is not None:
                _record_denied(request, token, tried, "API-nyckeln gäller ett annat förbund.")
            not_found()
    else:
        association = Association.objects.filter(slug=slug).first()
        if association is None:
            not_found()
        if not roles_in(token.user, association):
            _record_denied(request, token, association, "Användaren har ingen roll i förbundet.")
            not_found()
    held = roles_in(token.user, association)
    if not held:
        deny(request, token, association, "Nyckelns användare har inte längre någon roll i förbundet.")
    if scope not in token.scope_set:
        deny(request, token, association, f"Nyckeln saknar behörigheten {scope}.")
    if roles is not None and not held & set(roles):
        deny(request, token, association, "Din roll i förbundet får inte göra detta.")
    if held == {AssociationRole.Role.REPORTER} and not reporter:
        deny(request, token, association, REPORTER_ONLY)
    return association, held
