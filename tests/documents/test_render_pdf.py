"""The protocol as PDF: content (pypdf text), tagging, PDF/A, page furniture, extracts, no network.

No database: rendering works on the interchange format alone.
"""
import io
import json
import shutil
import socket
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from render_data import GOTEBORG, HASH, NOTICE, expectations, load, squash
from samordna.documents import pdf as pdf_module
from samordna.documents.render import render_html, render_pdf

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "documents"


def read(content: bytes) -> PdfReader:
    assert content[:5] == b"%PDF-"
    return PdfReader(io.BytesIO(content))


def page_texts(content: bytes) -> list[str]:
    return [squash(page.extract_text()) for page in read(content).pages]


def text_of(content: bytes) -> str:
    return " ".join(page_texts(content))


def test_every_attendee_paragraph_and_decision_is_printed(any_protocol):
    text = text_of(render_pdf(any_protocol))
    missing = [s for s in expectations(any_protocol) if s not in text]
    assert not missing


def test_header_block_attendance_details_and_decisions(protocol):
    text = text_of(render_pdf(protocol, extras={"notice": NOTICE}))
    for expected in (
        "Samordningsförbundet Norrforsen", "Styrelsen", "Protokoll 2 2024", "Datum 2024-03-12",
        "kl. 09:00–12:15 (ajournering 10:30–10:45)", "Folkets hus, lilla salen, Storgatan 3 (med deltagare på distans)",
        "§§ 12–20",
        # attendance grouped by role, with party, function, organisation and partial presence
        "Beslutande", "Ledamöter", "Ingrid Falk (S), ordförande", "Johan Åström, vice ordförande",
        "Region Norrland, på distans", "Tjänstgörande ersättare", "ersätter Sven Ödman", "Övriga närvarande",
        "Ersättare", "Adjungerade", "Övriga", "kl. 09:30–11:00", "till och med § 15", "från och med § 16",
        "under § 14", "Lena Mård, förbundschef", "Anmält förhinder", "Sven Ödman (KD)", "Greta Holm, ersättare",
        # paragraphs
        "Dnr 7/24", "Styrelsen beslutar", "att anta verksamhetsplanen med budget för 2025",
        "Kansliet får i uppdrag att följa upp planen.", "Ärendet bordläggs.",
        "Paragrafen förklaras omedelbart justerad.", "kl. 11:15–11:50", "Tove Lindqvist lämnar mötet.",
        # vote
        "Ledamot Ja Nej Avstår", "Resultat: Ja 3, Nej 1, Avstår 1", "Mot beslutet reserverar sig Pia Nyberg (M).",
        # adjustment, signatures and the notice certificate
        "Utses att justera Pia Nyberg och Omar Haddad", "Justeringsdag 2024-03-19",
        "Plats för justering Norrforsen, förbundets kansli",
        "Sekreterare", "Ordförande", "Justerare", "Anslagsbevis", "Sammanträdesdatum 2024-03-12",
        "2024-03-20–2024-04-11", "Sista dag för överklagande 2024-04-10", "Förbundets kansli, Bruksvägen 9",
    ):
        assert expected in text, expected
    # Paragraph text keeps its paragraphs and line breaks (as separate lines, never run together).
    assert "förslag. Förslaget bygger" in text and "hösten. En sammanfattning" in text


def test_every_page_has_the_signature_footer_page_number_and_hash(protocol):
    pages = page_texts(render_pdf(protocol, extras={"content_hash": HASH}))
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert "Justerandes signatur" in text
        assert f"Sida {number} av {len(pages)}" in text
        assert f"SHA-256: {HASH}" in text
    # From page 2 on, a running header says whose protocol it is.
    assert "Samordningsförbundet Norrforsen · Styrelsen · Protokoll 2024-03-12" in pages[1]


def test_pdf_is_tagged_with_language_and_title(protocol):
    reader = read(render_pdf(protocol))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "sv"
    assert reader.metadata.title == "Protokoll Styrelsen Samordningsförbundet Norrforsen 2024-03-12"


def embedded_fonts(reader):
    fonts = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return fonts


def test_archival_output_is_pdf_a_with_embedded_fonts_and_the_source_attached(protocol):
    reader = read(render_pdf(protocol, archival=True))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    fonts = embedded_fonts(reader)
    assert fonts and all(fonts.values()), fonts
    assert all("Samordna-Sans" in name for name in fonts), "only the fonts shipped in the project"
    attached = reader.attachments["protokoll.json"][0]
    assert json.loads(attached) == protocol


def test_ordinary_output_does_not_claim_pdf_a(protocol):
    root = read(render_pdf(protocol)).trailer["/Root"]
    metadata = root.get("/Metadata")
    assert metadata is None or "pdfaid" not in metadata.get_object().get_data().decode("utf-8")


def test_same_input_gives_the_same_bytes(protocol):
    assert render_pdf(protocol, extras={"content_hash": HASH}) == render_pdf(protocol, extras={"content_hash": HASH})


def test_draft_carries_the_watermark(protocol):
    assert "UTKAST – ej justerat" in text_of(render_pdf(protocol, extras={"draft": True}))
    assert "UTKAST" not in text_of(render_pdf(protocol))


def test_certified_extract_has_only_the_chosen_paragraphs(protocol):
    text = text_of(render_pdf(protocol, extras={"extract_of": [16, 17]}))
    assert "Protokollsutdrag" in text and "Utdragsbestyrkande" in text
    assert "Utdraget stämmer överens med originalprotokollet, justerat 2024-03-19." in text
    assert "Lena Mård" in text  # the secretary certifies
    assert all(s in text for s in expectations(protocol, extract_of=[16, 17]))
    assert "§ 13 Verksamhetsplan" not in text and "Mötet avslutas" not in text
    assert "Anslagsbevis" not in text and "Tove Lindqvist" not in text  # no attendance list in an extract
    assert "Paragrafer § 16 och § 17" in text


def test_attachments_and_recording_link_are_printed(protocol):
    extras = {"attachments": {"13": ["Verksamhetsplan 2025", "Budgetbilaga"]},
              "recording_url": "https://play.example.org/styrelsen-2024-03-12"}
    text = text_of(render_pdf(protocol, extras=extras))
    assert "Bilagor: Verksamhetsplan 2025; Budgetbilaga" in text
    assert "Inspelning https://play.example.org/styrelsen-2024-03-12" in text


def test_protocol_without_attendance_or_officers_still_renders():
    bare = {"schema": "samordna.protocol/1", "organisation": "Exempelbygds kommun", "body": "Kommunfullmäktige",
            "meeting": {"date": "2020-06-15"}, "attendees": [],
            "paragraphs": [{"number": 7, "title": "Val av ombud"}]}
    text = text_of(render_pdf(bare))
    assert "§ 7 Val av ombud" in text and "Paragrafer § 7" in text and "Anslagsbevis" in text


def test_control_characters_are_dropped_and_markup_is_printed_as_text(protocol):
    protocol["paragraphs"][0]["text"] = "Tecken\x0bsom\x00 XML inte tillåter & <b>taggar</b> skrivs som text."
    text = text_of(render_pdf(protocol))
    assert "Teckensom XML inte tillåter & <b>taggar</b> skrivs som text." in text


def test_html_the_xml_parser_refuses_goes_to_the_html5_parser():
    fetcher = pdf_module.LocalOnlyFetcher()
    assert isinstance(pdf_module.parse_html("<html><body><p>a</p></body></html>", fetcher), pdf_module._ParsedHTML)
    fallback = pdf_module.parse_html("<html><body><p>a & b<br></p></body></html>", fetcher)
    assert not isinstance(fallback, pdf_module._ParsedHTML)
    assert "a & b" in text_of(fallback.write_pdf())


def test_fast_xml_path_gives_the_same_document_as_the_html5_parser(protocol):
    from django.template.loader import render_to_string
    from weasyprint import HTML

    from samordna.documents.render import TEMPLATE, protocol_context

    html = render_to_string(TEMPLATE, protocol_context(protocol))
    kit = pdf_module._kit.get()
    fast = pdf_module.parse_html(html, kit.fetcher)
    assert isinstance(fast, pdf_module._ParsedHTML)
    slow = HTML(string=html, base_url=str(pdf_module.HERE), url_fetcher=kit.fetcher)
    options = {"stylesheets": kit.stylesheets, "font_config": kit.font_config}
    assert page_texts(fast.write_pdf(**options)) == page_texts(slow.write_pdf(**options))


def test_rendering_never_opens_a_network_connection(protocol, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access while rendering")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    protocol["paragraphs"][0]["text"] = '<img src="https://example.org/spion.png"> <link href="http://example.org/x.css">'
    render_pdf(protocol, extras={"recording_url": "https://example.org/inspelning"})


def test_url_fetcher_refuses_everything_outside_the_package():
    fetcher = pdf_module.LocalOnlyFetcher()
    for url in ("https://example.org/font.ttf", "http://127.0.0.1/x.css", "ftp://example.org/x",
                Path("/etc/passwd").as_uri()):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    font = (pdf_module.FONTS / "LiberationSans-Regular.ttf").as_uri()
    assert fetcher.fetch(font).read(4) == b"\x00\x01\x00\x00"


def test_the_shipped_fonts_come_with_their_licence():
    names = {p.name for p in pdf_module.FONTS.iterdir()}
    assert {"LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LICENSE-LiberationSans.txt"} <= names


def test_render_html_is_standalone(protocol):
    html = render_html(protocol, extras={"draft": True})
    assert html.startswith("<!DOCTYPE html>") and '<html lang="sv">' in html
    assert "<style>" in html and "@page" in html
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html
    assert "§ 17 Medlemsavgift för nästa år" in html and "UTKAST – ej justerat" in html


@pytest.mark.skipif(not GOTEBORG.exists(), reason="../shared/seeds is not available")
def test_goteborg_page_one_as_png(tmp_path):
    """Page 1 of the Göteborg protocol as PNG in test-artifacts/documents/ (looked at by a person)."""
    doc = load(GOTEBORG)
    content = render_pdf(doc, extras={"content_hash": HASH})
    pages = page_texts(content)
    assert pages[0].startswith("Samordningsförbundet Göteborg Styrelsen Protokoll Datum 2023-03-24")
    # The people are named by the seed read at run time; the layout around them is what is tested.
    chair = next(a for a in doc["attendees"] if a.get("function") == "chair")
    serving = next(a for a in doc["attendees"] if a["role"] == "serving_substitute")
    guest = next(a for a in doc["attendees"] if a.get("organisation") == "Statisticon")
    assert f"{chair['name']} ({chair['party']}), ordförande Göteborgs stad" in pages[0]
    assert f"{serving['name']} Försäkringskassan, ersätter {serving['replaces']}" in pages[0]
    assert f"{guest['name']} Statisticon, under § 41" in pages[0]
    text = " ".join(pages)
    assert "Anslagsbevis" in text and "2023-04-05–2023-04-27" in text
    assert "Paragrafen förklaras omedelbart justerad." in text  # § 45
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    source = tmp_path / "goteborg.pdf"
    source.write_bytes(content)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(source),
                    str(ARTIFACTS / "goteborg-page1")], check=True, timeout=60)
    png = ARTIFACTS / "goteborg-page1.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
