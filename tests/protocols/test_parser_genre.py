"""The parser on the genre's variants, one feature at a time, in protocols written for these tests."""
import datetime as dt
from collections import Counter

import pytest

from samordna.protocols import dates
from samordna.protocols.interchange import Presence, validate
from samordna.protocols.parser import parse
from samordna.protocols.readers import lines_from_text


def run(text):
    return parse(lines_from_text(text))


def people(protocol):
    return {a.name: a for a in protocol.attendees}


def paragraph(protocol, number, sub=None):
    return next(p for p in protocol.paragraphs if p.number == number and p.sub == sub)


# ---- dates and times ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("2021-11-25", dt.date(2021, 11, 25)),
    ("fredag den 24 mars 2023", dt.date(2023, 3, 24)),
    ("Den 5 april 2023 i Göteborg", dt.date(2023, 4, 5)),
    ("den 13/9 2023", dt.date(2023, 9, 13)),
    ("1 dec. 2022", dt.date(2022, 12, 1)),
])
def test_swedish_dates(text, expected):
    assert dates.first_date(text) == expected


def test_year_from_the_weekday_and_the_years_the_document_mentions():
    hit = dates.find_dates("Onsdag den 29 november, kl 13.00-16.00")[0]
    assert dates.infer_year(hit, Counter({2024: 9, 2023: 2})) == (2023, True)  # 29/11/2024 is a Friday
    hit = dates.find_dates("den 29 november")[0]
    assert dates.infer_year(hit, Counter({2024: 9, 2023: 2})) == (2024, False)


@pytest.mark.parametrize("text, expected", [
    ("Kl. 13 – 16:10 (ajournering 14.00 - 14.06)", ("13:00", "16:10")),
    ("Tisdagen den 21 november kl. 9:00–12:00", ("09:00", "12:00")),
    ("kl 15.45", ("15:45", None)),
    ("för 16–64 år", (None, None)),
    ("budget 2022-2024", (None, None)),
])
def test_clock_ranges(text, expected):
    assert dates.time_range(dates.strip_breaks(text))[:2] == expected


# ---- header --------------------------------------------------------------------------------------

def test_header_with_labels_on_their_own_lines():
    p, warnings = run("""PROTOKOLL 4
2024

Plats och tid

Arbetsutskottsmöte Samordningsförbundet Västra Tälje
Onsdagen den 6 mars kl. 13:00–15:00

Paragrafer § 7 - § 8

Beslutande

Agnes Öhman, Försäkringskassan, ordförande

§7. Öppnande
§8. Avslutning
""")
    assert p.organisation == "Samordningsförbundet Västra Tälje" and p.body == "Arbetsutskottet"
    assert (p.meeting.date, p.meeting.start, p.meeting.end) == ("2024-03-06", "13:00", "15:00")
    assert p.meeting.place is None  # the line describes the meeting, it is no place
    assert p.meeting.protocol_label == "Protokoll 4 2024" and p.paragraph_range == (7, 8)
    assert not any("Årtal" in w for w in warnings)  # the weekday confirmed 2024


def test_header_with_organ_label_and_inline_values():
    p, warnings = run("""Organ **Förbundsstyrelsen för Mälardalens Samordningsförbund**
Tid **Måndag den 3 juni, kl 09.30-11.00.**
Plats **Förbundets kontor, Storgatan 1 i Eskilstuna**
Omfattning

§§ 10-11

§ 10 Öppnande
Under 2024 har styrelsen mötts tre gånger.
§ 11 Avslutning
""")
    assert (p.organisation, p.body) == ("Mälardalens Samordningsförbund", "Förbundsstyrelsen")
    assert p.meeting.date == "2024-06-03" and p.meeting.place == "Förbundets kontor, Storgatan 1 i Eskilstuna"
    assert p.paragraph_range == (10, 11)


def test_place_in_parentheses_marks_remote_participation_and_breaks():
    p, _ = run("""# Styrelsen för Finsam Exempelstad
**Datum:** torsdag den 7 mars 2024
**Tid:** Kl. 9 – 12 (ajournering 10.30 - 10.45)
**Plats:** Stadshuset, rum 2 (deltagare på distans\\*)

§ 1 Öppnande
""")
    assert p.meeting.place == "Stadshuset, rum 2" and p.meeting.remote_participation
    assert (p.meeting.start, p.meeting.end) == ("09:00", "12:00")
    assert [(b.start, b.end) for b in p.meeting.breaks] == [("10:30", "10:45")]
    assert (p.organisation, p.body) == ("Finsam Exempelstad", "Styrelsen")


def test_adjustment_and_notice():
    p, warnings = run("""Styrelsen för Samordningsförbundet Exempel
Datum: 2024-05-16

**Datum och ort för justering**

Den 20 maj 2024 i Exempelby på förbundets kansli.

**Tillkännages:** 2024-05-21 - 2024-06-12

**Förvaringsplats för protokollet:** Kansliet, Storgatan 2.

§ 1 Öppnande
""")
    assert (p.adjustment.date, p.adjustment.place) == ("2024-05-20", "Exempelby på förbundets kansli")
    assert (p.notice.posted, p.notice.removed, p.notice.kept_at) == ("2024-05-21", "2024-06-12", "Kansliet, Storgatan 2")


# ---- attendance ------------------------------------------------------------------------------------

def test_attendance_lines_tables_and_running_text():
    p, _ = run("""Styrelsen för Samordningsförbundet Exempel
Datum: 2024-05-16

### Ordförande

Ada Ek (L), Exempelby stad

### Övriga ledamöter

Bo Ås, (M) Region Exempel

Cilla Berg, Arbetsförmedlingen, är med mellan kl 10:15 – 11:00

Dan Ulf, Försäkringskassan är med mellan kl 10:15 – 12:45

## Tjänstgörande ersättare

Eva Holm\tFörsäkringskassan, ersätter Dan Ulf

### Ersättare

Fia Kron (C)*\tRegion Exempel

Övriga deltagare: förbundschef Gun Lax, biträdande förbundschef Hans Ro.
Revisionen under § 2, Ina Sol förbundschef sof Grannby och Jon Bo
biträdande förbundschef Sof Grannby under § 3

Meddelat förhinder: Kim Ek AF, Lo Berg, Grannby kommun

### Övriga

Mia Lund, analytiker\tFinsam Exempel\t§ 2
Nils Al och Ola Ny\tKonsultbolaget\t§§ 2-3

§ 1 Öppnande
§ 2 Revision
§ 3 Dragning
""")
    got = people(p)
    assert (got["Ada Ek"].role, got["Ada Ek"].function, got["Ada Ek"].party) == ("member", "chair", "L")
    assert (got["Bo Ås"].party, got["Bo Ås"].organisation) == ("M", "Region Exempel")
    assert got["Cilla Berg"].present == [Presence(start="10:15", end="11:00")]
    assert got["Dan Ulf"].organisation == "Försäkringskassan" and got["Dan Ulf"].present[0].end == "12:45"
    assert (got["Eva Holm"].role, got["Eva Holm"].replaces) == ("serving_substitute", "Dan Ulf")
    assert got["Fia Kron"].remote and got["Fia Kron"].role == "substitute"
    assert (got["Gun Lax"].role, got["Gun Lax"].function) == ("official", "förbundschef")
    assert got["Revisionen"].role == "guest" and got["Revisionen"].present == [Presence(from_paragraph=2, to_paragraph=2)]
    assert (got["Ina Sol"].role, got["Ina Sol"].organisation) == ("guest", "sof Grannby")
    assert got["Ina Sol"].present == got["Jon Bo"].present == [Presence(from_paragraph=3, to_paragraph=3)]
    assert got["Jon Bo"].function == "biträdande förbundschef"
    assert (got["Mia Lund"].role, got["Mia Lund"].organisation) == ("official", "Finsam Exempel")  # own association
    assert got["Nils Al"].role == got["Ola Ny"].role == "guest"
    assert got["Ola Ny"].present == [Presence(from_paragraph=2, to_paragraph=3)]
    assert {(a.name, a.organisation) for a in p.absent} == {("Kim Ek", "AF"), ("Lo Berg", "Grannby kommun")}
    assert p.officers.chair == "Ada Ek" and p.meeting.remote_participation


def test_attendance_table_with_a_role_column_and_semicolon_lists():
    p, _ = run("""Samordningsförbundet Exempel
Datum: 2024-06-05

Närvarolista
Namn\tOrganisation\tRoll
Rut Ahl (S)\tKumla kommun\tOrdförande
Tor Dahl\tArbetsförmedlingen\tErsättare
Vera Eng (L)\tRegion Exempel\tTjänstgörande ersättare för Ola Fors (L)
Lena Gren\t\tFörbundschef
Ola Fors (L)\tRegion Exempel\tFrånvarande

Dessutom närvarande: Maja Hed, ekonom (§§ 3–4); Kalle Öst, revisor, Revisionsbyrån AB.

§ 3 Öppnande
§ 4 Avslutning
""")
    got = people(p)
    assert (got["Rut Ahl"].role, got["Rut Ahl"].function) == ("member", "chair")
    assert got["Tor Dahl"].role == "substitute"
    assert (got["Vera Eng"].role, got["Vera Eng"].replaces) == ("serving_substitute", "Ola Fors")
    assert got["Lena Gren"].role == "official"
    assert [a.name for a in p.absent] == ["Ola Fors"]
    assert got["Maja Hed"].present == [Presence(from_paragraph=3, to_paragraph=4)]
    assert (got["Kalle Öst"].role, got["Kalle Öst"].organisation) == ("guest", "Revisionsbyrån AB")


def test_officers_in_the_layouts_protocols_use():
    p, _ = run("""Samordningsförbundet Exempel
Datum: 2024-01-10

Beslutande
Ada Ek (S), ordförande, Exempelby kommun
Bo Ås, Försäkringskassan

Justeringsdag:

Cia Berg
Sekreterare

Justerare: Bo Ås

§ 1 Öppnande
""")
    assert (p.officers.chair, p.officers.secretary, p.officers.adjusters) == ("Ada Ek", "Cia Berg", ["Bo Ås"])

    p, _ = run("""Samordningsförbundet Exempel
Datum: 2024-01-10
Utses att justera    Irma Lund (S), Kjell Nord (M)
Underskrifter        Sekreterare   Frida Kron
                     Ordförande    Gösta Berg

§ 1 Öppnande
Vid protokollet
Frida Kron
Justeras
Gösta Berg, ordförande          Irma Lund, justerare
""")
    assert (p.officers.chair, p.officers.secretary) == ("Gösta Berg", "Frida Kron")
    assert p.officers.adjusters == ["Irma Lund", "Kjell Nord"]


def test_signature_boxes_side_by_side_and_dotted_lines():
    p, _ = run("""Samordningsförbundet Exempel
Datum: 2024-01-10
Beslutande
Sofia Ek, Försäkringskassan
Folke Åström (S), Region Exempel
Sekreterare ..............................
Anna Berg
Ordförande                  Justerare
Sofia Ek                    Folke Åström

§ 1 Öppnande
""")
    assert (p.officers.chair, p.officers.secretary, p.officers.adjusters) == ("Sofia Ek", "Anna Berg", ["Folke Åström"])


# ---- paragraphs ----------------------------------------------------------------------------------

HEAD = "Samordningsförbundet Exempel\nDatum: 2024-02-01\n\n"


@pytest.mark.parametrize("line, number, title", [
    ("§ 38 Information från förbundschefen", 38, "Information från förbundschefen"),
    ("**§ 1124** Revisionen på besök 14.00-14.30", 1124, "Revisionen på besök 14.00-14.30"),
    ("## §1. Sammanträdet öppnas", 1, "Sammanträdet öppnas"),
    ("§ 45                    Årsredovisning 2023", 45, "Årsredovisning 2023"),
    ("12 § Val av justerare", 12, "Val av justerare"),
    ("### **§ 7 – Budget**", 7, "Budget"),
])
def test_paragraph_headings(line, number, title):
    p, _ = run(HEAD + line + "\nText.\n")
    assert [(x.number, x.title) for x in p.paragraphs] == [(number, title)]


def test_references_to_paragraphs_in_running_text_are_no_headings():
    p, _ = run(HEAD + "§ 3 Information\n- Insatser enligt § 4.4 socialtjänstlagen\nBeslut i § 256 gäller.\n"
               "§ 4 kap. 2 socialtjänstlagen nämns.\n§§ 5-7 behandlades förra gången.\n")
    assert [x.number for x in p.paragraphs] == [3]


def test_bare_heading_with_case_number_and_title_below():
    p, _ = run(HEAD + "§ 77\n\nDnr 2018KS301\n\n## Utträde ur förbundet\n\nText om utträdet.\n")
    para = paragraph(p, 77)
    assert (para.title, para.case_number) == ("Utträde ur förbundet", "2018KS301")


def test_lettered_sub_items_become_paragraphs():
    p, _ = run(HEAD + """## §5. Rapporter
### a. Summering av året
Text a.
b. Rapport från beredningen

Text b med en lista:
1. Första punkten.
- c) Inget underavsnitt, en punkt i en lista
## §6. Övrigt
""")
    assert [(x.number, x.sub, x.title) for x in p.paragraphs] == [
        (5, "a", "Summering av året"), (5, "b", "Rapport från beredningen"), (6, None, "Övrigt")]


def test_paragraph_table_with_title_and_text_in_one_cell():
    p, _ = run(HEAD + """Sekreterare Ada Ek
§§ Ärenden Beslut

50\tMötet öppnas, godkännande av dagordning\tDagordningen godkänns.
51\tEkonomi Kostnaderna följer budget.\tStyrelsen tar del av informationen.
52\tUppföljning A, Insats ett har fler deltagare. B, Insats två har färre.\tStyrelsen beslutar att godkänna rapporten att skicka den till medlemmarna
53\tInformation från förbundschef Om arbetet med förbundsordningen.

Bilaga: Verksamhetsplan
1. Inledning
""")
    got = {x.number: x for x in p.paragraphs}
    assert [x.number for x in p.paragraphs] == [50, 51, 52, 53]
    assert (got[51].title, got[51].text) == ("Ekonomi", "Kostnaderna följer budget.")
    assert got[52].title == "Uppföljning" and got[52].decisions == ["godkänna rapporten", "skicka den till medlemmarna"]
    assert got[53].title == "Information från förbundschef" and got[53].decisions == []
    assert got[50].decisions == ["Dagordningen godkänns."]


def test_time_and_case_number_of_a_paragraph():
    p, _ = run(HEAD + "§ 9 Dragning om insatsen kl 15.45\n*Dnr 84/22 Rapport bifogas.*\nText.\n"
               "§ 10 Besök av revisorerna 14.00-14.30\nDnr: KS 2023/45\n")
    assert (paragraph(p, 9).time.start, paragraph(p, 9).time.end, paragraph(p, 9).case_number) == ("15:45", None, "84/22")
    assert (paragraph(p, 10).time.start, paragraph(p, 10).case_number) == ("14:00", "KS 2023/45")


# ---- decisions -------------------------------------------------------------------------------------

@pytest.mark.parametrize("body, decisions", [
    ("Förslaget presenteras.\n### Beslut:\nAtt fastställa dagordningen enligt förslag", ["fastställa dagordningen enligt förslag"]),
    ("Styrelsen för Samordningsförbundet Exempel beslutar att utse Bo Ås till justerare.", ["utse Bo Ås till justerare."]),
    ("Styrelsen beslutar\n\natt anteckna informationen.\n\natt gå vidare.", ["anteckna informationen.", "gå vidare."]),
    ("**Styrelsen beslutar att**\n- Godkänna planen.\n- Ge kansliet i uppdrag att återkomma.",
     ["Godkänna planen.", "Ge kansliet i uppdrag att återkomma."]),
    ("Läggs till handlingarna.", ["Läggs till handlingarna."]),
    ("Inga delegationsbeslut anmäls.\nStyrelsen antecknar det till protokollet.", ["Styrelsen antecknar det till protokollet."]),
    ("Beslutades att godkänna bokslutet och att föra över överskottet.", ["godkänna bokslutet och att föra över överskottet."]),
    ("Efter diskussion beslutar styrelsen:\natt fastställa budgeten,\natt höja avgiften", ["fastställa budgeten", "höja avgiften"]),
    ("## Beslut\n*Fullmäktiges beslut i enlighet med förslaget*\nKommunen lämnar förbundet.\n-----\nSignatur",
     ["Kommunen lämnar förbundet."]),
    ("Kommunfullmäktiges beslut\n1. Kommunen begär utträde.\n2. Styrelsen verkställer.", ["Kommunen begär utträde.", "Styrelsen verkställer."]),
    ("### Förslag till beslut\nAtt godkänna planen.\nDiskussion följer. Arbetet vilar tills vi vet om planen godkänns.", []),
    ("- att styrelsen redogör för riskerna\nStyrelsen beslutade den 3 oktober att ge uppdraget.", []),
])
def test_decisions(body, decisions):
    p, _ = run(HEAD + "§ 3 Ärendet\n" + body + "\n§ 4 Nästa\n")
    assert paragraph(p, 3).decisions == decisions


def test_wrapped_titles_and_clauses_are_joined():
    p, _ = run(HEAD + "§ 7 Ansökan från kommunen om förlängning av\ninsatsen Steget\nText.\nStyrelsen beslutar\n"
               "att bevilja ansökan med högst 200 000 kronor\nför år 2025,\natt följa upp insatsen.\n")
    assert paragraph(p, 7).title == "Ansökan från kommunen om förlängning av insatsen Steget"
    assert paragraph(p, 7).decisions == ["bevilja ansökan med högst 200 000 kronor för år 2025", "följa upp insatsen."]


def test_tabled_and_adjusted_immediately():
    p, _ = run(HEAD + "§ 1 Policy\nBordläggs till nästa möte.\n§ 2 Bokslut\nStyrelsen beslutar\n"
               "att godkänna bokslutet\natt förklara denna punkt omedelbart justerad.\n")
    assert paragraph(p, 1).tabled and paragraph(p, 1).decisions == ["Bordläggs till nästa möte."]
    assert paragraph(p, 2).adjusted_immediately and not paragraph(p, 2).tabled


# ---- votes and reservations ------------------------------------------------------------------------

ROLL_CALL = """§ 12
Dnr 2024/9
## Utträde ur förbundet
Votering begärs. Voteringen utfaller så att {yes} ledamöter röstar Ja, 2 röstar Nej, 1 avstår.
Mot beslutet reserverar sig Ulla Berg (S) och Per Lind (S).
## Beslut
Kommunfullmäktige beslutar att lämna förbundet.
-----
**Voteringslista: § 12**
Ledamot\tJa\tNej\tAvstår
Anna Ek (M), ordförande\tX\t\t
Bo Ås (C), vice ordförande\tX\t\t
Cia Holm (KD), ledamot\tX\t\t
Ulla Berg (S), ledamot\t\tX\t
Per Lind (S), ledamot\t\tX\t
Sammanträdesdatum
2024-03-01
Rut Sand (MP), ersättare\t\t\tX
Resultat\t{yes}\t2\t1
"""


def test_roll_call_vote_with_result_and_reservations():
    p, warnings = run("Kommunfullmäktige\nSammanträdesdatum 2024-03-01\n\n" + ROLL_CALL.format(yes=3))
    para = paragraph(p, 12)
    assert (para.vote.yes, para.vote.no, para.vote.abstain) == (3, 2, 1)
    assert [(b.name, b.party, b.vote) for b in para.vote.ballots][-1] == ("Rut Sand", "MP", "abstain")
    assert len(para.vote.ballots) == 6 and para.reservations == ["Ulla Berg (S)", "Per Lind (S)"]
    assert (p.officers.chair, p.officers.vice_chair) == ("Anna Ek", "Bo Ås")
    assert not any("voteringslistan" in w for w in warnings)


def test_ballot_count_that_does_not_match_the_stated_result_is_warned_about():
    _, warnings = run("Kommunfullmäktige\nSammanträdesdatum 2024-03-01\n\n" + ROLL_CALL.format(yes=4))
    assert any("§ 12" in w and "3 ja, 2 nej, 1 avstår" in w and "4 ja" in w for w in warnings)


def test_stated_vote_without_a_list():
    p, _ = run(HEAD + "§ 4 Ansökan\nMed 2 röster ja och 1 röst nej beslutar utskottet enligt förslaget.\n"
               "Bo Ek (M) och Eva Holm (C) reserverar sig mot beslutet.\n")
    para = paragraph(p, 4)
    assert (para.vote.yes, para.vote.no, para.vote.abstain, para.vote.ballots) == (2, 1, None, [])
    assert para.reservations == ["Bo Ek (M)", "Eva Holm (C)"]


# ---- warnings ----------------------------------------------------------------------------------------

def test_warnings_for_slips():
    p, warnings = run("""Samordningsförbundet Exempel
Datum: 2023-11-21
Beslutande
Ada Ek, Försäkringskassan
Justerare: Bo Ås
Anslaget under tiden\t2023-01-29 – 2023-12-19
§ 1 Öppnande
§ 2 Val av justerare
§ 4 Avslutning
""")
    assert any("2023-01-29 ligger före sammanträdet 2023-11-21" in w for w in warnings)
    assert any("hoppar från § 2 till § 4" in w for w in warnings)
    assert any("Justeraren Bo Ås finns inte bland de närvarande" in w for w in warnings)
    assert validate(p.to_dict()) == []


def test_extract_after_other_papers_starts_at_its_own_date():
    filler = "\n".join(f"Utredningen beskriver punkt {n} i detalj." for n in range(25))
    p, _ = run(f"""Välfärdsnämnden
Datum
2022-10-03
{filler}
Kommunfullmäktige beslutar att stanna kvar.
Sammanträdesdatum
2019-05-20
§ 77
Dnr 2018KS301
## Utträde ur Samordningsförbundet Exempel
Kommunfullmäktige godkänner propositionsordningen.
## Beslut
Kommunfullmäktige uppdrar åt kommundirektören att säga upp avtalet med Exempelby kommun som part.
""")
    assert p.meeting.date == "2019-05-20" and p.body == "Kommunfullmäktige"
    assert p.meeting.protocol_label == "Dnr 2018KS301" and p.paragraph_range is None
    assert p.organisation == "Exempelby kommun"
