"""The pages for one's own API tokens: create (shown once), list, revoke."""
import re

import pytest
from api_world import url
from django.test import Client

from samordna.api.models import ApiToken

pytestmark = pytest.mark.django_db


def logged_in(world, actor):
    client = Client()
    client.force_login(world.users[actor])
    return client


def test_creating_a_token_shows_it_once_and_it_works(world):
    client = logged_in(world, "secretary")
    response = client.post("/api/nycklar/", {"name": "Intranätets mötesplan", "association": world.association.pk,
                                             "scopes": ["read"], "days": "30"})
    assert response.status_code == 200
    html = response.content.decode()
    plain = re.search(r'value="(smd_[^"]+)"', html)[1]
    assert "Kopiera nyckeln nu" in html and response["Cache-Control"].startswith("max-age=0")
    token = ApiToken.objects.get(name="Intranätets mötesplan")
    assert token.user == world.users["secretary"] and token.scopes == "read"
    assert plain not in client.get("/api/nycklar/").content.decode()  # never shown again
    api = Client(HTTP_AUTHORIZATION=f"Bearer {plain}")
    assert api.get(url(world, "meetings")).status_code == 200


def test_bad_input_keeps_what_was_typed_and_saves_nothing(world):
    before = ApiToken.objects.count()
    response = logged_in(world, "secretary").post("/api/nycklar/", {"name": "", "association": world.association.pk,
                                                                    "days": "30"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Ge nyckeln ett namn" in html and "Välj minst en behörighet." in html
    assert ApiToken.objects.count() == before


def test_a_board_member_cannot_take_the_write_scope(world):
    before = ApiToken.objects.count()
    response = logged_in(world, "board_member").post("/api/nycklar/", {
        "name": "Skriva", "association": world.association.pk, "scopes": ["read", "write:protocols"], "days": "90"})
    assert response.status_code == 400
    assert "Bara förbundschef/administratör och sekreterare" in response.content.decode()
    assert ApiToken.objects.count() == before


def test_no_token_for_an_association_one_has_no_role_in(world):
    response = logged_in(world, "outsider").post("/api/nycklar/", {
        "name": "Intrång", "association": world.association.pk, "scopes": ["read"], "days": "30"})
    assert response.status_code == 400
    assert not ApiToken.objects.filter(name="Intrång").exists()


def test_the_list_shows_only_ones_own_tokens(world):
    html = logged_in(world, "auditor").get("/api/nycklar/").content.decode()
    assert "Nyckel för auditor" in html and "Nyckel för admin" not in html and "Grannens nyckel" not in html


def test_revoking_ones_own_token_stops_it_and_anothers_is_404(world):
    token = ApiToken.objects.get(user=world.users["auditor"])
    assert logged_in(world, "admin").post(f"/api/nycklar/{token.pk}/aterkalla/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
    response = logged_in(world, "auditor").post(f"/api/nycklar/{token.pk}/aterkalla/")
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert world.client("auditor").get(url(world, "")).status_code == 401


def test_anonymous_visitors_are_sent_to_login(world):
    response = Client().get("/api/nycklar/")
    assert response.status_code == 302 and response["Location"].startswith("/logga-in/")


def test_my_account_links_to_the_tokens(world):
    html = logged_in(world, "board_member").get("/konto/").content.decode()
    assert 'href="/api/nycklar/"' in html
