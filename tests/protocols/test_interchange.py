"""The interchange dataclasses and the Swedish schema validation."""
from samordna.protocols.interchange import (Attendee, Ballot, Interval, Meeting, Paragraph, Presence, Protocol, Vote,
                                            schema, validate)


def sample() -> Protocol:
    p = Protocol("Samordningsförbundet Exempel", "Styrelsen", Meeting("2024-05-16", "13:15", "16:00",
                 [Interval("14:30", "14:45")], "Kansliet", True, "Protokoll 3 2024"), (1, 2))
    p.attendees = [Attendee("Ada Ek", "member", "chair", "Exempelby kommun", "S"),
                   Attendee("Bo Ås", "guest", present=[Presence(from_paragraph=2, to_paragraph=2)])]
    p.paragraphs = [Paragraph(1, "Öppnande"),
                    Paragraph(2, "Val", sub="a", case_number="12/24", time=Interval("14:00", None),
                              decisions=["utse Bo Ås"], vote=Vote(2, 1, 0, [Ballot("Ada Ek", "yes", "S")]),
                              reservations=["Bo Ås"])]
    return p


def test_to_dict_is_valid_and_leaves_out_what_is_empty():
    data = sample().to_dict()
    assert validate(data) == []
    assert data["paragraphs"][0] == {"number": 1, "title": "Öppnande"}
    assert data["attendees"][1] == {"name": "Bo Ås", "role": "guest", "present": [{"from_paragraph": 2, "to_paragraph": 2}]}
    assert data["meeting"]["breaks"] == [{"from": "14:30", "to": "14:45"}] and data["meeting"]["remote_participation"]
    assert data["officers"] == {"chair": None, "vice_chair": None, "secretary": None, "adjusters": []}
    assert "adjustment" not in data and "notice" not in data and data["absent"] == []


def test_round_trip():
    data = sample().to_dict()
    assert Protocol.from_dict(data).to_dict() == data


def test_schema_is_read_from_the_package():
    assert schema()["$id"] == "samordna.protocol/1"


def test_validation_speaks_swedish_and_names_the_field():
    data = sample().to_dict()
    del data["body"]
    data["meeting"]["start"] = "9"
    data["meeting"]["date"] = "2024-13-01"
    data["attendees"][0]["role"] = "boss"
    data["paragraphs"][1]["vote"]["yes"] = "två"
    data["paragraphs"][0]["colour"] = "blå"
    messages = validate(data)
    assert "protokollet: obligatoriskt fält saknas: body" in messages
    assert "meeting.start: '9' är inget klockslag på formen TT:MM" in messages
    assert "meeting.date: '2024-13-01' är inget giltigt datum (ÅÅÅÅ-MM-DD)" in messages
    assert any(m.startswith("attendees[0].role: ska vara något av member") for m in messages)
    assert "paragraphs[1].vote.yes: ska vara heltal" in messages
    assert "paragraphs[0]: okänt fält: colour" in messages
    assert validate([]) == ["protokollet: ska vara objekt"]
