"""Issue 3 item 6: a case has recipients; the secretary sends the certified extract (PDF attached) to them and/or typed
addresses; only adjusted or immediately adjusted paragraphs; every sending is logged and shown on the case."""
from datetime import date, time

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from factories import write_paragraph

from samordna.board import extracts
from samordna.board.models import Meeting
from samordna.registry import services as registry_services
from samordna.registry import services_dispatch
from samordna.registry.models import Case, CaseRecipient, ExtractDispatch

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(lake):
    meeting = lake.meeting()
    lake.afternoon_of_2021_11_25(meeting)
    case = registry_services.save_case(Case(association=lake.association, number="16/23", title="Lokalfrågan", received_on=date(2023, 2, 1)))
    municipality = services_dispatch.add_recipient(case, name="Lerums kommun, kommunstyrelsen", email="ks@lerum.example")
    agency = services_dispatch.add_recipient(case, name="Försäkringskassan, lokalkontoret", email="lokal@fk.example")
    now = write_paragraph(meeting, "Lokalfrågan", time(13, 45), decisions="hyra lokalen", case_number="Dnr 16/23",
                          adjusted_immediately=True)
    later = write_paragraph(meeting, "Budget", time(14, 30), decisions="fastställa budgeten")
    return meeting, case, now, later, municipality, agency


def test_an_immediately_adjusted_paragraph_goes_to_the_cases_recipients(setting, lake):
    meeting, case, now, later, municipality, agency = setting
    dispatch = extracts.send_extract(meeting, [now.number], recipient_ids=[municipality.pk, agency.pk], others="",
                                     sender_name="Sara Sekreterare")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert set(message.to) == {'"Lerums kommun, kommunstyrelsen" <ks@lerum.example>', '"Försäkringskassan, lokalkontoret" <lokal@fk.example>'}
    assert message.subject == "Protokollsutdrag Styrelsen 2021-11-25 § 1121"
    assert "§ 1121 Lokalfrågan (Dnr 16/23)" in message.body and "Paragraferna är omedelbart justerade." in message.body
    (name, content, mimetype) = message.attachments[0]
    assert name == "utdrag-styrelsen-2021-11-25.pdf" and mimetype == "application/pdf" and content.startswith(b"%PDF-")
    assert list(dispatch.paragraphs.all()) == [now] and list(dispatch.cases.all()) == [case]
    assert dispatch.recipients == [{"name": "Lerums kommun, kommunstyrelsen", "email": "ks@lerum.example"},
                                   {"name": "Försäkringskassan, lokalkontoret", "email": "lokal@fk.example"}]
    assert dispatch.sent_by_name == "Sara Sekreterare" and len(dispatch.sha256) == 64


def test_typed_addresses_with_or_without_a_name(setting):
    meeting, case, now, later, municipality, agency = setting
    dispatch = extracts.send_extract(meeting, [now.number], others="Revisorerna <revision@sjolandet.example>\n\nkansli@sjolandet.example\n")
    assert dispatch.recipients == [{"name": "Revisorerna", "email": "revision@sjolandet.example"},
                                   {"name": "", "email": "kansli@sjolandet.example"}]
    assert set(mail.outbox[0].to) == {'"Revisorerna" <revision@sjolandet.example>', "kansli@sjolandet.example"}


@pytest.mark.parametrize("numbers,ids,others,field,reason", [
    ([], "both", "", "paragraphs", "Välj minst en paragraf"),
    (["later"], "both", "", "paragraphs", "§ 1122 är inte justerad"),
    (["now"], [], "", "recipients", "Välj minst en mottagare"),
    (["now"], [], "inte en adress", "others", "Rad 1: ”inte en adress” är ingen e-postadress"),
    (["now"], "foreign", "", "recipients", "som inte behandlas i de valda paragraferna"),
])
def test_bad_input_sends_nothing_and_logs_nothing(setting, lake, numbers, ids, others, field, reason):
    meeting, case, now, later, municipality, agency = setting
    if ids == "both":
        ids = [municipality.pk, agency.pk]
    elif ids == "foreign":
        other = registry_services.save_case(Case(association=lake.association, number="17/23", title="Annat", received_on=date(2023, 3, 1)))
        ids = [services_dispatch.add_recipient(other, name="Partille kommun", email="kommun@partille.example").pk]
    numbers = [{"now": now.number, "later": later.number}[n] for n in numbers]
    with pytest.raises(ValidationError) as error:
        extracts.send_extract(meeting, numbers, recipient_ids=ids, others=others)
    assert any(reason in m for m in error.value.message_dict[field])
    assert mail.outbox == [] and not ExtractDispatch.objects.exists()


def test_after_adjustment_every_paragraph_may_be_sent(setting):
    meeting, case, now, later, municipality, agency = setting
    Meeting.objects.filter(pk=meeting.pk).update(protocol_status="adjusted", adjusted_on=timezone.localdate())
    meeting.refresh_from_db()
    dispatch = extracts.send_extract(meeting, [now.number, later.number], recipient_ids=[municipality.pk])
    assert dispatch.paragraphs.count() == 2 and "Protokollet är justerat." in mail.outbox[0].body


def test_recipients_are_checked(setting):
    meeting, case, *_ = setting
    with pytest.raises(ValidationError) as error:
        services_dispatch.add_recipient(case, name="", email="fel")
    assert error.value.message_dict == {"name": ["Skriv mottagarens namn, t.ex. ”Härryda kommun, kommunstyrelsen”."],
                                        "email": ["”fel” är ingen giltig e-postadress, t.ex. registrator@kommun.se."]}
    with pytest.raises(ValidationError, match="redan mottagare"):
        services_dispatch.add_recipient(case, name="Lerum igen", email="KS@lerum.example")
    assert case.recipients.count() == 2


def test_the_pages_send_and_show_the_log_on_the_case(setting, staff, lake):
    meeting, case, now, later, municipality, agency = setting
    slug = lake.association.slug
    page = staff.get(reverse("extract", args=[slug, meeting.pk]) + f"?p={now.number}&skicka=1").content.decode()
    assert "Lerums kommun, kommunstyrelsen" in page and "Skicka utdraget" in page
    send = reverse("extract_send", args=[slug, meeting.pk])
    response = staff.post(send, {"p": [now.number], "others": "ingen adress"})
    page = response.content.decode()
    assert response.status_code == 400 and "Rad 1" in page and "ingen adress</textarea>" in page and mail.outbox == []
    response = staff.post(send, {"p": [now.number], "recipient": [municipality.pk]}, follow=True)
    assert "Utdraget är skickat till Lerums kommun, kommunstyrelsen &lt;ks@lerum.example&gt;" in response.content.decode()
    assert len(mail.outbox) == 1
    case_page = staff.get(reverse("case_detail", args=[slug, case.pk])).content.decode()
    assert "Skickade utdrag" in case_page and "ks@lerum.example" in case_page and "§ 1121" in case_page


def test_the_case_page_adds_and_removes_recipients(setting, staff, lake):
    meeting, case, now, later, municipality, agency = setting
    slug = lake.association.slug
    url = reverse("case_recipient_add", args=[slug, case.pk])
    response = staff.post(url, {"name": "Alingsås kommun", "email": "inte-en-adress"})
    page = response.content.decode()
    assert response.status_code == 400 and "giltig e-postadress" in page and 'value="Alingsås kommun"' in page
    assert staff.post(url, {"name": "Alingsås kommun", "email": "ks@alingsas.example"}).status_code == 302
    assert case.recipients.filter(email="ks@alingsas.example").exists()
    staff.post(reverse("case_recipient_delete", args=[slug, case.pk, municipality.pk]))
    assert not CaseRecipient.objects.filter(pk=municipality.pk).exists()
