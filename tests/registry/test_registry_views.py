"""The register's pages: they render, keep what was typed on errors, hide other tenants and confidential documents."""
from datetime import date, time

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from registry_files import pdf

from samordna.accounts.models import AssociationRole
from samordna.associations import services as association_services
from samordna.board import services as board_services
from samordna.board.models import Person
from samordna.registry import services, services_followup
from samordna.registry.models import Assignment, Case, DelegatedDecision, DelegationPoint, Document, Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(lake):
    return services.save_case(Case(association=lake.association, number="16/23", title="Samverkansdag", received_on=date(2023, 2, 1)))


@pytest.fixture
def documents(case):
    open_doc = services.add_document(case, filename="utlatande.pdf", data=pdf("Tjansteutlatande om samverkansdag"), kind="statement")
    secret = services.add_document(case, filename="personarende.txt", data="Uppgifter om enskild".encode(), kind="incoming",
                                   title="Skrivelse om enskild", confidential=True)
    return open_doc, secret


def login_as(client, lake, role, username=None):
    user = User.objects.create_user(username or role, password="lösen-123456")
    AssociationRole.objects.create(user=user, association=lake.association, role=role)
    client.force_login(user)
    return client


def test_every_page_renders_for_staff(staff, lake, case, documents):
    slug = lake.association.slug
    point = services_followup.save_delegation_point(DelegationPoint(association=lake.association, code="1", title="Inköp", delegate="Förbundschef"))
    chief = Person.objects.create(association=lake.association, name="Chef")
    decided = services_followup.save_delegated_decision(DelegatedDecision(association=lake.association, point=point, decided_by=chief,
                                                                          decided_on=date(2023, 1, 5), subject="Köpa datorer"))
    assignment = services_followup.save_assignment(Assignment(association=lake.association, title="Utreda", owner=chief, due_on=date(2023, 5, 1)))
    notification = services_followup.save_notification(Notification(association=lake.association, received_on=date(2023, 1, 2), sender="AB", subject="Anmälan"))
    urls = [reverse("cases", args=[slug]), reverse("case_create", args=[slug]), reverse("case_detail", args=[slug, case.pk]),
            reverse("case_edit", args=[slug, case.pk]), reverse("case_agenda", args=[slug, case.pk]),
            reverse("document_upload", args=[slug, case.pk]), reverse("registry_settings", args=[slug]),
            reverse("assignments", args=[slug]), reverse("assignment_create", args=[slug]), reverse("assignment_edit", args=[slug, assignment.pk]),
            reverse("delegated_decisions", args=[slug]) + "?visa=ej-anmalda", reverse("delegated_create", args=[slug]),
            reverse("delegated_edit", args=[slug, decided.pk]), reverse("notifications", args=[slug]),
            reverse("notification_create", args=[slug]), reverse("notification_edit", args=[slug, notification.pk])]
    for url in urls:
        response = staff.get(url)
        assert response.status_code == 200, url
        assert 'aria-current="page">Diarium</a>' in response.content.decode(), url


def test_list_filters_and_overdue_notice(staff, lake, case):
    services.save_case(Case(association=lake.association, number="02/22", title="Årsredovisning", received_on=date(2022, 2, 1)))
    chief = Person.objects.create(association=lake.association, name="Chef")
    services_followup.save_assignment(Assignment(association=lake.association, title="Sent", owner=chief, due_on=date(2020, 1, 1)))
    page = staff.get(reverse("cases", args=[lake.association.slug]), {"ar": "2022"}).content.decode()
    assert "Årsredovisning" in page and "Samverkansdag" not in page
    assert "1 uppdrag har passerat sitt slutdatum." in page
    page = staff.get(reverse("cases", args=[lake.association.slug]), {"q": "samverk"}).content.decode()
    assert "Samverkansdag" in page and "Årsredovisning" not in page


def test_register_a_case_and_a_duplicate_keeps_what_was_typed(staff, lake, case):
    url = reverse("case_create", args=[lake.association.slug])
    suggested = services.suggest_number(lake.association, date.today().year)
    assert f'value="{suggested}"' in staff.get(url).content.decode()
    response = staff.post(url, {"number": "16/23", "title": "Dubblett", "received_on": "2023-03-01", "status": "open"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Diarienumret 16/23 finns redan i diariet (16/23). Välj ett annat nummer." in page and 'value="Dubblett"' in page
    assert Case.objects.count() == 1
    response = staff.post(url, {"number": "17/23", "title": "Ny ansökan", "received_on": "2023-03-01", "status": "open"})
    created = Case.objects.get(number="17/23")
    assert response.status_code == 302 and response["Location"] == reverse("case_detail", args=[lake.association.slug, created.pk])


def test_upload_and_refusals(staff, lake, case):
    url = reverse("document_upload", args=[lake.association.slug, case.pk])
    response = staff.post(url, {"kind": "attachment", "file": SimpleUploadedFile("program.exe", b"MZ")})
    assert "Filtypen .exe tas inte emot." in response.content.decode()
    response = staff.post(url, {"kind": "attachment", "title": "Bilaga"})
    assert response.status_code == 200 and "Detta fält måste fyllas i." in response.content.decode()
    assert not Document.objects.exists()
    response = staff.post(url, {"kind": "statement", "title": "Utlåtande", "file": SimpleUploadedFile("u.pdf", pdf("Forslag"))})
    assert response.status_code == 302
    assert Document.objects.get().text == "Forslag"


def test_confidential_documents_only_for_admin_secretary_auditor(client, lake, case, documents):
    open_doc, secret = documents
    slug = lake.association.slug
    detail = reverse("case_detail", args=[slug, case.pk])
    secret_url = reverse("document_download", args=[slug, case.pk, secret.pk])
    login_as(client, lake, "board_member")
    page = client.get(detail).content.decode()
    assert "utlatande" in page and "Skrivelse om enskild" not in page
    assert client.get(secret_url).status_code == 404
    download = client.get(reverse("document_download", args=[slug, case.pk, open_doc.pk]))
    assert download.status_code == 200 and download.content.startswith(b"%PDF") and download["Content-Type"] == "application/pdf"
    login_as(client, lake, "auditor")
    assert "Skrivelse om enskild" in client.get(detail).content.decode()
    response = client.get(secret_url)
    assert response.status_code == 200 and response.content == "Uppgifter om enskild".encode()
    assert "attachment" not in response["Content-Disposition"] and "personarende.txt" in response["Content-Disposition"]


def test_other_association_is_404_and_readers_get_403(client, lake, case, documents):
    other = association_services.create_association(slug="annat", name="Annat förbund")
    user = User.objects.create_user("annan")
    AssociationRole.objects.create(user=user, association=other, role="secretary")
    client.force_login(user)
    slug = lake.association.slug
    for url in [reverse("cases", args=[slug]), reverse("case_detail", args=[slug, case.pk]),
                reverse("document_download", args=[slug, case.pk, documents[0].pk]), reverse("assignments", args=[slug])]:
        assert client.get(url).status_code == 404, url
    # The same case id under the user's own association is not found either.
    assert client.get(reverse("case_detail", args=["annat", case.pk])).status_code == 404
    login_as(client, lake, "board_member", "ledamot")
    assert client.get(reverse("case_create", args=[slug])).status_code == 403
    assert client.post(reverse("case_detail", args=[slug, case.pk]), {"status": "closed"}).status_code == 403
    assert client.post(reverse("document_delete", args=[slug, case.pk, documents[0].pk])).status_code == 403
    assert client.post(reverse("registry_settings", args=[slug]), {"save": "format", "format-case_number_format": "{nr}"}).status_code == 403
    case.refresh_from_db()
    assert case.status == "open" and Document.objects.count() == 2


def test_status_and_case_to_agenda(staff, lake, case):
    slug = lake.association.slug
    meeting = lake.meeting(date(2099, 5, 20))
    response = staff.post(reverse("case_agenda", args=[slug, case.pk]), {"meeting": meeting.pk, "kind": "decision", "title": "Samverkansdag 2099", "proposal": ""})
    assert response.status_code == 302 and response["Location"] == reverse("agenda", args=[slug, meeting.pk])
    assert meeting.agenda_items.get().case_number == "16/23"
    case.refresh_from_db()
    assert case.status == "on_agenda"
    staff.post(reverse("case_detail", args=[slug, case.pk]), {"status": "closed"})
    case.refresh_from_db()
    assert case.status == "closed"
    response = staff.post(reverse("case_agenda", args=[slug, case.pk]), {"meeting": "", "kind": "decision", "title": "x"})
    assert "Välj sammanträde" in response.content.decode() or "Detta fält måste fyllas i." in response.content.decode()


def test_settings_format_and_points(staff, lake):
    url = reverse("registry_settings", args=[lake.association.slug])
    response = staff.post(url, {"save": "format", "format-case_number_format": "{år}"})
    assert "Okänd platshållare {år}" in response.content.decode()
    staff.post(url, {"save": "format", "format-case_number_format": "SOF {yyyy}/{nr}"})
    assert "SOF " in services.suggest_number(lake.association, 2023)
    staff.post(url, {"save": "point", "point-code": "3.1", "point-title": "Attest", "point-delegate": "Förbundschef", "point-active": "on"})
    response = staff.post(url, {"save": "point", "point-code": "3.1", "point-title": "Igen", "point-delegate": "AU"})
    assert "Punkt 3.1 finns redan i delegationsordningen." in response.content.decode()
    point = DelegationPoint.objects.get()
    staff.post(url, {"toggle": point.pk})
    point.refresh_from_db()
    assert not point.active


def test_agenda_page_shows_and_performs_registry_suggestions(staff, lake, case):
    slug = lake.association.slug
    meeting = lake.meeting(date(2023, 3, 24))
    lake.afternoon_of_2021_11_25(meeting)
    services.add_document(case, filename="u.pdf", data=pdf("Utlatande"), kind="statement")
    point = services_followup.save_delegation_point(DelegationPoint(association=lake.association, code="1", title="Inköp", delegate="Förbundschef"))
    chief = Person.objects.create(association=lake.association, name="Chef")
    services_followup.save_delegated_decision(DelegatedDecision(association=lake.association, point=point, decided_by=chief,
                                                                decided_on=date(2023, 1, 5), subject="Köpa datorer"))
    assignment = services_followup.save_assignment(Assignment(association=lake.association, title="Återkoppla i maj", owner=chief,
                                                              due_on=date(2023, 3, 24), report_to=meeting))
    services_followup.save_notification(Notification(association=lake.association, received_on=date(2023, 3, 1), sender="AB",
                                                     subject="Ny underleverantör"))
    agenda = reverse("agenda", args=[slug, meeting.pk])
    page = staff.get(agenda).content.decode()
    assert "Återrapporteringar till detta sammanträde" in page and "Delegationsbeslut att anmäla" in page
    assert "Ärenden med tjänsteutlåtande" in page
    action = lambda name, **data: staff.post(reverse("agenda_registry_action", args=[slug, meeting.pk, name]), data)  # noqa: E731
    assert action("aterrapportering", id=assignment.pk).status_code == 302
    action("delegationsbeslut")
    action("arende", id=case.pk)
    assert "Lex Heller – anmälningar att ta upp" in staff.get(agenda).content.decode()
    action("anmalningar", category="Lex Heller")
    titles = list(meeting.agenda_items.values_list("title", flat=True))
    assert titles == ["Återrapportering: Återkoppla i maj", "Anmälan av delegationsbeslut", "Samverkansdag", "Lex Heller – anmälningar"]
    page = staff.get(agenda).content.decode()
    assert "Handlingar till ärendena" in page and "Delegationsbeslut att anmäla" not in page
    response = action("okand")
    assert response.status_code == 302
    assert "Okänd åtgärd." in staff.get(agenda).content.decode()
    assert action("arende", id=999999).status_code == 404


def test_assignment_form_from_a_decision(staff, lake):
    slug = lake.association.slug
    meeting = lake.meeting(date(2023, 3, 24))
    lake.afternoon_of_2021_11_25(meeting)
    paragraph = board_services.save_paragraph(meeting, title="Juridik", kind="decision", text="", start=time(14, 30), tabled=False,
                                              decisions_text="ge kansliet i uppdrag att upphandla en jurist")
    decision = paragraph.decisions.get()
    url = reverse("assignment_create", args=[slug])
    assert "Ge kansliet i uppdrag att upphandla en jurist" in staff.get(url, {"beslut": decision.pk}).content.decode()
    response = staff.post(url, {"title": "Upphandla jurist", "decision": decision.pk, "due_on": "2023-06-30", "status": "open"})
    assert "Ange vem som är ansvarig" in response.content.decode() and not Assignment.objects.exists()
    person = lake.people["Ledamot Mölndals"]
    response = staff.post(url, {"title": "Upphandla jurist", "decision": decision.pk, "owner": person.pk, "due_on": "2023-06-30", "status": "open"})
    assert response.status_code == 302
    assert Assignment.objects.get().paragraph == paragraph
    page = staff.get(reverse("assignments", args=[slug]), {"ansvarig": f"person-{person.pk}"}).content.decode()
    assert "Upphandla jurist" in page and "§ 1121" in page
