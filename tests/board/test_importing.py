"""Importing protocols into the database: upload, preview, corrections, one-transaction confirm, idempotence."""
import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from samordna.accounts.models import AssociationRole
from samordna.board import import_corrections, importing
from samordna.board.models import Attendance, Decision, Mandate, Meeting, Paragraph, Person, ProtocolImport
from samordna.protocols.export import content_hash, meeting_protocol

PROTOCOL = """Samordningsförbundet Sjölandet
Protokoll från styrelsens sammanträde

Datum: 2020-03-12
Tid: 13.00–15.30
Plats: Kommunhuset, Mölndal

Närvarolista
Namn\tOrganisation\tRoll
Anna Berg\tMölndals stad\tOrdförande
Bo Dahl\tFörsäkringskassan\tLedamot
Cecilia Ek\tPartille kommun\tTjänstgörande ersättare för David Falk
Greta Ny (C)\tLerums kommun\tLedamot
Ida Lund\t\tFörbundschef
David Falk\tPartille kommun\tFrånvarande

Protokollförare: Ida Lund
Justerare: Bo Dahl

§ 1100 Mötets öppnande
Ordföranden hälsar välkommen och öppnar mötet.

§ 1101 Verksamhetsplan 2020
Dnr 4/20
Kansliet föredrar förslaget till verksamhetsplan.
Styrelsen beslutar
att fastställa verksamhetsplanen för 2020
att uppdra åt förbundschefen att redovisa läget i juni

§ 1102 Mötets avslutande
Ordföranden avslutar mötet.
"""


@pytest.fixture
def lake(lake):
    """The lake association with people whose names read like names (the parser knows a role word when it sees one)."""
    lake.mandate("Anna Berg", "Mölndals stad", "member")
    lake.mandate("Bo Dahl", "Försäkringskassan", "member")
    lake.mandate("Cecilia Ek", "Partille kommun", "substitute")
    lake.mandate("David Falk", "Partille kommun", "member")
    return lake


def upload_one(lake, text=PROTOCOL, name="styrelsen-2020-03-12.txt"):
    batch = importing.upload(lake.association, [(name, text.encode("utf-8"))])
    return importing.parse_import(ProtocolImport.objects.get(batch=batch))


def test_upload_refuses_the_whole_batch_for_one_bad_file(lake):
    with pytest.raises(ValidationError) as error:
        importing.upload(lake.association, [("ok.txt", PROTOCOL.encode()), ("bild.png", b"\x89PNG"), ("tom.pdf", b"")])
    text = " ".join(error.value.messages)
    assert "bild.png: filtypen .png stöds inte" in text and "tom.pdf: filen är tom" in text
    assert not ProtocolImport.objects.exists()
    with pytest.raises(ValidationError, match="minst en fil"):
        importing.upload(lake.association, [])


def test_upload_refuses_files_over_the_size_limit(lake, settings):
    settings.PROTOCOL_IMPORT_MAX_BYTES = 100
    with pytest.raises(ValidationError, match="högst 0 MB|MB tillåts"):
        importing.upload(lake.association, [("stor.txt", b"x" * 101)])
    assert not ProtocolImport.objects.exists()


def test_parse_gives_a_preview_with_the_body_guessed(lake):
    imp = upload_one(lake)
    assert imp.status == ProtocolImport.Status.PREVIEW, imp.error
    assert imp.body == lake.board
    assert imp.data["meeting"]["date"] == "2020-03-12"
    assert [p["number"] for p in imp.data["paragraphs"]] == [1100, 1101, 1102]


def test_a_file_that_is_no_protocol_fails_with_a_reason(lake):
    imp = upload_one(lake, text="Inköpslista\nmjölk\nbröd\n", name="lista.txt")
    assert imp.status == ProtocolImport.Status.FAILED
    assert "lista.txt" in imp.error and "protokoll" in imp.error


def test_confirm_saves_the_meeting_and_matches_people(lake):
    people_before = Person.objects.count()
    imp = upload_one(lake)
    meeting = importing.confirm(imp)
    assert meeting.body == lake.board and str(meeting.date) == "2020-03-12"
    assert meeting.frozen and meeting.content_hash == content_hash(meeting_protocol(meeting))
    # Known people are matched, not duplicated; the new member and the official are created.
    assert Person.objects.count() == people_before + 2
    attendance = {a.person.name: a for a in meeting.attendances.select_related("person", "replaces", "mandate__member")}
    assert attendance["Anna Berg"].mandate.member.name == "Mölndals stad"
    assert attendance["Cecilia Ek"].replaces.name == "David Falk"
    assert attendance["David Falk"].status == Attendance.Status.ABSENT
    assert attendance["Greta Ny"].mandate.member.name == "Lerums kommun"
    assert attendance["Greta Ny"].person.party == "C"
    # A mandate created by the import covers only the meeting's day, so today's roster is unchanged.
    created = Mandate.objects.get(person__name="Greta Ny")
    assert created.term_start == created.term_end == meeting.date
    assert meeting.chair.name == "Anna Berg" and meeting.secretary.name == "Ida Lund"
    assert [p.name for p in meeting.adjusters.all()] == ["Bo Dahl"]
    plan = Paragraph.objects.get(meeting=meeting, number=1101)
    assert plan.case_number == "4/20" and plan.kind == "decision"
    assert list(plan.decisions.values_list("text", flat=True))[0].startswith("fastställa verksamhetsplanen")
    imp.refresh_from_db()
    assert imp.status == ProtocolImport.Status.CONFIRMED and imp.meeting == meeting


def test_partial_presence_and_paragraph_times_are_kept(lake):
    """The interchange format writes intervals as from/to; the import used to read start/end and lost them."""
    from samordna.board.models import Presence

    imp = upload_one(lake)
    data = imp.data
    bo = next(a for a in data["attendees"] if a["name"] == "Bo Dahl")
    bo["present"] = [{"from": "13:30", "to": "14:00"}, {"from_paragraph": 1102, "to_paragraph": None}]
    data["paragraphs"][1]["time"] = {"from": "13:10", "to": "13:40"}
    imp.data = data
    imp.save()
    meeting = importing.confirm(imp)
    spans = Presence.objects.filter(attendance__meeting=meeting, attendance__person__name="Bo Dahl").order_by("pk")
    assert [(p.start and p.start.strftime("%H:%M"), p.end and p.end.strftime("%H:%M"), p.from_paragraph)
            for p in spans] == [("13:30", "14:00", None), (None, None, 1102)]
    plan = Paragraph.objects.get(meeting=meeting, number=1101)
    assert (plan.start.strftime("%H:%M"), plan.end.strftime("%H:%M")) == ("13:10", "13:40")
    assert meeting.content_hash == content_hash(meeting_protocol(meeting))


def test_the_same_file_again_changes_nothing(lake):
    importing.confirm(upload_one(lake))
    counts = (Meeting.objects.count(), Person.objects.count(), Paragraph.objects.count())
    again = upload_one(lake, name="annat-namn.txt")
    assert again.status == ProtocolImport.Status.DUPLICATE
    assert "redan" in again.error
    with pytest.raises(ValidationError, match="redan importerad|förhandsgranskning"):
        importing.confirm(again)
    assert (Meeting.objects.count(), Person.objects.count(), Paragraph.objects.count()) == counts


def test_a_clash_with_existing_numbers_saves_nothing(lake):
    importing.confirm(upload_one(lake))
    counts = (Meeting.objects.count(), Person.objects.count(), Attendance.objects.count(), Decision.objects.count())
    clash = upload_one(lake, text=PROTOCOL.replace("2020-03-12", "2020-04-16").replace("Greta Ny", "Hugo Ny"))
    with pytest.raises(ValidationError) as error:
        importing.confirm(clash)
    assert "§ 1100 finns redan i protokollet från 2020-03-12" in " ".join(error.value.messages)
    assert (Meeting.objects.count(), Person.objects.count(), Attendance.objects.count(), Decision.objects.count()) == counts
    clash.refresh_from_db()
    assert clash.status == ProtocolImport.Status.PREVIEW


def test_confirm_needs_a_start_time(lake):
    imp = upload_one(lake, text=PROTOCOL.replace("Tid: 13.00–15.30\n", ""))
    data, errors = import_corrections.apply(imp.data, form_post(imp.data, start=""))
    importing.revise(imp, data, lake.board)
    with pytest.raises(ValidationError, match="Starttiden saknas"):
        importing.confirm(imp)
    assert not Meeting.objects.exists()


def form_post(data, **overrides):
    """What the preview form posts when nothing is changed."""
    values = import_corrections.form_values(data)
    post = {k: v for k, v in values.items() if isinstance(v, str)}
    for kind, prefix in (("attendees", "a"), ("absent", "f"), ("paragraphs", "p")):
        for row in values[kind]:
            for key, value in row.items():
                if key in ("i", "parsed", "remove"):
                    continue
                if isinstance(value, bool):
                    if value:
                        post[f"{prefix}-{row['i']}-{key}"] = "1"
                else:
                    post[f"{prefix}-{row['i']}-{key}"] = str(value)
    post.update(overrides)
    return post


def test_corrections_round_trip_unchanged(lake):
    imp = upload_one(lake)
    data, errors = import_corrections.apply(imp.data, form_post(imp.data))
    assert errors == []
    assert data == {**imp.data, "paragraphs": [{**p, "tabled": bool(p.get("tabled")), "adjusted_immediately": bool(p.get("adjusted_immediately")),
                                                 "decisions": p.get("decisions", []), "text": p.get("text", "")}
                                                for p in imp.data["paragraphs"]]}


def test_corrections_report_bad_values_in_swedish(lake):
    imp = upload_one(lake)
    data, errors = import_corrections.apply(imp.data, form_post(imp.data, date="12/3 2020", start="25:00", **{"p-0-number": "ett"}))
    joined = " ".join(errors)
    assert "Datum: skriv datumet som ÅÅÅÅ-MM-DD" in joined and "Starttid" in joined and "positivt heltal" in joined
    _, errors = import_corrections.apply(imp.data, form_post(imp.data, date="2020-02-30"))
    assert errors == ["Datum: 2020-02-30 finns inte i kalendern."]


# Views -----------------------------------------------------------------------------------------------------------

def test_the_browserless_flow_upload_read_correct_confirm(staff, lake):
    from django.core.files.uploadedfile import SimpleUploadedFile
    base = f"/f/{lake.association.slug}/importera/"
    response = staff.post(base, {"files": [SimpleUploadedFile("p.txt", PROTOCOL.encode()), SimpleUploadedFile("x.exe", b"MZ")]})
    assert response.status_code == 400 and "x.exe: filtypen .exe stöds inte" in response.content.decode()
    assert not ProtocolImport.objects.exists()
    response = staff.post(base, {"files": [SimpleUploadedFile("p.txt", PROTOCOL.encode())]})
    imp = ProtocolImport.objects.get()
    assert response.status_code == 302 and response.url.endswith(f"/importera/{imp.batch}/")
    page = staff.get(response.url).content.decode()
    assert "0 av 1 filer lästa" in page
    staff.post(response.url)
    imp.refresh_from_db()
    assert imp.status == "preview"
    preview = f"{base}fil/{imp.pk}/"
    post = form_post(imp.data, body=str(lake.board.pk), date="2020-13-45", action="confirm")
    response = staff.post(preview, post)
    assert response.status_code == 400
    assert 'value="2020-13-45"' in response.content.decode()  # the form keeps what was typed
    assert not Meeting.objects.exists()
    post.update({"date": "2020-03-12", "p-2-title": "Avslutning"})
    response = staff.post(preview, post)
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response.url.endswith(f"/moten/{meeting.pk}/protokoll/las/")
    assert meeting.paragraphs.get(number=1102).title == "Avslutning"
    assert "Avslutning" in staff.get(response.url).content.decode()


def test_parse_endpoint_answers_json(staff, lake):
    batch = importing.upload(lake.association, [("p.txt", PROTOCOL.encode())])
    imp = ProtocolImport.objects.get(batch=batch)
    response = staff.post(f"/f/{lake.association.slug}/importera/fil/{imp.pk}/tolka/")
    assert response.json()["status"] == "preview"


def test_import_pages_are_for_editors_of_the_association_only(client, lake):
    reader = User.objects.create_user("ledamot", password="x")
    AssociationRole.objects.create(user=reader, association=lake.association, role="board_member")
    client.force_login(reader)
    assert client.get(f"/f/{lake.association.slug}/importera/").status_code == 403
    outsider = User.objects.create_user("annan", password="x")
    client.force_login(outsider)
    assert client.get(f"/f/{lake.association.slug}/importera/").status_code == 404


ROLL_CALL = """Samordningsförbundet Sjölandet
Protokoll från styrelsens sammanträde

Datum: 2020-05-14
Tid: 13.00–15.00
Plats: Kansliet

Närvarolista
Namn\tOrganisation\tRoll
Anna Berg\tMölndals stad\tOrdförande
Bo Dahl\tFörsäkringskassan\tLedamot
David Falk\tPartille kommun\tLedamot

§ 1110 Ny insats
Förslaget ställs mot avslag. Omröstning begärs.
Styrelsen beslutar
att starta insatsen
David Falk (S) reserverar sig mot beslutet.
-----
**Voteringslista: § 1110**
Ledamot\tJa\tNej\tAvstår
Anna Berg, ordförande\tX\t\t
Bo Dahl, ledamot\tX\t\t
David Falk (S), ledamot\t\tX\t
Resultat\t2\t1\t0
"""


def test_a_roll_call_vote_and_a_reservation_are_imported(lake):
    imp = upload_one(lake, text=ROLL_CALL, name="votering.txt")
    assert imp.status == "preview", imp.error
    meeting = importing.confirm(imp)
    paragraph = meeting.paragraphs.get(number=1110)
    vote = paragraph.vote
    assert (vote.yes, vote.no, vote.abstain, vote.outcome) == (2, 1, 0, "yes")
    assert sorted((b.person.name, b.choice) for b in vote.ballots.select_related("person")) == [
        ("Anna Berg", "yes"), ("Bo Dahl", "yes"), ("David Falk", "no")]
    assert [(r.person.name) for r in paragraph.reservations.select_related("person")] == ["David Falk"]
    assert meeting.content_hash == content_hash(meeting_protocol(meeting))
