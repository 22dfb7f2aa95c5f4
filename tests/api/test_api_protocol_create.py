"""POST /api/f/{slug}/protocols: a draft meeting from a protocol in the interchange format, all or nothing."""
import json

import pytest
from api_world import url

from samordna.accounts.models import AssociationRole
from samordna.board.models import Attendance, Decision, Meeting, Paragraph, Person

pytestmark = pytest.mark.django_db


def document(**changes):
    doc = {
        "schema": "samordna.protocol/1",
        "organisation": "Samordningsförbundet Sjölandet",
        "body": "Styrelsen",
        "meeting": {"date": "2024-02-08", "start": "09:00", "end": "11:30", "place": "Kansliet, Sjövägen 2"},
        "officers": {"chair": "Ledamot Mölndals", "secretary": "Sekreterare Sjö", "adjusters": ["Ledamot Västra"]},
        "attendees": [
            {"name": "Ledamot Mölndals", "role": "member", "organisation": "Mölndals stad", "function": "chair"},
            {"name": "Ledamot Västra", "role": "member", "organisation": "Västra Götalandsregionen"},
            {"name": "Ersättare Partille", "role": "serving_substitute", "organisation": "Partille kommun",
             "replaces": "Ledamot Partille", "present": [{"from": "09:00", "to": "10:15"}]},
            {"name": "Sekreterare Sjö", "role": "official", "function": "secretary", "organisation": "Kansliet"},
        ],
        "absent": [{"name": "Ledamot Partille", "organisation": "Partille kommun", "role": "member"}],
        "paragraphs": [
            {"number": 1200, "title": "Mötets öppnande", "text": "Ordföranden öppnar mötet."},
            {"number": 1201, "title": "Verksamhetsplan 2025", "case_number": "3/24", "text": "Förslaget föredras.",
             "decisions": ["fastställa verksamhetsplanen för 2025"], "time": {"from": "09:10", "to": "09:40"}},
        ],
    }
    doc.update(changes)
    return doc


def post(client, world, data, **params):
    body = data if isinstance(data, (str, bytes)) else json.dumps(data)
    query = "?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else ""
    return client.post(url(world, "protocols") + query, data=body, content_type="application/json")


@pytest.mark.parametrize("actor", ["admin", "secretary"])
def test_a_valid_document_becomes_a_draft_meeting(world, actor):
    response = post(world.client(actor), world, document())
    assert response.status_code == 201, response.content
    created = response.json()
    meeting = Meeting.objects.get(pk=created["id"])
    assert created["protocol_status"] == "draft" and meeting.protocol_status == "draft" and not meeting.content_hash
    assert meeting.body == world.lake.board and str(meeting.date) == "2024-02-08" and meeting.place == "Kansliet, Sjövägen 2"
    assert meeting.chair.name == "Ledamot Mölndals" and meeting.secretary.name == "Sekreterare Sjö"
    assert [p.name for p in meeting.adjusters.all()] == ["Ledamot Västra"]
    # People already known are matched by name; new ones are created in the association.
    assert meeting.chair == world.lake.people["Ledamot Mölndals"]
    assert Person.objects.filter(association=world.association, name="Sekreterare Sjö").count() == 1
    assert Attendance.objects.get(meeting=meeting, person__name="Ledamot Partille").status == "absent"
    substitute = Attendance.objects.get(meeting=meeting, person__name="Ersättare Partille")
    assert substitute.replaces.name == "Ledamot Partille"
    assert [(p.start.isoformat(timespec="minutes"), p.end.isoformat(timespec="minutes"))
            for p in substitute.presences.all()] == [("09:00", "10:15")]
    paragraphs = list(meeting.paragraphs.order_by("number"))
    assert [(p.number, p.title) for p in paragraphs] == [(1200, "Mötets öppnande"), (1201, "Verksamhetsplan 2025")]
    assert paragraphs[1].start.isoformat(timespec="minutes") == "09:10"
    assert [d.text for d in paragraphs[1].decisions.all()] == ["fastställa verksamhetsplanen för 2025"]
    # The draft reads back through the API as the same protocol.
    read = world.client("auditor").get(url(world, f"meetings/{meeting.pk}/protocol")).json()
    assert [p["title"] for p in read["paragraphs"]] == ["Mötets öppnande", "Verksamhetsplan 2025"]
    assert read["officers"]["chair"] == "Ledamot Mölndals"


def counts():
    return (Meeting.objects.count(), Paragraph.objects.count(), Decision.objects.count(), Person.objects.count(),
            Attendance.objects.count())


@pytest.mark.parametrize("data,expected", [
    (document(schema="annat/1"), "schema: ska vara 'samordna.protocol/1'"),
    (document(meeting={"date": "2024-02-30", "start": "09:00"}), "meeting.date: '2024-02-30' är inget giltigt datum"),
    (document(paragraphs=[{"number": "ett", "title": "Öppnande"}]), "paragraphs[0].number: ska vara heltal"),
    (document(paragraphs=[{"title": "Utan nummer"}]), "paragraphs[0]: obligatoriskt fält saknas: number"),
    (document(extra="fält"), "protokollet: okänt fält: extra"),
    (document(meeting={"date": "2024-02-08"}), "meeting.start saknas"),
    (document(paragraphs=[{"number": 7, "title": "A"}, {"number": 7, "title": "B"}]), "§ 7 förekommer flera gånger"),
    (document(paragraphs=[{"number": 99_999_999_999, "title": "Stort"}]), "tal (paragrafnummer, röster) ska vara"),
    (document(paragraphs=[{"number": 1, "title": "Nul\x00tecken"}]), "otillåtet tecken (NUL)"),
    (document(meeting={"date": "2024-02-08", "start": "25:00"}), "Klockslaget '25:00' är inte giltigt"),
])
def test_an_invalid_document_saves_nothing_and_says_why_in_swedish(world, data, expected):
    before = counts()
    response = post(world.client("secretary"), world, data)
    assert response.status_code == 422, response.content
    answer = response.json()
    assert answer["detail"] == "Protokollet kunde inte tas emot; inget har sparats."
    assert any(expected in error for error in answer["errors"]), answer["errors"]
    assert counts() == before


def test_a_late_refusal_takes_back_what_was_already_written(world):
    """Meeting, people and attendance are written before the paragraphs: a paragraph refused at the end (a clock time
    the schema's pattern lets through) must take all of it back."""
    before = counts()
    data = document(paragraphs=[{"number": 1, "title": "Sent fel", "time": {"from": "09:00", "to": "29:59"}}])
    response = post(world.client("admin"), world, data)
    assert response.status_code == 422
    assert any("29:59" in error for error in response.json()["errors"])
    assert counts() == before
    assert not Person.objects.filter(name="Sekreterare Sjö").exists()


def test_not_json_is_400_and_not_an_object_is_422(world):
    client = world.client("admin")
    response = post(client, world, "{inte json")
    assert response.status_code == 400 and "inte giltig JSON" in response.json()["detail"]
    response = post(client, world, "[1, 2]")
    assert response.status_code == 422 and "JSON-objekt" in response.json()["detail"]


def test_the_body_can_be_named_and_an_unknown_one_is_refused(world):
    before = counts()
    response = post(world.client("admin"), world, document(), body="arbetsutskottet")
    assert response.status_code == 422
    assert "inget organ" in " ".join(response.json()["errors"])
    assert counts() == before
    assert post(world.client("admin"), world, document(), body="styrelsen").status_code == 201


def test_the_write_scope_is_needed_even_for_an_editor(world):
    from samordna.api import services

    _, plain = services.create_token(world.users["admin"], world.association, name="Läsning", scopes=["read"], days=30)
    from django.test import Client

    response = post(Client(HTTP_AUTHORIZATION=f"Bearer {plain}"), world, document())
    assert response.status_code == 403 and response.json()["detail"] == "Nyckeln saknar behörigheten write:protocols."


def test_a_secretary_who_lost_the_role_cannot_write_with_an_old_token(world):
    AssociationRole.objects.filter(user=world.users["secretary"]).update(role="board_member")
    before = counts()
    response = post(world.client("secretary"), world, document())
    assert response.status_code == 403 and response.json()["detail"] == "Din roll i förbundet får inte göra detta."
    assert counts() == before


def test_another_tenants_token_cannot_write_here(world):
    before = counts()
    assert post(world.client("outsider"), world, document()).status_code == 404
    assert counts() == before


def test_the_draft_is_written_in_the_token_users_name(world):
    pytest.importorskip("samordna.accounts.audit")
    from samordna.accounts.models_audit import AuditEvent

    response = post(world.client("secretary"), world, document())
    assert response.status_code == 201
    event = AuditEvent.objects.get(action="create", object_type="board.meeting", object_id=str(response.json()["id"]))
    assert event.actor == world.users["secretary"] and event.association_id == world.association.pk
    assert event.method == "POST" and event.path == f"/api/f/{world.slug}/protocols"
