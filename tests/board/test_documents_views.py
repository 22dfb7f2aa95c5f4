"""Downloads of the protocol and of certified extracts, for staff and from the public notice board."""
from datetime import time

import pytest
from django.urls import reverse
from pypdf import PdfReader
from io import BytesIO

from samordna.board import services
from samordna.protocols.export import content_hash, meeting_protocol

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(lake):
    meeting = lake.meeting()
    lake.afternoon_of_2021_11_25(meeting)
    services.save_paragraph(meeting, title="Årsredovisning 2020", kind="decision", text="Revisorerna har granskat.",
                            start=time(13, 45), tabled=False, adjusted_immediately=True, decisions_text="godkänna årsredovisningen")
    services.save_paragraph(meeting, title="Budget 2022", kind="decision", text="", start=time(14, 30), tabled=False,
                            decisions_text="fastställa budgeten")
    return meeting


def pdf_text(content):
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)


def test_draft_protocol_downloads_as_pdf_and_word(staff, lake, meeting):
    pdf = staff.get(reverse("protocol_document", args=[lake.association.slug, meeting.pk, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    assert "Årsredovisning 2020" in text and "Budget 2022" in text and "UTKAST" in text.upper()
    docx = staff.get(reverse("protocol_document", args=[lake.association.slug, meeting.pk, "docx"]))
    assert docx.content[:2] == b"PK"
    assert staff.get(reverse("protocol_document", args=[lake.association.slug, meeting.pk, "odt"])).status_code == 404


def test_extract_before_adjustment_only_of_immediately_adjusted(staff, lake, meeting):
    url = reverse("extract", args=[lake.association.slug, meeting.pk])
    page = staff.get(url).content.decode()
    assert "Årsredovisning 2020" in page and "Budget 2022" not in page
    refused = staff.get(url, {"p": ["1122"], "format": "pdf"})
    assert refused.status_code == 200 and "Välj minst en paragraf" in refused.content.decode()
    extract = staff.get(url, {"p": ["1121"], "format": "pdf"})
    text = pdf_text(extract.content)
    assert "Protokollsutdrag" in text and "Årsredovisning 2020" in text and "Budget 2022" not in text
    assert "Utdragsbestyrkande" in text


def test_public_pdf_only_for_adjusted_protocols_and_carries_the_seal(client, lake, meeting):
    url = reverse("notice_protocol_pdf", args=[lake.association.slug, meeting.pk])
    assert client.get(url).status_code == 404
    meeting.protocol_status, meeting.adjusted_on, meeting.notice_posted = "adjusted", meeting.date, meeting.date
    meeting.content_hash = content_hash(meeting_protocol(meeting))
    meeting.save()
    text = pdf_text(client.get(url).content)
    assert meeting.content_hash[:16] in text.replace("\n", "").replace(" ", "")
