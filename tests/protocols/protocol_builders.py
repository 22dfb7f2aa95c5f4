"""Protocols of our own making, written as .docx (python-docx) and .pdf (a minimal PDF writer)
at test time. Their hand labels are in fixtures/expected/. No text from real protocols."""
from __future__ import annotations

import zlib
from pathlib import Path

from pdf_bytes import serialise_pdf

FIXTURES = Path(__file__).resolve().parent / "fixtures"


# ---- DOCX: a board protocol with a header table, attendance tables, headings and a roll call ----


def write_dalarna_docx(path: Path) -> Path:
    import docx

    d = docx.Document()
    d.add_paragraph("Protokoll nr 3/2024", style="Title")
    d.add_paragraph("Samordningsförbundet Norra Dalarna")
    d.add_paragraph("Förbundsstyrelsen")
    table = d.add_table(rows=0, cols=2)
    for label, value in [("Sammanträdesdatum", "Torsdag 16 maj 2024"),
                         ("Tid", "13.15–16.00, ajournering 14.30–14.45"),
                         ("Plats", "Stadshuset, sammanträdesrum Siljan, Mora"),
                         ("Paragrafer", "§§ 22–29")]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value

    d.add_heading("Beslutande ledamöter", level=2)
    members = d.add_table(rows=1, cols=3)
    for cell, text in zip(members.rows[0].cells, ("Namn", "Organisation", "Anmärkning")):
        cell.text = text
    for row in [("Ingrid Holm (C), ordförande", "Mora kommun", ""),
                ("Erik Dahl (S), vice ordförande", "Region Dalarna", ""),
                ("Sofie Ek", "Försäkringskassan", "deltar på distans"),
                ("Tomas Vik", "Arbetsförmedlingen", "från kl 14.45"),
                ("Helena Falk (M)", "Orsa kommun", "tjänstgör för Olle Berg (M)")]:
        cells = members.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    d.add_heading("Ersättare (ej tjänstgörande)", level=2)
    subs = d.add_table(rows=0, cols=2)
    for row in [("Lena Sund (S)", "Älvdalens kommun"), ("Jonas Öberg (V)", "Region Dalarna")]:
        cells = subs.add_row().cells
        cells[0].text, cells[1].text = row
    d.add_heading("Övriga deltagare", level=2)
    d.add_paragraph("Kristina Holm, förbundschef")
    d.add_paragraph("Anders Nyberg, controller, Mora kommun, § 24")
    d.add_heading("Frånvarande", level=2)
    d.add_paragraph("Olle Berg (M), Orsa kommun")
    d.add_paragraph("Justerare: Erik Dahl")
    d.add_paragraph("Justering: Mora 2024-05-20")

    d.add_heading("§ 22 Mötets öppnande", level=2)
    d.add_paragraph("Ordföranden hälsar alla välkomna och öppnar sammanträdet.")
    d.add_heading("§ 23 Godkännande av dagordning", level=2)
    d.add_paragraph("Dagordningen fastställs utan ändringar.")
    d.add_heading("§ 24 Delårsrapport januari–april", level=2)
    d.add_paragraph("Dnr 2024/031")
    d.add_paragraph("Controllern presenterar rapporten. Utfallet följer budget och insatserna har fler deltagare än väntat.")
    p = d.add_paragraph()
    p.add_run("Styrelsen beslutar").bold = True
    d.add_paragraph("att godkänna delårsrapporten,", style="List Bullet")
    d.add_paragraph("att överlämna rapporten till medlemmarna.", style="List Bullet")
    d.add_heading("§ 25 Val av revisionsbyrå", level=2)
    d.add_paragraph("Dnr 2024/040")
    d.add_paragraph("Två anbud har kommit in. Ordföranden föreslår det billigare anbudet och Erik Dahl föreslår det andra.")
    d.add_paragraph("Omröstning begärs. Omröstningen utfaller med 3 ja-röster mot 1 nej-röst, 1 ledamot avstår.")
    vote = d.add_table(rows=1, cols=4)
    for cell, text in zip(vote.rows[0].cells, ("Ledamot", "Ja", "Nej", "Avstår")):
        cell.text = text
    for name, column in [("Ingrid Holm (C)", 1), ("Erik Dahl (S)", 2), ("Sofie Ek", 1), ("Tomas Vik", 3),
                         ("Helena Falk (M)", 1)]:
        cells = vote.add_row().cells
        cells[0].text = name
        cells[column].text = "X"
    d.add_paragraph("Styrelsen beslutar att anlita den byrå som lämnat det billigare anbudet.")
    d.add_paragraph("Erik Dahl (S) reserverar sig mot beslutet.")
    d.add_heading("§ 26 Information om länsgemensamt nätverk", level=2)
    d.add_paragraph("Förbundschefen berättar om nätverkets planer för hösten. Informationen noteras.")
    d.add_heading("§ 27 Rapporter", level=2)
    d.add_heading("a) Rapport från beredningsgruppen", level=3)
    d.add_paragraph("Beredningsgruppen har träffats två gånger och diskuterat behovsanalysen.")
    d.add_heading("b) Rapport från kansliet", level=3)
    d.add_paragraph("Kansliet har rekryterat en ny processledare.")
    d.add_paragraph("Styrelsen beslutar att lägga rapporterna till handlingarna.")
    d.add_heading("§ 28 Lokalfrågan", level=2)
    d.add_paragraph("Beslut: Ärendet bordläggs till nästa möte.")
    d.add_heading("§ 29 Mötets avslutande", level=2)
    d.add_paragraph("Ordföranden avslutar mötet.")
    d.add_paragraph("Vid protokollet")
    d.add_paragraph("Kristina Holm")
    notice = d.add_table(rows=0, cols=2)
    for label, value in [("Anslaget publicerat", "2024-05-21"), ("Anslaget tas ned", "2024-06-12"),
                         ("Förvaringsplats", "Samordningsförbundets kansli, Mora")]:
        cells = notice.add_row().cells
        cells[0].text, cells[1].text = label, value
    d.save(path)
    return path


# ---- PDF: a minimal writer (standard Helvetica, WinAnsi) and a two-column municipal layout ----


def pdf_bytes(pages: list[list[tuple[float, float, str, bool]]]) -> bytes:
    """Pages of text runs (x, y from the top, text, bold) → a small valid PDF."""
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # pages, filled in below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for runs in pages:
        ops = []
        for x, y, text, bold in runs:
            raw = text.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
            ops.append(b"BT /%s 10 Tf 1 0 0 1 %.1f %.1f Tm (%s) Tj ET" % (b"F2" if bold else b"F1", x, 842 - y, raw))
        stream = zlib.compress(b"\n".join(ops))
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream))
        content = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>" % content)
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    return serialise_pdf(objects, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")


class _Page:
    def __init__(self):
        self.runs: list[tuple[float, float, str, bool]] = []
        self.y = 60.0

    def line(self, *cells: tuple[float, str], bold: bool = False, gap: float = 14):
        for x, text in cells:
            self.runs.append((x, self.y, text, bold))
        self.y += gap

    def space(self):
        self.y += 16


def _page_furniture(page: _Page, number: int, total: int) -> None:
    page.runs.append((56, 30, "Samordningsförbundet Halland Nord", True))
    page.runs.append((430, 30, "PROTOKOLL", True))
    page.runs.append((56, 44, "Styrelsen", False))
    page.runs.append((380, 44, "Sammanträdesdatum 2024-09-27", False))
    page.runs.append((56, 800, "Justerandes sign", False))
    page.runs.append((470, 800, f"Sida {number} av {total}", False))
    page.y = 80


def write_halland_pdf(path: Path) -> Path:
    L, V = 56, 210
    p1, p2 = _Page(), _Page()
    _page_furniture(p1, 1, 2)
    _page_furniture(p2, 2, 2)
    p1.line((L, "Plats och tid"), (V, "Falkenbergs stadshus, rum Ätran, kl. 09.00–12.00"))
    p1.space()
    p1.line((L, "Beslutande"), (V, "Anna Nord (S), ordförande, Falkenbergs kommun"))
    p1.line((V, "Bo Ek (M), Varbergs kommun"))
    p1.line((V, "Carina Lind, Försäkringskassan"))
    p1.line((V, "David Ros, Arbetsförmedlingen, §§ 41-46"))
    p1.line((V, "Eva Holm (C), Region Halland, tjänstgör för Fredrik Sand (C)"))
    p1.space()
    p1.line((L, "Ersättare"), (V, "Gustav Berg (S), Falkenbergs kommun"))
    p1.space()
    p1.line((L, "Övriga närvarande"), (V, "Cecilia Ros, förbundschef"))
    p1.line((V, "Hanna Lund, ekonom, § 42"))
    p1.space()
    p1.line((L, "Frånvarande"), (V, "Fredrik Sand (C), Region Halland"))
    p1.space()
    p1.line((L, "Utses att justera"), (V, "Bo Ek"))
    p1.line((L, "Justeringens plats och tid"), (V, "Förbundets kansli, Varberg, 2024-10-02"))
    p1.line((L, "Paragrafer"), (V, "40–46"))
    p1.space()
    p1.line((L, "Underskrifter"), bold=True)
    p1.line((L, "Sekreterare"), (V, "Cecilia Ros"))
    p1.line((L, "Ordförande"), (V, "Anna Nord"))
    p1.line((L, "Justerande"), (V, "Bo Ek"))
    p1.space()
    p1.line((L, "§ 40"), (100, "Sammanträdets öppnande"), bold=True)
    p1.line((L, "Ordföranden öppnar mötet och hälsar de närvarande välkomna."))
    p1.space()
    p1.line((L, "§ 41"), (100, "Godkännande av föredragningslista"), bold=True)
    p1.line((L, "Föredragningslistan godkänns med tillägg av en informationspunkt."))
    p1.space()
    p1.line((L, "§ 42"), (100, "Ekonomisk rapport per augusti"), bold=True)
    p1.line((L, "Dnr SFHN 2024/17"))
    p1.line((L, "Ekonomen redovisar utfallet. Prognosen för helåret pekar mot ett litet överskott."))
    p1.space()
    p1.line((L, "Styrelsens beslut"), bold=True)
    p1.line((L, "Styrelsen beslutar att"))
    p1.line((L, "• godkänna den ekonomiska rapporten,"))
    p1.line((L, "• uppdra åt förbundschefen att återkomma med en reviderad budget i november."))

    p2.line((L, "§ 43"), (100, "Ansökan från Varbergs kommun om förlängning av insatsen Steget"), bold=True)
    p2.line((L, "Dnr SFHN 2024/21"))
    p2.line((L, "Kommunen ansöker om fortsatt finansiering under 2025. Bo Ek (M) yrkar avslag."))
    p2.line((L, "Votering begärs. Voteringen utfaller med 3 ja-röster mot 2 nej-röster."))
    p2.space()
    p2.line((L, "Ledamot"), (300, "Ja"), (350, "Nej"), (400, "Avstår"), bold=True)
    for name, x in [("Anna Nord (S)", 302), ("Bo Ek (M)", 352), ("Carina Lind", 302), ("David Ros", 302),
                    ("Eva Holm (C)", 352)]:
        p2.line((L, name), (x, "X"))
    p2.space()
    p2.line((L, "Styrelsen beslutar att bevilja ansökan med 1,2 miljoner kronor för 2025."))
    p2.space()
    p2.line((L, "Reservation"), bold=True)
    p2.line((L, "Bo Ek (M) och Eva Holm (C) reserverar sig mot beslutet."))
    p2.space()
    p2.line((L, "§ 44"), (100, "Information från förbundschefen"), bold=True)
    p2.line((L, "Förbundschefen informerar om den nationella konferensen. Informationen läggs till handlingarna."))
    p2.space()
    p2.line((L, "§ 45"), (100, "Revidering av delegationsordning"), bold=True)
    p2.line((L, "Förslaget behöver kompletteras med beloppsgränser. Ärendet bordläggs."))
    p2.space()
    p2.line((L, "§ 46"), (100, "Sammanträdets avslutande"), bold=True)
    p2.line((L, "Ordföranden tackar för visat intresse och avslutar sammanträdet."))
    p2.space()
    p2.line((L, "BEVIS OM ANSLAG"), bold=True)
    p2.line((L, "Protokollet är justerat. Justeringen har tillkännagivits genom anslag."))
    p2.line((L, "Organ"), (V, "Styrelsen för Samordningsförbundet Halland Nord"))
    p2.line((L, "Datum då anslaget sätts upp"), (V, "2024-10-03"))
    p2.line((L, "Datum då anslaget tas ned"), (V, "2024-10-25"))
    p2.line((L, "Förvaringsplats för protokollet"), (V, "Förbundets kansli, Varberg"))
    path.write_bytes(pdf_bytes([p1.runs, p2.runs]))
    return path


# ---- hostile and broken files ------------------------------------------------------------------


def scanned_pdf_bytes() -> bytes:
    """One page holding only an image, as a scanner makes it: no text layer."""
    pixels = bytes(range(64))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Length %d >>\nstream\n%s\nendstream" % (len(pixels), pixels),
    ]
    content = b"q 400 0 0 600 90 120 cm /Im1 Do Q"
    objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    return serialise_pdf(objects, b"%PDF-1.4\n")


def write_zip_bomb_docx(path: Path, megabytes: int = 150) -> Path:
    """A .docx whose document.xml inflates from a few hundred kB to `megabytes` MB."""
    import zipfile

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"<w:p/>" * (1024 * 1024 // 6)
            for _ in range(megabytes):
                member.write(chunk)
    return path


def write_broken_docx(path: Path) -> Path:
    """A zip with the parts of a Word document, but document.xml is not XML."""
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
        archive.writestr("word/document.xml", "this is <not xml")
    return path


def write_numbered_docx(path: Path) -> Path:
    """Paragraph numbers from Word's list numbering ("§ %1" from 14, sub-items "%2.") — not in the text."""
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="14"/><w:numFmt w:val="decimal"/><w:lvlText w:val="§ %1"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2."/></w:lvl>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    d.add_paragraph("Samordningsförbundet Exempel, styrelsen")
    d.add_paragraph("Datum: 2024-10-10")
    for text, level in [("Öppnande", 0), ("Rapporter", 0), ("Från kansliet", 1), ("Från beredningen", 1),
                        ("Avslutning", 0)]:
        p = d.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
        d.add_paragraph("Text under punkten.")
    d.save(path)
    return path


def write_samrad_pdf(path: Path) -> Path:
    """A members' meeting: label/value header, an attendance table with a bold head row and a role
    column, a clause wrapped over two lines, and a page header repeated on page 2."""
    L = 56
    p1, p2 = _Page(), _Page()
    for page in (p1, p2):
        page.line((L, "MEDLEMSSAMRÅD"), (400, "Protokoll"), bold=True)
        page.line((L, "Samordningsförbundet Älvdalen Nedre"))
        page.space()
    p1.line((L, "Datum"), (200, "2024-04-19"))
    p1.line((L, "Tid"), (200, "10:00–12:00"))
    p1.line((L, "Plats"), (200, "Sollefteå stadshus, sal B"))
    p1.space()
    p1.line((L, "Närvarande"), bold=True)
    p1.line((L, "Namn"), (200, "Medlem"), (380, "Roll"), bold=True)
    for name, member, role in [("Gun Ås (S)", "Sollefteå kommun", "Ordförande"), ("Per Nyl (M)", "Kramfors kommun", "Ledamot"),
                               ("Rut Berg", "Försäkringskassan", "Ledamot"), ("Sten Ahl", "Arbetsförmedlingen", "Ledamot"),
                               ("Tova Lin", "Samordningsförbundet", "Förbundschef")]:
        p1.line((L, name), (200, member), (380, role))
    p1.space()
    p1.line((L, "Protokollförare"), (200, "Tova Lin"))
    p1.line((L, "Justerare"), (200, "Per Nyl"))
    p1.space()
    p1.line((L, "§ 1"), (100, "Samrådets öppnande"), bold=True)
    p1.line((L, "Ordföranden öppnar samrådet."))
    p1.space()
    p1.line((L, "§ 2"), (100, "Medlemmarnas bidrag för 2025"), bold=True)
    p1.line((L, "Förbundschefen redovisar förslaget till fördelning mellan medlemmarna."))
    p1.line((L, "Beslut"), bold=True)
    p1.line((L, "Medlemssamrådet beslutar"))
    p1.line((L, "att rekommendera medlemmarna att behålla bidraget på samma nivå som"))
    p1.line((L, "för 2024,"))
    p1.line((L, "att återkomma i frågan vid höstens samråd."))
    p2.line((L, "§ 3"), (100, "Övriga frågor"), bold=True)
    p2.line((L, "Inga övriga frågor."))
    p2.space()
    p2.line((L, "§ 4"), (100, "Avslutning"), bold=True)
    p2.line((L, "Ordföranden avslutar samrådet."))
    path.write_bytes(pdf_bytes([p1.runs, p2.runs]))
    return path
