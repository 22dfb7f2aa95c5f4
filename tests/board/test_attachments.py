"""Issue 3 item 7: a paragraph carries attached documents (its case's documents in the register, or files uploaded to
the meeting) and links into the meeting's recording; they appear with the paragraph on the protocol page, the public
page (not confidential ones) and in the PDF/DOCX; a protocol past draft refuses changes."""
import io
from datetime import date, time

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from factories import write_paragraph

from samordna.board import attachments
from samordna.board.models import Meeting
from samordna.board.models_attachments import ParagraphAttachment, Recording
from samordna.board.views_documents import render_document
from samordna.protocols.export import seal_hash
from samordna.registry import services as registry_services
from samordna.registry.models import Case

pytestmark = pytest.mark.django_db


@pytest.fixture
def paragraph(lake):
    meeting = lake.meeting()
    lake.afternoon_of_2021_11_25(meeting)
    return write_paragraph(meeting, "Lokalfrågan", time(13, 45), decisions="hyra lokalen", case_number="Dnr 16/23")


@pytest.fixture
def case(lake):
    return registry_services.save_case(Case(association=lake.association, number="16/23", title="Lokalfrågan",
                                            received_on=date(2023, 2, 1)))


def pdf_text(data):
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


def freeze(meeting):
    Meeting.objects.filter(pk=meeting.pk).update(protocol_status="adjusted", adjusted_on=timezone.localdate(),
                                                 notice_posted=timezone.localdate(), content_hash=seal_hash(meeting))
    meeting.refresh_from_db()


def test_a_case_document_is_attached_once_and_only_from_the_paragraphs_case(paragraph, case, lake):
    statement = registry_services.add_document(case, filename="utlatande.txt", data="Kansliet föreslår.".encode(), kind="statement",
                                               title="Tjänsteutlåtande")
    other = registry_services.save_case(Case(association=lake.association, number="17/23", title="Annat", received_on=date(2023, 2, 2)))
    stranger = registry_services.add_document(other, filename="annat.txt", data="Annat.".encode(), kind="incoming")
    from django.contrib.auth.models import AnonymousUser

    assert [d.pk for d in attachments.case_documents(paragraph, AnonymousUser())] == [statement.pk]
    attachment = attachments.attach_document(paragraph, statement)
    assert attachments.case_documents(paragraph, AnonymousUser()) == []
    assert attachment.label == "Tjänsteutlåtande" and attachment.checksum == statement.sha256
    with pytest.raises(ValidationError, match="redan bilaga"):
        attachments.attach_document(paragraph, statement)
    with pytest.raises(ValidationError, match="hör inte till ärendet"):
        attachments.attach_document(paragraph, stranger)
    assert ParagraphAttachment.objects.count() == 1
    # The register keeps the document while it is part of the protocol.
    with pytest.raises(ValidationError, match="är bilaga till Styrelsen 2021-11-25 § 1121"):
        registry_services.delete_document(statement)


def test_an_upload_passes_the_registers_checks(paragraph):
    with pytest.raises(ValidationError) as error:
        attachments.upload_attachment(paragraph, filename="program.exe", data=b"MZ\x90")
    assert "Filtypen .exe tas inte emot" in error.value.message_dict["file"][0]
    with pytest.raises(ValidationError) as error:
        attachments.upload_attachment(paragraph, filename="falsk.pdf", data=b"inte en pdf")
    assert "inte en giltig PDF" in error.value.message_dict["file"][0]
    with pytest.raises(ValidationError) as error:
        attachments.upload_attachment(paragraph, filename="stor.txt", data=b"x" * 2000, max_size=1000)
    assert "Största tillåtna storlek" in error.value.message_dict["file"][0]
    assert not ParagraphAttachment.objects.exists()
    saved = attachments.upload_attachment(paragraph, filename="C:\\temp\\hyresavtal.txt", data="Avtal om lokal.".encode(), confidential=True)
    assert (saved.title, saved.filename, saved.is_confidential, saved.size) == ("hyresavtal", "hyresavtal.txt", True, 15)


def test_recording_links_with_a_start_time(paragraph):
    recording = attachments.add_recording(paragraph, url="https://play.example.se/styrelsen-2021-11-25", start="00:42:10")
    assert (recording.start, recording.text) == (2530, "https://play.example.se/styrelsen-2021-11-25 (från 00:42:10)")
    assert attachments.add_recording(paragraph, url="https://play.example.se/a", start="1:02:03").start == 3723
    for url, start, field, reason in (("ftp://play.example.se/x", "", "url", "börjar med https://"),
                                      ("play.example.se", "", "url", "börjar med https://"), ("", "", "url", "Fyll i"),
                                      ("https://play.example.se/x", "42 minuter", "start", "tt:mm:ss"),
                                      ("https://play.example.se/x", "00:61:00", "start", "tt:mm:ss")):
        with pytest.raises(ValidationError) as error:
            attachments.add_recording(paragraph, url=url, start=start)
        assert reason in error.value.message_dict[field][0]
    assert Recording.objects.count() == 2


def test_a_protocol_past_draft_refuses_every_change(paragraph, case):
    document = registry_services.add_document(case, filename="bilaga.txt", data="Bilaga.".encode(), kind="attachment")
    attached = attachments.upload_attachment(paragraph, filename="karta.txt", data="Karta.".encode())
    recording = attachments.add_recording(paragraph, url="https://play.example.se/x")
    for status, reason in (("ready", "väntar på justering"), ("adjusted", "är justerat")):
        Meeting.objects.filter(pk=paragraph.meeting_id).update(protocol_status=status)
        for attempt in (lambda: attachments.attach_document(paragraph, document),
                        lambda: attachments.upload_attachment(paragraph, filename="ny.txt", data=b"Ny."),
                        lambda: attachments.remove_attachment(attached),
                        lambda: attachments.add_recording(paragraph, url="https://play.example.se/y"),
                        lambda: attachments.remove_recording(recording)):
            with pytest.raises(ValidationError, match=reason):
                attempt()
    assert ParagraphAttachment.objects.count() == 1 and Recording.objects.count() == 1


def test_the_documents_list_attachments_and_recording_and_the_public_copy_hides_confidential(paragraph, case):
    statement = registry_services.add_document(case, filename="utlatande.txt", data="Kansliet föreslår.".encode(), kind="statement",
                                               title="Tjänsteutlåtande om lokalen")
    attachments.attach_document(paragraph, statement)
    attachments.upload_attachment(paragraph, filename="hyresvard.txt", data="Uppgifter.".encode(), title="Hyresvärdens kalkyl",
                                  confidential=True)
    attachments.add_recording(paragraph, url="https://play.example.se/styrelsen", start="00:42:10")
    meeting = paragraph.meeting
    text = pdf_text(render_document(meeting, "pdf")[0])
    assert "Bilagor: Tjänsteutlåtande om lokalen; Hyresvärdens kalkyl (sekretess)" in text
    assert "Inspelning: https://play.example.se/styrelsen (från 00:42:10)" in text
    public = pdf_text(render_document(meeting, "pdf", public=True)[0])
    assert "Tjänsteutlåtande om lokalen" in public and "Hyresvärdens kalkyl" not in public
    from docx import Document

    words = "\n".join(p.text for p in Document(io.BytesIO(render_document(meeting, "docx")[0])).paragraphs)
    assert "Bilagor: Tjänsteutlåtande om lokalen; Hyresvärdens kalkyl (sekretess)" in words
    assert "Inspelning: https://play.example.se/styrelsen (från 00:42:10)" in words


def test_pages_show_them_with_the_paragraph_and_the_public_gets_only_the_open_ones(paragraph, case, staff, client, lake):
    open_one = attachments.upload_attachment(paragraph, filename="karta.txt", data="Karta över lokalen.".encode(), title="Karta")
    secret = attachments.upload_attachment(paragraph, filename="kalkyl.txt", data="Hemlig kalkyl.".encode(), title="Kalkyl",
                                           confidential=True)
    attachments.add_recording(paragraph, url="https://play.example.se/styrelsen", start="00:42:10")
    meeting, slug = paragraph.meeting, lake.association.slug
    page = staff.get(reverse("protocol_read", args=[slug, meeting.pk])).content.decode()
    assert "Karta" in page and "Kalkyl" in page and "från 00:42:10" in page
    download = staff.get(reverse("paragraph_attachment_download", args=[slug, meeting.pk, paragraph.pk, secret.pk]))
    assert download.status_code == 200 and download.content == "Hemlig kalkyl.".encode()
    freeze(meeting)
    page = client.get(reverse("notice_protocol", args=[slug, meeting.pk])).content.decode()
    assert "Karta" in page and "Kalkyl" not in page and "https://play.example.se/styrelsen" in page
    assert client.get(reverse("notice_attachment", args=[slug, meeting.pk, open_one.pk])).content == "Karta över lokalen.".encode()
    assert client.get(reverse("notice_attachment", args=[slug, meeting.pk, secret.pk])).status_code == 404


def test_the_attachment_page_adds_and_refuses_with_swedish_messages(paragraph, case, staff, lake):
    from django.core.files.uploadedfile import SimpleUploadedFile

    meeting, slug = paragraph.meeting, lake.association.slug
    url = reverse("paragraph_attachments", args=[slug, meeting.pk, paragraph.pk])
    document = registry_services.add_document(case, filename="utlatande.txt", data="Förslag.".encode(), kind="statement",
                                              title="Tjänsteutlåtande")
    assert "Tjänsteutlåtande (tjänsteutlåtande)" in staff.get(url).content.decode()
    response = staff.post(url, {"action": "document", "link-document": document.pk})
    assert response.status_code == 302 and paragraph.attachments.get().document == document
    response = staff.post(url, {"action": "upload", "upload-title": "Programmet",
                                "upload-file": SimpleUploadedFile("program.exe", b"MZ")})
    page = response.content.decode()
    assert response.status_code == 400 and "Filtypen .exe tas inte emot" in page and 'value="Programmet"' in page
    response = staff.post(url, {"action": "recording", "recording-url": "https://play.example.se/x", "recording-start": "en timme"})
    page = response.content.decode()
    assert response.status_code == 400 and "tt:mm:ss" in page and 'value="en timme"' in page
    assert paragraph.attachments.count() == 1 and not paragraph.recordings.exists()
    response = staff.post(url, {"action": "recording", "recording-url": "https://play.example.se/x", "recording-start": "00:05:00"})
    assert response.status_code == 302 and paragraph.recordings.get().start == 300
