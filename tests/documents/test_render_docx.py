"""The protocol as a Word document, opened again with python-docx: content, structure, footer."""
import io
import shutil
import subprocess

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from render_data import HASH, NOTICE, expectations, squash
from samordna.documents.render import render_docx


def open_docx(content: bytes):
    assert content[:2] == b"PK"
    return docx.Document(io.BytesIO(content))


def body_text(document) -> str:
    """Paragraphs and table cells in document order."""
    parts = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            parts.append("".join(t.text or "" for t in element.iter(qn("w:t"))))
        elif element.tag == qn("w:tbl"):
            for cell in element.iter(qn("w:tc")):
                parts.append(" ".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in cell.iter(qn("w:p"))))
    return squash(" ".join(parts))


def footer_xml(document) -> str:
    return document.sections[0].footer._element.xml


def test_every_attendee_paragraph_and_decision_is_in_the_document(any_protocol):
    text = body_text(open_docx(render_docx(any_protocol)))
    missing = [s for s in expectations(any_protocol) if s not in text]
    assert not missing


def test_headings_use_word_heading_styles(protocol):
    document = open_docx(render_docx(protocol))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == ("Heading 1", "Protokoll")
    for name in ("Beslutande", "Övriga närvarande", "Anmält förhinder", "Justering", "Anslagsbevis",
                 "§ 12 Mötet öppnas", "§ 18 a Rapport från kansliet", "§ 20 Mötet avslutas"):
        assert ("Heading 2", name) in headings, name
    for name in ("Ledamöter", "Tjänstgörande ersättare", "Ersättare", "Adjungerade", "Övriga", "Beslut", "Omröstning"):
        assert ("Heading 3", name) in headings, name


def rows(table):
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_attendance_and_ballots_are_tables_with_header_rows(protocol):
    document = open_docx(render_docx(protocol))
    tables = [rows(t) for t in document.tables]
    members = next(t for t in tables if t[0] == ["Namn", "Organisation", "Anmärkning"])
    assert members[1] == ["Ingrid Falk (S), ordförande", "Norrforsens kommun", ""]
    assert ["Pia Nyberg (M)", "Region Norrland", "på distans"] in members
    everyone = [row for t in tables if t[0] == ["Namn", "Organisation", "Anmärkning"] for row in t]
    assert ["Karin Berglöf (C)", "Ängsby kommun", "ersätter Sven Ödman"] in everyone
    assert ["Tove Lindqvist (V)", "Region Norrland", "kl. 09:30–11:00"] in everyone
    assert ["Nils Hed, utvärderare", "Högskolan i Forsby", "under § 14"] in everyone
    ballots = next(t for t in tables if t[0] == ["Ledamot", "Ja", "Nej", "Avstår"])
    assert ballots[1:] == [["Ingrid Falk (S)", "X", "", ""], ["Johan Åström", "X", "", ""],
                           ["Pia Nyberg (M)", "", "X", ""], ["Omar Haddad", "X", "", ""],
                           ["Karin Berglöf (C)", "", "", "X"], ["Resultat", "3", "1", "1"]]
    header_rows = [t.rows[0]._tr for t in document.tables if rows(t)[0][0] in ("Namn", "Ledamot")]
    assert header_rows and all(tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None for tr in header_rows)
    text = body_text(document)
    assert "Resultat: Ja 3, Nej 1, Avstår 1" in text and "Mot beslutet reserverar sig Pia Nyberg (M)." in text


def test_signatures_adjustment_and_notice_certificate(protocol):
    text = body_text(open_docx(render_docx(protocol, extras={"notice": NOTICE})))
    for expected in ("Utses att justera Pia Nyberg och Omar Haddad",
                     "Justeringsdag 2024-03-19", "Plats för justering Norrforsen, förbundets kansli",
                     "Sekreterare Ordförande Justerare", "Lena Mård Ingrid Falk Pia Nyberg",
                     "Anslagsbevis", "Organ Styrelsen, Samordningsförbundet Norrforsen",
                     "Anslaget under tiden 2024-03-20–2024-04-11", "Sista dag för överklagande 2024-04-10",
                     "Förvaringsplats för protokollet Förbundets kansli, Bruksvägen 9",
                     "Ärendet bordläggs.", "Paragrafen förklaras omedelbart justerad.",
                     "Styrelsen beslutar", "att anta verksamhetsplanen med budget för 2025"):
        assert expected in text, expected


def test_footer_has_signature_page_fields_and_hash(protocol):
    document = open_docx(render_docx(protocol, extras={"content_hash": HASH}))
    footer = document.sections[0].footer
    text = squash(" ".join(p.text for p in footer.paragraphs))
    assert text.startswith("Justerandes signatur")
    assert f"Innehållets SHA-256: {HASH}" in text
    xml = footer_xml(document)
    assert "Sida " in xml and " PAGE " in xml and " NUMPAGES " in xml and 'w:fldCharType="begin"' in xml
    assert HASH in body_text(document)


def test_page_setup_language_and_properties(protocol):
    document = open_docx(render_docx(protocol))
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    props = document.core_properties
    assert props.title == "Protokoll Styrelsen Samordningsförbundet Norrforsen 2024-03-12"
    assert props.language == "sv-SE" and props.author == "Samordningsförbundet Norrforsen"
    lang = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "sv-SE"
    assert _members(render_docx(protocol)) == _members(render_docx(protocol))  # same input, same content


def _members(content):
    # Compare the parts, not the bytes: the zip container stamps each part with the current time.
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_draft_and_extract(protocol):
    draft = open_docx(render_docx(protocol, extras={"draft": True}))
    assert "UTKAST – ej justerat" in draft.sections[0].header.paragraphs[0].text
    assert "UTKAST – ej justerat" in body_text(draft)
    extract = open_docx(render_docx(protocol, extras={"extract_of": [17]}))
    text = body_text(extract)
    assert extract.paragraphs[2].text == "Protokollsutdrag"
    assert "§ 17 Medlemsavgift för nästa år" in text and "Utdragsbestyrkande" in text and "Lena Mård" in text
    assert "§ 16 Firmatecknare" not in text and "Anslagsbevis" not in text
    assert "Utdragsbestyrkande" in " ".join(p.text for p in extract.sections[0].footer.paragraphs)


def test_text_with_markup_and_control_characters_is_kept_as_text(protocol):
    protocol["paragraphs"][0]["text"] = "Rad ett & <w:p/> två\x0c\n\nNytt stycke"
    document = open_docx(render_docx(protocol))
    paragraphs = [p.text for p in document.paragraphs]
    assert "Rad ett & <w:p/> två" in paragraphs and "Nytt stycke" in paragraphs


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_libreoffice_lays_out_the_page_fields(protocol, tmp_path):
    source = tmp_path / "protokoll.docx"
    source.write_bytes(render_docx(protocol, extras={"content_hash": HASH}))
    done = subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                          capture_output=True, timeout=180)
    assert done.returncode == 0, done.stderr
    from pypdf import PdfReader

    pages = [squash(page.extract_text()) for page in PdfReader(tmp_path / "protokoll.pdf").pages]
    assert all(f"Sida {i} av {len(pages)}" in text for i, text in enumerate(pages, start=1))
    assert all("Justerandes signatur" in text for text in pages)
