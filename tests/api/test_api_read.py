"""Reading through the API: each endpoint, per role, with the same rules as the pages."""
import pytest
from api_world import url

pytestmark = pytest.mark.django_db

READERS = ("admin", "secretary", "board_member", "auditor")


@pytest.mark.parametrize("actor", READERS)
def test_association_names_the_callers_roles(world, actor):
    response = world.client(actor).get(url(world, ""))
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["name"] == "Samordningsförbundet Sjölandet"
    assert data["roles"] == [actor]
    assert data["charter"]["numbering"] == "continuous"
    assert [b["slug"] for b in data["bodies"]] == ["styrelsen"]


def test_members_are_paginated_with_limit_and_offset(world):
    client = world.client("board_member")
    first = client.get(url(world, "members"), {"limit": 3}).json()
    rest = client.get(url(world, "members"), {"limit": 100, "offset": 3}).json()
    assert first["count"] == rest["count"] == 8
    assert len(first["items"]) == 3 and len(rest["items"]) == 5
    names = [m["name"] for m in first["items"] + rest["items"]]
    assert len(set(names)) == 8 and "Försäkringskassan" in names


@pytest.mark.parametrize("params,reason", [
    ({"limit": 0}, "parameter limit: ska vara minst 1"),
    ({"limit": 101}, "parameter limit: får vara högst 100"),
    ({"offset": -1}, "parameter offset: ska vara minst 0"),
    ({"limit": "många"}, "parameter limit: ska vara ett heltal"),
])
def test_bad_pagination_is_refused_in_swedish(world, params, reason):
    response = world.client("admin").get(url(world, "members"), params)
    assert response.status_code == 422
    assert response.json()["errors"] == [reason]


def test_meetings_newest_first_and_filtered(world):
    client = world.client("auditor")
    items = client.get(url(world, "meetings")).json()["items"]
    assert [m["id"] for m in items] == [world.adjusted.pk, world.meeting.pk]
    assert items[0]["protocol_status"] == "adjusted" and items[0]["content_hash"] == world.adjusted.content_hash
    drafts = client.get(url(world, "meetings"), {"status": "draft"}).json()
    assert [m["id"] for m in drafts["items"]] == [world.meeting.pk] and drafts["count"] == 1
    assert client.get(url(world, "meetings"), {"year": 2023, "body": "styrelsen"}).json()["count"] >= 1
    assert client.get(url(world, "meetings"), {"body": "arbetsutskottet"}).json()["count"] == 0


def test_meeting_detail_has_paragraphs_and_decisions(world):
    data = world.client("board_member").get(url(world, f"meetings/{world.meeting.pk}")).json()
    assert data["date"] == "2023-09-21" and data["start"].startswith("13:30")
    [paragraph] = data["paragraphs"]
    assert paragraph["title"] == "Verksamhetsplan"
    assert paragraph["decisions"] == ["fastställa verksamhetsplanen", "uppdra åt förbundschefen att redovisa"]


def test_protocol_is_the_interchange_format_of_the_export(world):
    from samordna.protocols.export import content_hash, meeting_protocol
    from samordna.protocols.interchange import validate

    data = world.client("auditor").get(url(world, f"meetings/{world.adjusted.pk}/protocol")).json()
    assert validate(data) == []
    assert data == meeting_protocol(world.adjusted)
    # The adjusted protocol read through the API is the one its seal was computed from.
    assert content_hash(data) == world.adjusted.content_hash


def test_decisions_list_each_clause(world):
    data = world.client("secretary").get(url(world, "decisions")).json()
    assert data["count"] == 2
    assert {d["text"] for d in data["items"]} == {"fastställa verksamhetsplanen", "uppdra åt förbundschefen att redovisa"}
    assert all(d["meeting_id"] == world.meeting.pk and d["paragraph_title"] == "Verksamhetsplan" for d in data["items"])
    assert world.client("secretary").get(url(world, "decisions"), {"year": 2020}).json()["count"] == 0


@pytest.mark.parametrize("actor,sees_secret", [("admin", True), ("secretary", True), ("auditor", True),
                                               ("board_member", False)])
def test_confidential_documents_only_for_the_roles_that_see_them_on_the_pages(world, actor, sees_secret):
    listing = world.client(actor).get(url(world, "cases")).json()
    assert [c["number"] for c in listing["items"]] == ["12/23"]
    detail = world.client(actor).get(url(world, f"cases/{world.case.pk}")).json()
    names = {d["filename"] for d in detail["documents"]}
    assert "skrivelse.txt" in names
    assert ("hyresavtal.txt" in names) is sees_secret


def test_case_search_and_status_filter(world):
    client = world.client("board_member")
    assert client.get(url(world, "cases"), {"q": "lokal"}).json()["count"] == 1
    assert client.get(url(world, "cases"), {"q": "budget"}).json()["count"] == 0
    assert client.get(url(world, "cases"), {"status": "closed"}).json()["count"] == 0
    assert client.get(url(world, "cases"), {"status": "stängd"}).status_code == 422


@pytest.mark.parametrize("tail", ["", "members", "meetings", "decisions", "cases", "follow-up"])
def test_a_reporter_reaches_nothing_but_their_interventions(world, tail):
    response = world.client("reporter").get(url(world, tail))
    assert response.status_code == 403
    assert response.json()["detail"] == "Som rapportör når du bara de insatser du rapporterar för."


def test_a_reporter_sees_only_their_own_intervention(world):
    client = world.client("reporter")
    listing = client.get(url(world, "interventions")).json()
    assert [i["name"] for i in listing["items"]] == ["Trädgården"]
    assert client.get(url(world, f"interventions/{world.garden.pk}")).status_code == 200
    assert client.get(url(world, f"interventions/{world.workshop.pk}")).status_code == 404
    assert client.get(url(world, f"interventions/{world.workshop.pk}/follow-up")).status_code == 404
    assert world.client("board_member").get(url(world, "interventions")).json()["count"] == 2


SPRING = {"kind": "tertial", "year": 2023, "number": 1}


def test_staff_get_exact_follow_up_figures(world):
    data = world.client("secretary").get(url(world, f"interventions/{world.garden.pk}/follow-up"), SPRING).json()
    assert data["suppressed"] is False and data["months_reported"] == 4
    assert data["figures"]["end"] == {"value": 3, "text": "3"}
    assert data["figures"]["started"]["value"] == 3


@pytest.mark.parametrize("actor", ["board_member", "auditor", "reporter"])
def test_everyone_else_gets_small_counts_suppressed(world, actor):
    data = world.client(actor).get(url(world, f"interventions/{world.garden.pk}/follow-up"), SPRING).json()
    assert data["suppressed"] is True and data["threshold"] == 5
    assert data["figures"]["end"] == {"value": None, "text": "<5"}
    assert data["figures"]["started"]["value"] is None
    assert data["note"].startswith("<5 betyder")
    # No figure below the threshold anywhere in the answer.
    shown = [f["value"] for f in data["figures"].values()]
    shown += [f["value"] for b in data["balance"] for r in b["rows"] for f in r["figures"]]
    assert all(v is None or v == 0 or v >= 5 for v in shown)


def test_period_overview_totals_only_for_staff(world):
    staff = world.client("admin").get(url(world, "follow-up"), SPRING).json()
    others = world.client("board_member").get(url(world, "follow-up"), SPRING).json()
    assert staff["totals"]["end"] == 3 and others["totals"] is None
    garden = next(i for i in others["interventions"] if i["intervention"] == "Trädgården")
    assert garden["figures"]["end"]["value"] is None


def test_a_period_that_does_not_exist_is_422_in_swedish(world):
    response = world.client("admin").get(url(world, "follow-up"), {"kind": "tertial", "year": 2023, "number": 4})
    assert response.status_code == 422
    assert "Tertial nummer 4 finns inte" in response.json()["detail"]


def test_notices_are_public_without_a_token(world):
    from django.test import Client

    data = Client().get(url(world, "notices")).json()
    assert data["count"] == 1
    [notice] = data["items"]
    assert notice["meeting_id"] == world.adjusted.pk and notice["current"] is True
    assert notice["content_hash"] == world.adjusted.content_hash
    assert Client().get("/api/f/finns-inte/notices").status_code == 404
