"""Tokens, scopes, roles and tenancy: 401 without a valid token, 403 for scope or role, 404 for other tenants."""
from datetime import timedelta

import pytest
from api_world import url
from django.test import Client
from django.utils import timezone

from samordna.accounts.models import AssociationRole
from samordna.api import services
from samordna.api.models import ApiToken, digest

pytestmark = pytest.mark.django_db

UNAUTHORIZED = "Ange en giltig API-nyckel i huvudet Authorization: Bearer <nyckel>."


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer smd_fel", "Token abc", "Bearer " + "x" * 300, "Bearer åäö"])
def test_without_a_valid_token_is_401_in_swedish(world, header):
    client = Client(HTTP_AUTHORIZATION=header) if header else Client()
    response = client.get(url(world, "meetings"))
    assert response.status_code == 401
    assert response.json()["detail"] == UNAUTHORIZED
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_only_the_digest_is_stored_and_last_use_is_a_date(world):
    plain = world.tokens["auditor"]
    token = ApiToken.objects.get(user=world.users["auditor"])
    assert token.digest == digest(plain) and plain not in (token.digest, token.prefix, token.scopes)
    assert plain.startswith(token.prefix) and len(token.prefix) < 10
    assert token.last_used_on is None
    world.client("auditor").get(url(world, ""))
    token.refresh_from_db()
    assert token.last_used_on == timezone.localdate()


def test_revoked_and_expired_tokens_open_nothing(world):
    token = ApiToken.objects.get(user=world.users["board_member"])
    services.revoke_token(token)
    assert world.client("board_member").get(url(world, "")).status_code == 401
    token = ApiToken.objects.get(user=world.users["auditor"])
    token.expires_on = timezone.localdate() - timedelta(days=1)
    token.save()
    assert world.client("auditor").get(url(world, "")).status_code == 401


def test_an_inactive_user_s_token_opens_nothing(world):
    user = world.users["auditor"]
    user.is_active = False
    user.save()
    assert world.client("auditor").get(url(world, "")).status_code == 401


def test_a_token_acts_with_the_users_current_role(world):
    client = world.client("auditor")
    assert client.get(url(world, "meetings")).status_code == 200
    AssociationRole.objects.filter(user=world.users["auditor"]).delete()
    response = client.get(url(world, "meetings"))
    assert response.status_code == 403
    assert response.json()["detail"] == "Nyckelns användare har inte längre någon roll i förbundet."
    # A new role gives the token the new role's reach, no more.
    AssociationRole.objects.create(user=world.users["auditor"], association=world.association, role="reporter")
    assert client.get(url(world, "meetings")).status_code == 403
    assert client.get(url(world, "interventions")).json()["count"] == 0


@pytest.mark.parametrize("tail", ["", "meetings", "decisions", "cases", "interventions", "follow-up"])
def test_another_associations_token_gets_404(world, tail):
    response = world.client("outsider").get(url(world, tail))
    assert response.status_code == 404
    assert response.json()["detail"] == "Förbundet finns inte."


def test_another_tenants_attempt_is_recorded_under_the_association_tried(world):
    pytest.importorskip("samordna.accounts.audit")
    from samordna.accounts.models_audit import AuditEvent

    assert world.client("outsider").get(url(world, "cases")).status_code == 404
    event = AuditEvent.objects.filter(action="denied").order_by("-id").first()
    assert event.association_id == world.association.pk and event.actor == world.users["outsider"]
    assert event.reason == "API-nyckeln gäller ett annat förbund."


@pytest.mark.parametrize("kind", ["meetings", "cases", "interventions"])
def test_own_slug_with_another_tenants_ids_is_404(world, kind):
    ids = {"meetings": world.meeting.pk, "cases": world.case.pk, "interventions": world.garden.pk}
    response = world.client("outsider").get(f"/api/f/{world.other.slug}/{kind}/{ids[kind]}")
    assert response.status_code == 404
    assert "Sjölandet" not in response.content.decode()


def test_an_unknown_slug_is_404_like_another_tenants(world):
    assert world.client("admin").get("/api/f/finns-inte/meetings").status_code == 404
    assert world.client("admin").get("/api/f/inte%00giltig/meetings").status_code == 404


def test_a_token_without_the_read_scope_is_refused_and_recorded(world, monkeypatch):
    recorded = []
    import samordna.api.access as access

    monkeypatch.setattr(access, "_record_denied", lambda request, token, association, reason: recorded.append(
        (token.user.username, association.slug, request.method, reason)))
    token, plain = services.create_token(world.users["secretary"], world.association, name="Bara skriva",
                                         scopes=["write:protocols"], days=30)
    response = Client(HTTP_AUTHORIZATION=f"Bearer {plain}").get(url(world, "meetings"))
    assert response.status_code == 403
    assert response.json()["detail"] == "Nyckeln saknar behörigheten read."
    assert recorded == [("api-secretary", "sjolandet", "GET", "Nyckeln saknar behörigheten read.")]


def test_denied_attempts_reach_the_audit_log(world):
    pytest.importorskip("samordna.accounts.audit")
    from samordna.accounts.models_audit import AuditEvent

    response = world.client("board_member").post(url(world, "protocols"), data="{}", content_type="application/json")
    assert response.status_code == 403
    assert response.json()["detail"] == "Nyckeln saknar behörigheten write:protocols."
    event = AuditEvent.objects.filter(action="denied").order_by("-id").first()
    assert event.actor == world.users["board_member"] and event.association_id == world.association.pk
    assert event.reason == "Nyckeln saknar behörigheten write:protocols."
    assert event.object_repr == f"API POST /api/f/{world.slug}/protocols"


def test_a_session_may_read_but_never_write(world):
    client = Client()
    client.force_login(world.users["board_member"])
    assert client.get(url(world, "meetings")).json()["count"] == 2
    assert client.get(url(world, "cases")).status_code == 200
    # Writing needs a token: the session cookie alone is not a credential for it (so no CSRF to forge).
    admin = Client(enforce_csrf_checks=True)
    admin.force_login(world.users["admin"])
    response = admin.post(url(world, "protocols"), data="{}", content_type="application/json")
    assert response.status_code == 401
    outsider = Client()
    outsider.force_login(world.users["outsider"])
    assert outsider.get(url(world, "meetings")).status_code == 404


def test_a_reporter_session_follows_the_same_rules(world):
    client = Client()
    client.force_login(world.users["reporter"])
    assert client.get(url(world, "meetings")).status_code == 403
    assert [i["name"] for i in client.get(url(world, "interventions")).json()["items"]] == ["Trädgården"]
