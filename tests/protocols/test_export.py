"""A meeting exported to the interchange format is valid against the schema and carries the protocol's facts."""
import json
from datetime import time
from importlib import resources

import jsonschema
import pytest

from samordna.board import services
from samordna.protocols.export import canonical_bytes, content_hash, meeting_protocol

pytestmark = pytest.mark.django_db


@pytest.fixture
def exported(lake):
    meeting = lake.meeting()
    lake.afternoon_of_2021_11_25(meeting)
    meeting.chair = lake.people["Ledamot Mölndals"]
    meeting.save()
    meeting.adjusters.add(lake.people["Ersättare Partille"])
    services.save_paragraph(meeting, title="Budget 2022", kind="decision", text="Förslaget föredras.", start=time(14, 30),
                            tabled=False, decisions_text="fastställa budgeten")
    services.save_paragraph(meeting, title="Intern kontrollplan", kind="decision", text="", start=time(15, 10), tabled=True,
                            decisions_text="Ärendet bordläggs")
    return meeting, meeting_protocol(meeting)


def test_export_is_valid_against_the_schema(exported):
    _, protocol = exported
    schema = json.loads(resources.files("samordna.protocols").joinpath("protocol.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(protocol, schema)


def test_export_carries_roles_presence_and_decisions(exported):
    _, protocol = exported
    people = {a["name"]: a for a in protocol["attendees"]}
    assert people["Ersättare Partille"]["role"] == "serving_substitute"
    assert people["Ersättare Partille"]["replaces"] == "Ledamot Partille"
    assert people["Ersättare Mölndals"]["role"] == "substitute"
    assert people["Ledamot Arbetsförmedlingen"]["present"] == [{"from": "13:30", "to": "14:00"}]
    assert people["Ledamot Mölndals"]["function"] == "chair"
    assert {a["name"] for a in protocol["absent"]} == {"Ersättare Arbetsförmedlingen", "Ledamot Lerums"}
    assert protocol["paragraph_range"] == [1121, 1122]
    assert protocol["paragraphs"][1]["tabled"] is True
    assert protocol["officers"]["adjusters"] == ["Ersättare Partille"]


def test_hash_changes_with_content_and_not_with_key_order(exported):
    meeting, protocol = exported
    reordered = dict(reversed(list(protocol.items())))
    assert canonical_bytes(reordered) == canonical_bytes(protocol)
    before = content_hash(protocol)
    paragraph = meeting.paragraphs.first()
    paragraph.text = "Förslaget föredras av förbundschefen."
    paragraph.save()
    assert content_hash(meeting_protocol(meeting)) != before
