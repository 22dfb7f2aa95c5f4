"""Uploads (issue 9 item 6): every upload form checks size and content, says what is wrong in Swedish and saves
nothing; files live in the database, never under a path the web server hands out."""
import io
import zipfile
from datetime import date

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import reverse

from samordna.board.models import ProtocolImport
from samordna.economy import services as economy_services
from samordna.economy.models import Actual, Budget, BudgetLine
from samordna.registry import services as registry_services
from samordna.registry.models import Case, Document

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def _zip_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("x.bin", bytes(range(256)) * 8)
    return buffer.getvalue()


def test_uploaded_files_are_stored_in_the_database_not_on_disk():
    ours = [m for m in apps.get_models() if m.__module__.startswith("samordna.")]
    file_fields = [f"{m.__name__}.{f.name}" for m in ours for f in m._meta.get_fields() if isinstance(f, models.FileField)]
    assert not file_fields
    assert isinstance(Document._meta.get_field("content"), models.BinaryField)
    assert isinstance(ProtocolImport._meta.get_field("source"), models.BinaryField)
    assert not django_settings.MEDIA_ROOT  # nothing is written to a folder a web server could hand out


# Registry documents -----------------------------------------------------------------------------------------------

@pytest.fixture
def case(lake):
    return registry_services.save_case(Case(association=lake.association, number="3/24", title="Hyresavtalet",
                                            received_on=date(2024, 1, 10)))


def _upload_document(client, case, name, data):
    url = reverse("document_upload", kwargs={"slug": case.association.slug, "case_id": case.pk})
    return client.post(url, {"file": SimpleUploadedFile(name, data), "kind": "incoming", "title": ""})


def test_registry_refuses_an_oversized_file(staff, case, monkeypatch):
    from samordna.registry import uploads

    monkeypatch.setattr(uploads, "MAX_SIZE", 1024)
    response = _upload_document(staff, case, "avtal.txt", "Hyresavtal. ".encode() * 200)
    page = response.content.decode()
    assert response.status_code == 200 and "Största tillåtna storlek" in page and "avtal.txt" in page
    assert not Document.objects.exists()


@pytest.mark.parametrize("name,data,message", [
    ("avtal.pdf", PNG, "är inte en giltig PDF"),
    ("avtal.docx", b"Bara text, inget Word-dokument", "är inte en giltig Word-dokument"),
    ("bild.png", PNG, "Filtypen .png tas inte emot"),
    ("program.exe", b"MZ\x90\x00", "Filtypen .exe tas inte emot"),
])
def test_registry_refuses_files_whose_content_does_not_match(staff, case, name, data, message):
    response = _upload_document(staff, case, name, data)
    assert response.status_code == 200 and message in response.content.decode()
    assert not Document.objects.exists()


def test_registry_download_is_served_with_its_sniffed_type_as_an_attachment(staff, case):
    assert _upload_document(staff, case, "avtal.txt", "Hyresavtal för kansliet.".encode()).status_code == 302
    document = Document.objects.get()
    response = staff.get(reverse("document_download", kwargs={"slug": case.association.slug, "case_id": case.pk,
                                                              "document_id": document.pk}))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    assert response["X-Content-Type-Options"] == "nosniff"


# Protocol import ----------------------------------------------------------------------------------------------------

def _import(client, lake, *files):
    url = reverse("protocol_imports", kwargs={"slug": lake.association.slug})
    return client.post(url, {"files": [SimpleUploadedFile(name, data) for name, data in files]})


def test_protocol_import_refuses_an_oversized_file(staff, lake, settings):
    settings.PROTOCOL_IMPORT_MAX_BYTES = 2**20
    response = _import(staff, lake, ("styrelsen.txt", "§ 1 Mötets öppnande\n".encode() * 80_000))
    assert response.status_code == 400
    assert "styrelsen.txt: filen är 1,8 MB; högst 1,0 MB tillåts." in response.content.decode()
    assert not ProtocolImport.objects.exists()


@pytest.mark.parametrize("name,data,message", [
    ("protokoll.pdf", PNG, "protokoll.pdf: filen är inte en PDF trots filändelsen .pdf."),
    ("protokoll.docx", "§ 1 text".encode(), "protokoll.docx: filen är inte ett Word-dokument (.docx)"),
    ("protokoll.txt", PNG.replace(b"\x89", b"\x00"), "protokoll.txt: filen är inte en textfil"),
])
def test_protocol_import_refuses_a_renamed_file_and_saves_none_of_the_batch(staff, lake, name, data, message):
    good = ("riktig.txt", "Protokoll\n§ 1 Mötets öppnande\n".encode())
    response = _import(staff, lake, good, (name, data))
    assert response.status_code == 400 and message in response.content.decode()
    assert not ProtocolImport.objects.exists()


def test_protocol_import_accepts_utf16_text_and_real_office_files(staff, lake):
    response = _import(staff, lake, ("utf16.txt", "Protokoll\n§ 1 Öppnande\n".encode("utf-16")))
    assert response.status_code == 302 and ProtocolImport.objects.count() == 1


# Economy: population CSV and bookkeeping CSV/SIE --------------------------------------------------------------------

def test_population_csv_oversized_or_binary_is_refused(staff, lake, monkeypatch):
    from samordna.economy import forms

    url = reverse("economy_population", kwargs={"slug": lake.association.slug})
    monkeypatch.setattr(forms, "MAX_UPLOAD", 64)
    big = SimpleUploadedFile("folkmangd.csv", ("kod;kommun;datum;folkmängd\n" + "1441;Lerum;2023-12-31;43500\n" * 10).encode())
    response = staff.post(url, {"save": "csv", "csv-file": big})
    assert response.status_code in (200, 400) and "Filen är för stor" in response.content.decode()
    monkeypatch.setattr(forms, "MAX_UPLOAD", 5 * 1024 * 1024)
    for name, data in (("folkmangd.csv", PNG), ("folkmangd.csv", _zip_bytes())):
        response = staff.post(url, {"save": "csv", "csv-file": SimpleUploadedFile(name, data)})
        page = response.content.decode()
        assert response.status_code in (200, 400) and "Filen är ingen textfil" in page, name
    assert not any(m.population_figures.exists() for m in lake.members.values())


@pytest.fixture
def budget(lake):
    budget = economy_services.save_budget(Budget(association=lake.association, year=2024, opening_equity=0))
    economy_services.save_line(BudgetLine(association=lake.association, budget=budget, section=BudgetLine.Section.INDIVIDUAL,
                                          label="Insatser", amount=1000, accounts="4000-4999", position=0))
    return budget


def test_bookkeeping_upload_oversized_or_binary_is_refused(staff, lake, budget, monkeypatch):
    from samordna.economy import forms

    url = reverse("economy_outcome", kwargs={"slug": lake.association.slug, "year": 2024})
    monkeypatch.setattr(forms, "MAX_UPLOAD", 32)
    big = SimpleUploadedFile("bok.csv", ("datum;konto;belopp\n" + "2024-02-10;4010;2500\n" * 10).encode())
    response = staff.post(url, {"file": big})
    assert "Filen är för stor" in response.content.decode()
    monkeypatch.setattr(forms, "MAX_UPLOAD", 5 * 1024 * 1024)
    for name, data in (("bok.csv", PNG), ("bok.se", _zip_bytes()), ("bok.xlsx", _zip_bytes())):
        response = staff.post(url, {"file": SimpleUploadedFile(name, data)})
        assert response.status_code in (200, 400), name
        assert "error-summary" in response.content.decode(), name
    assert not Actual.objects.exists()
