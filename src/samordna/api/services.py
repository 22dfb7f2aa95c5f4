"""Writes of the API: issuing and revoking tokens, and a draft meeting from a protocol in the interchange format."""
import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction
from django.utils import timezone

from samordna.accounts.access import roles_in
from samordna.accounts.models import EDITOR_ROLES
from samordna.board import importing
from samordna.board.models import Meeting
from samordna.protocols.interchange import validate

from .models import SCOPES, WRITE_PROTOCOLS, ApiToken, digest

TOKEN_PREFIX = "smd_"
LIFETIMES = {30: "30 dagar", 90: "90 dagar", 365: "ett år"}


def create_token(user, association, *, name, scopes, days):
    """A new token; returns (ApiToken, the token itself). The token is shown once and never stored."""
    errors = {}
    name = " ".join((name or "").split())
    if not name:
        errors["name"] = "Ge nyckeln ett namn, så att du känner igen den senare."
    roles = roles_in(user, association)
    if not roles:
        errors["association"] = "Du har ingen roll i det förbundet."
    scopes = sorted(set(scopes or []))
    if not scopes:
        errors["scopes"] = "Välj minst en behörighet."
    elif set(scopes) - SCOPES.keys():
        errors["scopes"] = "Okänd behörighet."
    elif WRITE_PROTOCOLS in scopes and roles and not roles & EDITOR_ROLES:
        errors["scopes"] = "Bara förbundschef/administratör och sekreterare kan skapa protokollutkast."
    if days not in LIFETIMES:
        errors["days"] = "Välj hur länge nyckeln ska gälla."
    if errors:
        raise ValidationError(errors)
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, association=association, name=name[:100], scopes=" ".join(scopes),
                                    digest=digest(plain), prefix=plain[:len(TOKEN_PREFIX) + 4],
                                    expires_on=timezone.localdate() + timedelta(days=days))
    return token, plain


def revoke_token(token):
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def token_for(plain):
    """The usable token behind a bearer string, or None; marks the day it was used (one write per token and day)."""
    if not plain or len(plain) > 200 or not plain.isascii():
        return None
    token = ApiToken.objects.select_related("user", "association").filter(digest=digest(plain)).first()
    if token is None or not token.usable() or not token.user.is_active:
        return None
    today = timezone.localdate()
    if token.last_used_on != today:
        ApiToken.objects.filter(pk=token.pk).update(last_used_on=today)
        token.last_used_on = today
    return token


# A draft meeting from the interchange format ------------------------------------------------------------------

# The database's integer columns hold at most this; a larger number in a document is refused, not overflowed.
MAX_NUMBER = 2_147_483_647


def _walk(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)
    else:
        yield value


def _limits(data):
    """What the schema allows but the database cannot store: NUL characters, and numbers past the integer columns."""
    problems = []
    values = list(_walk(data))
    if any(isinstance(v, str) and "\x00" in v for v in values):
        problems.append("protokollet: texten innehåller ett otillåtet tecken (NUL).")
    if any(isinstance(v, int) and not isinstance(v, bool) and not 0 <= v <= MAX_NUMBER for v in values):
        problems.append(f"protokollet: tal (paragrafnummer, röster) ska vara mellan 0 och {MAX_NUMBER}.")
    return problems


def create_draft(association, body, data):
    """A meeting with its attendance, officers and paragraphs, kept as a draft protocol the secretary goes on with.

    All or nothing: a document that breaks the schema, or that the database cannot hold, leaves nothing behind.
    Raises ValidationError with Swedish messages."""
    problems = validate(data)
    if problems:
        raise ValidationError(problems[:20])
    problems = _limits(data)
    if problems:
        raise ValidationError(problems)
    if body is None or body.association_id != association.pk:
        raise ValidationError({"body": "Förbundet har inget organ med det namnet; ange organet med parametern body."})
    head = data["meeting"]
    day = importing._day(head.get("date"), "date")
    start = importing._clock(head.get("start"), "start")
    if start is None:
        raise ValidationError({"start": "meeting.start saknas: ange när mötet började (TT:MM)."})
    try:
        with transaction.atomic():
            meeting = Meeting(body=body, date=day, start=start, end=importing._clock(head.get("end"), "end"),
                              place=(head.get("place") or "")[:300],
                              remote_participation=bool(head.get("remote_participation")),
                              label=(head.get("protocol_label") or "")[:100],
                              protocol_status=Meeting.ProtocolStatus.DRAFT)
            meeting.full_clean(exclude=["place"])
            meeting.save()
            importing._check_numbers(meeting, data.get("paragraphs", []))
            importing.save_content(meeting, data, importing._People(association, body, day))
    except (DataError, IntegrityError, OverflowError) as error:
        raise ValidationError(f"Protokollet kunde inte sparas: ett värde ryms inte i databasen ({type(error).__name__}). "
                              "Inget har sparats.")
    return meeting
