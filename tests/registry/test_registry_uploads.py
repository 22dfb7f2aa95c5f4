"""Which files the register takes, and the text it reads out of them."""
import pytest
from registry_files import docx, odt, pdf, xlsx

from samordna.registry import uploads


def test_pdf_text_is_extracted():
    upload = uploads.read("Tjänsteutlåtande.pdf", pdf("Förslag till budget för samordningsförbundet"))
    assert upload.extension == "pdf" and upload.content_type == "application/pdf"
    assert "samordningsförbundet" in upload.text


def test_docx_text_and_tables_are_extracted():
    upload = uploads.read("bilaga.docx", docx("Handlingsplan för digitalisering", table=[["Risk", "Åtgärd"], ["Sen rapport", "Påminnelse"]]))
    assert "Handlingsplan för digitalisering" in upload.text
    assert "Sen rapport | Påminnelse" in upload.text


def test_xlsx_odt_and_txt():
    assert "Cresco+ 18000" in uploads.read("budget.xlsx", xlsx([["Cresco+", 18000]])).text
    assert "Inbjudan till regional mötesplats" in uploads.read("inbjudan.odt", odt("Inbjudan till regional mötesplats")).text
    assert uploads.read("anteckning.txt", "Återkoppling i maj".encode()).text == "Återkoppling i maj"
    assert uploads.read("gammal.txt", "Återkoppling".encode("cp1252")).text == "Återkoppling"


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("program.exe", b"MZ...", "Filtypen .exe tas inte emot. Tillåtna typer är .pdf, .docx, .xlsx, .odt, .txt."),
        ("utan_andelse", b"text", "Filtypen utan filändelse tas inte emot."),
        ("tom.pdf", b"", "Filen tom.pdf är tom."),
        ("falsk.pdf", b"inte en pdf", "Filen falsk.pdf är inte en giltig PDF trots filändelsen .pdf."),
        ("trasig.pdf", b"%PDF-1.4 trasig", "Filen trasig.pdf gick inte att läsa som PDF."),
        ("trasig.docx", b"PK\x03\x04 trasig", "Filen trasig.docx gick inte att läsa som Word-dokument."),
        ("binar.txt", b"a\x00b", "Filen binar.txt gick inte att läsa som textfil."),
    ],
)
def test_refused_files_are_explained_in_swedish(name, data, message):
    with pytest.raises(ValueError) as refused:
        uploads.read(name, data)
    assert message in str(refused.value)


def test_size_limit():
    with pytest.raises(ValueError, match=r"Filen stor.txt är 0,0 MB. Största tillåtna storlek är 0,0 MB."):
        uploads.read("stor.txt", b"x" * 200, max_size=100)
    with pytest.raises(ValueError, match=r"är 21,0 MB\. Största tillåtna storlek är 20,0 MB"):
        uploads.read("stor.txt", b"x" * (21 * 1024 * 1024))


def test_filenames_lose_paths_and_quotes():
    assert uploads.clean_filename('C:\\Users\\x\\"bilaga".pdf') == "bilaga.pdf"
    assert uploads.clean_filename("") == "handling"
