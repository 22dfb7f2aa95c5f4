"""Readers: text/Markdown normalisation, encodings, DOCX and PDF, and hostile files."""
import time
import zipfile

import pytest

from protocol_builders import (pdf_bytes, scanned_pdf_bytes, write_broken_docx, write_dalarna_docx,
                               write_halland_pdf, write_numbered_docx, write_zip_bomb_docx)
from samordna.protocols.extract import extract
from samordna.protocols.readers import Limits, ReadError, decode, lines_from_text, markdown_line, read


def texts(lines):
    return [ln.text for ln in lines if not ln.blank]


# ---- Markdown and plain text -------------------------------------------------------------------

@pytest.mark.parametrize("raw, text, heading, italic, bullet", [
    ("## **Beslut:**", "Beslut:", True, False, False),
    ("**§ 12** Val av justerare", "§ 12 Val av justerare", False, False, False),
    ("*Dnr 12/24 Rapport bifogas*", "Dnr 12/24 Rapport bifogas", False, True, False),
    ("- att godkänna rapporten", "att godkänna rapporten", False, False, True),
    ("Eva Ek (S) <i>ordförande</i>\tMora kommun", "Eva Ek (S) ordförande\tMora kommun", False, False, False),
    ("Plats: Kansliet (deltagare på distans\\*)", "Plats: Kansliet (deltagare på distans*)", False, False, False),
    ("[Rapport \\(pdf\\)](#) och <https://exempel.se>", "Rapport (pdf) och https://exempel.se", False, False, False),
    ("§ 45                    Årsredovisning", "§ 45\tÅrsredovisning", False, False, False),
    ("Bo   Ek  och  Eva", "Bo\tEk och Eva", False, False, False),
    ("| Namn | Parti |", "Namn\tParti", False, False, False),
])
def test_markdown_line(raw, text, heading, italic, bullet):
    line = markdown_line(raw)
    assert (line.text, line.heading, line.italic, line.bullet) == (text, heading, italic, bullet)


def test_rules_and_table_separators_carry_no_text():
    assert markdown_line("---").rule and markdown_line("|---|---|").rule and markdown_line("-----\t---").rule


def test_repeated_page_header_is_dropped_after_its_first_use():
    body = "\n".join(["Samordningsförbundet", "Exempelby", "§ 1 Öppnande", "Text.", "",
                      "Samordningsförbundet", "Exempelby", "Mer text.", "Sida 2 av 3",
                      "Samordningsförbundet", "Exempelby", "Justerandes sign", "Slut."])
    assert texts(lines_from_text(body)) == ["Samordningsförbundet", "Exempelby", "§ 1 Öppnande", "Text.",
                                             "Mer text.", "Slut."]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"])
def test_encodings(encoding):
    assert decode("Sammanträdesdatum 2024-05-16, §§ 1-3 för Örebro".encode(encoding)).startswith("Sammanträdesdatum")
    if encoding in ("cp1252", "latin-1"):
        assert "Örebro" in decode("§ 1 Örebro".encode(encoding))


def test_mixed_encodings_are_decoded_line_by_line():
    data = "Plats: Växjö".encode("utf-8") + b"\n" + "Ordförande: Åsa Öst".encode("cp1252")
    assert decode(data).splitlines() == ["Plats: Växjö", "Ordförande: Åsa Öst"]


# ---- refusals ------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, content, reason", [
    ("tom.txt", b"", "tom"),
    ("blank.txt", b"\n  \n\t\n", "ingen text"),
    ("recept.txt", "Pannkakor: mjöl, mjölk och ägg.".encode(), "inte ut som ett protokoll"),
    ("gammal.doc", b"\xd0\xcf\x11\xe0", ".doc stöds inte"),
    ("bild.jpg", b"\xff\xd8\xff", "bild"),
    ("data.xlsx", b"PK", "stöds inte"),
    ("binar.txt", b"\x00\x01\x02" * 50, "binära"),
    ("fake.pdf", b"hello", "ingen PDF"),
    ("fake.docx", "§ 1 text".encode(), "inget Word-dokument"),
])
def test_refusals_say_why_in_swedish(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReadError, match=reason):
        read(path)


def test_missing_file(tmp_path):
    with pytest.raises(ReadError, match="finns inte"):
        read(tmp_path / "saknas.txt")


def test_size_limit_is_checked_before_reading(tmp_path):
    big = tmp_path / "stor.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    started = time.monotonic()
    with pytest.raises(ReadError, match="är 50 MB; gränsen är 20 MB"):
        read(big)
    with pytest.raises(ReadError, match="gränsen är 1 MB"):
        read(big, Limits(max_bytes=1024 * 1024))
    assert time.monotonic() - started < 1


def test_zip_bomb_disguised_as_docx_is_refused_quickly(tmp_path):
    bomb = write_zip_bomb_docx(tmp_path / "protokoll.docx")
    assert bomb.stat().st_size < 2 * 1024 * 1024
    started = time.monotonic()
    with pytest.raises(ReadError, match="zip-bomb"):
        read(bomb)
    assert time.monotonic() - started < 1


def test_broken_docx(tmp_path):
    with pytest.raises(ReadError, match="skadat Word-dokument"):
        read(write_broken_docx(tmp_path / "trasig.docx"))
    good = write_dalarna_docx(tmp_path / "hel.docx").read_bytes()
    (tmp_path / "avkortad.docx").write_bytes(good[: len(good) // 2])
    with pytest.raises(ReadError, match="skadad"):
        read(tmp_path / "avkortad.docx")
    with zipfile.ZipFile(tmp_path / "annat.docx", "w") as archive:
        archive.writestr("content.xml", "<x/>")
    with pytest.raises(ReadError, match="word/document.xml saknas"):
        read(tmp_path / "annat.docx")


def test_malformed_pdfs(tmp_path):
    (tmp_path / "skräp.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<garbage\nendobj\ntrailer <<>>\n%%EOF")
    good = write_halland_pdf(tmp_path / "hel.pdf").read_bytes()
    (tmp_path / "halv.pdf").write_bytes(good[: len(good) // 2])
    for name in ("skräp.pdf", "halv.pdf"):
        started = time.monotonic()
        with pytest.raises(ReadError, match="PDF"):
            read(tmp_path / name)
        assert time.monotonic() - started < 5


def test_scanned_pdf_without_text_layer(tmp_path):
    (tmp_path / "skannad.pdf").write_bytes(scanned_pdf_bytes())
    with pytest.raises(ReadError, match="saknar textlager"):
        read(tmp_path / "skannad.pdf")


def test_pdf_page_limit(tmp_path):
    (tmp_path / "lång.pdf").write_bytes(pdf_bytes([[(56, 60, "§ 1 Öppnande", False)]] * 3))
    with pytest.raises(ReadError, match="3 sidor"):
        read(tmp_path / "lång.pdf", Limits(max_pages=2))


# ---- DOCX and PDF content ----------------------------------------------------------------------

def test_docx_keeps_paragraphs_and_tables_in_document_order(tmp_path):
    lines = read(write_dalarna_docx(tmp_path / "p.docx")).lines
    found = texts(lines)
    assert found.index("Sammanträdesdatum\tTorsdag 16 maj 2024") < found.index("Beslutande ledamöter") \
        < found.index("Ingrid Holm (C), ordförande\tMora kommun") < found.index("§ 22 Mötets öppnande")
    row = next(ln for ln in lines if ln.text.startswith("Tomas Vik"))
    assert row.parts() == ["Tomas Vik", "Arbetsförmedlingen", "från kl 14.45"]
    assert next(ln for ln in lines if ln.text == "§ 22 Mötets öppnande").heading
    assert next(ln for ln in lines if ln.text == "Styrelsen beslutar").heading  # a wholly bold line
    assert next(ln for ln in lines if ln.text.startswith("att godkänna")).bullet


def test_pdf_columns_become_cells_and_page_furniture_goes(tmp_path):
    lines = read(write_halland_pdf(tmp_path / "p.pdf")).lines
    found = texts(lines)
    assert "Beslutande\tAnna Nord (S), ordförande, Falkenbergs kommun" in found
    assert found.count("Samordningsförbundet Halland Nord\tPROTOKOLL") == 1  # page 2's header dropped
    assert not any("Sida" in t or "Justerandes sign" in t for t in found)
    header = next(ln for ln in lines if ln.text.startswith("Ledamot\tJa"))
    assert header.xs and len(header.xs) == 4


def test_word_list_numbering_is_rendered_into_the_text(tmp_path):
    path = write_numbered_docx(tmp_path / "numrerad.docx")
    assert [t for t in texts(read(path).lines) if t != "Text under punkten."][2:] == [
        "§ 14 Öppnande", "§ 15 Rapporter", "a. Från kansliet", "b. Från beredningen", "§ 16 Avslutning"]
    protocol, _ = extract(path)
    assert [(p.number, p.sub) for p in protocol.paragraphs] == [(14, None), (15, "a"), (15, "b"), (16, None)]


def test_pdf_words_broken_at_line_end_are_joined(tmp_path):
    runs = [(56, 60, "Samordningsförbundet Exempel", True), (56, 74, "Datum: 2024-10-10", False),
            (56, 100, "§ 1 Verksamhetsplan", True), (56, 114, "Styrelsen beslutar att godkänna verksam-", False),
            (56, 128, "hetsplanen för nästa år.", False)]
    (tmp_path / "p.pdf").write_bytes(pdf_bytes([runs]))
    protocol, _ = extract(tmp_path / "p.pdf")
    assert protocol.paragraphs[0].decisions == ["godkänna verksamhetsplanen för nästa år."]
