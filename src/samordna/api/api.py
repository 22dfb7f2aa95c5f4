"""The NinjaAPI instance: token authentication, Swedish errors, limit/offset pagination, URL names without namespace."""
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from ninja import Field, NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.pagination import LimitOffsetPagination

from .access import SessionRead, TokenAuth
from .openapi import protocol_components

DESCRIPTION = """Samordnas JSON-API för ett samordningsförbund.

Varje anrop under `/api/f/{slug}/` görs med en personlig API-nyckel: `Authorization: Bearer <nyckel>`. Nyckeln skapas
under Mitt konto → API-nycklar, gäller ett förbund och har behörigheter (`read`, `write:protocols`). Den ger samma
åtkomst som användarens nuvarande roll i förbundet ger på sidorna. Den som är inloggad i webbläsaren kan också läsa
(GET) med sin session; att skriva kräver alltid en nyckel. Anslagstavlan är öppen utan nyckel.

Fel besvaras med `{"detail": "…"}` på svenska: 401 utan giltig nyckel, 403 när behörighet eller roll saknas, 404 för
det som inte finns eller hör till ett annat förbund, 422 för felaktiga uppgifter (med `errors`).
Listor sidas med `limit` och `offset` och svarar med `items` och `count`."""


class SamordnaAPI(NinjaAPI):
    """URL names are the project's own (api_…), outside any namespace, so the URL matrix can reverse them."""

    RENAMED = {"openapi-json": "api_openapi", "api-root": "api_root"}

    def get_root_path(self, path_params):
        return reverse("api_root", kwargs=path_params)

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        schema["components"]["schemas"].update(protocol_components())
        return schema

    def url_patterns(self):
        self._validate()
        patterns = self._get_urls()
        for pattern in patterns:
            pattern.name = self.RENAMED.get(pattern.name, pattern.name)
        return patterns


api = SamordnaAPI(
    title="samordna API",
    version="1",
    description=DESCRIPTION,
    docs_url=None,  # Swagger's page needs an inline script, which the Content Security Policy forbids
    auth=[TokenAuth(), SessionRead()],
    urls_namespace="samordna-api",
)


class Error(Schema):
    detail: str = Field(description="Vad som gick fel, på svenska.")
    errors: list[str] = Field(default_factory=list, description="Varje fel i indata för sig (vid 422).")


ERRORS = {401: Error, 403: Error, 404: Error, 422: Error}
PUBLIC_ERRORS = {404: Error, 422: Error}


class Page(LimitOffsetPagination):
    """limit 1–100 (50 if left out), offset from 0; bounded so no request can ask the database for the impossible."""

    class Input(Schema):
        limit: int = Field(50, ge=1, le=100, description="Hur många poster som visas (1–100).")
        offset: int = Field(0, ge=0, le=1_000_000, description="Hur många poster som hoppas över.")


class Mapped:
    """A queryset the paginator slices and counts in the database, each row turned into the answer's shape."""

    def __init__(self, queryset, row):
        self.queryset, self.row = queryset, row

    def all(self):
        return self

    def count(self):
        return self.queryset.count()

    def __getitem__(self, window):
        return [self.row(obj) for obj in self.queryset[window]]


# Errors ---------------------------------------------------------------------------------------------------------

def _where(loc):
    parts = [str(p) for p in loc]
    source = {"query": "parameter", "path": "sökväg", "body": "innehåll", "header": "huvud"}.get(parts[0], parts[0])
    return f"{source} {'.'.join(parts[1:])}".strip()


def _reason(error: dict[str, Any]) -> str:
    kind, ctx = error.get("type", ""), error.get("ctx") or {}
    if kind == "missing":
        return "saknas"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return "ska vara ett heltal"
    if kind == "greater_than_equal":
        return f"ska vara minst {ctx.get('ge')}"
    if kind == "greater_than":
        return f"ska vara större än {ctx.get('gt')}"
    if kind == "less_than_equal":
        return f"får vara högst {ctx.get('le')}"
    if kind == "less_than":
        return f"ska vara mindre än {ctx.get('lt')}"
    if kind == "string_pattern_mismatch":
        return "har fel form"
    if kind in ("string_too_long",):
        return f"får vara högst {ctx.get('max_length')} tecken"
    if kind in ("literal_error", "enum"):
        return f"ska vara något av {ctx.get('expected', 'de tillåtna värdena')}"
    if kind in ("bool_parsing", "bool_type"):
        return "ska vara true eller false"
    if kind in ("date_parsing", "date_from_datetime_parsing", "date_type"):
        return "ska vara ett datum (ÅÅÅÅ-MM-DD)"
    if kind in ("json_invalid",):
        return "är inte giltig JSON"
    return "har ett ogiltigt värde"


@api.exception_handler(ValidationError)
def _invalid(request, exc):
    errors = [f"{_where(e.get('loc', ()))}: {_reason(e)}" for e in exc.errors]
    return api.create_response(request, {"detail": "Ogiltiga uppgifter i anropet.", "errors": errors}, status=422)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    response = api.create_response(
        request, {"detail": "Ange en giltig API-nyckel i huvudet Authorization: Bearer <nyckel>.", "errors": []}, status=401)
    response["WWW-Authenticate"] = 'Bearer realm="samordna"'
    return response


@api.exception_handler(HttpError)
def _http_error(request, exc):
    return api.create_response(request, {"detail": exc.message, "errors": []}, status=exc.status_code)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return api.create_response(request, {"detail": "Finns inte.", "errors": []}, status=404)


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    return api.create_response(request, {"detail": "Din roll i förbundet får inte göra detta.", "errors": []}, status=403)


from . import routes_board, routes_interventions, routes_registry  # noqa: E402,F401  (they register on api)
