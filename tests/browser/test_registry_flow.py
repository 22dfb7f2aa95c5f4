"""A secretary registers a case, uploads its statement, puts it on the agenda and reports delegated decisions."""
from datetime import date, timedelta

import pytest
from pages import axe_problems, login, screenshot

from samordna.board.models import Person
from samordna.registry import services, services_followup
from samordna.registry.models import Assignment, Case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_case_document_agenda_and_delegation(page, live_server, lake_live, secretary, tmp_path):
    lake = lake_live
    day = date.today() + timedelta(days=21)
    meeting = lake.meeting(day)
    Person.objects.create(association=lake.association, name="Karin Förbundschef")
    login(page, live_server)
    base = f"{live_server.url}/f/{lake.association.slug}"

    # Register a case; the number is proposed in the default format.
    page.goto(f"{base}/diarium/")
    page.get_by_role("link", name="Registrera ärende").click()
    number = page.get_by_label("Diarienummer").input_value()
    assert number == f"01/{date.today().year % 100:02d}"
    page.get_by_label("Ärendemening").fill("Handlingsplan för digitalisering")
    page.get_by_label("Handläggare").select_option(label="Karin Förbundschef")
    page.get_by_role("button", name="Registrera ärendet").click()
    page.get_by_text(f"Ärendet Dnr {number} är registrerat.").wait_for()

    # A duplicate number is refused and what was typed stays.
    page.goto(f"{base}/diarium/nytt/")
    page.get_by_label("Diarienummer").fill(number)
    page.get_by_label("Ärendemening").fill("Dubblett")
    page.get_by_role("button", name="Registrera ärendet").click()
    page.get_by_role("link", name=f"Diarienummer: Diarienumret {number} finns redan i diariet ({number}). Välj ett annat nummer.").wait_for()
    assert page.get_by_label("Ärendemening").input_value() == "Dubblett"

    # Upload: a disallowed type is refused, then the statement is accepted.
    case = Case.objects.get(number=number)
    page.goto(f"{base}/diarium/{case.pk}/")
    page.get_by_role("link", name="Lägg till handling").click()
    bad = tmp_path / "makro.exe"
    bad.write_bytes(b"MZ")
    page.get_by_label("Fil", exact=True).set_input_files(str(bad))
    page.get_by_role("button", name="Ladda upp handlingen").click()
    page.get_by_text("Filtypen .exe tas inte emot.").first.wait_for()
    good = tmp_path / "tjansteutlatande.txt"
    good.write_text("Kansliet föreslår att styrelsen antar handlingsplanen.", encoding="utf-8")
    page.get_by_label("Fil", exact=True).set_input_files(str(good))
    page.get_by_label("Typ av handling").select_option(label="Tjänsteutlåtande")
    page.get_by_label("Rubrik").fill("Tjänsteutlåtande digitalisering")
    page.get_by_role("button", name="Ladda upp handlingen").click()
    page.get_by_text("Handlingen ”Tjänsteutlåtande digitalisering” är tillagd.").wait_for()
    screenshot(page, "registry-case.png")

    # Put it on the meeting's agenda; its document goes with it.
    page.get_by_role("link", name="Sätt upp på föredragningslista").click()
    page.get_by_label("Sammanträde").select_option(index=1)
    page.get_by_label("Förslag till beslut").fill("att anta handlingsplanen")
    page.get_by_role("button", name="Sätt upp ärendet").click()
    page.get_by_role("cell", name="Handlingsplan för digitalisering", exact=True).wait_for()
    page.get_by_role("heading", name="Handlingar till ärendena").wait_for()
    assert page.get_by_role("link", name="Tjänsteutlåtande digitalisering").is_visible()

    # Delegation order and a delegated decision, reported through the agenda.
    page.goto(f"{base}/diarium/installningar/")
    page.get_by_label("Punkt", exact=True).fill("2.1")
    page.get_by_label("Ärendetyp").fill("Anställning av personal på kansliet")
    page.get_by_label("Delegat").fill("Förbundschef")
    page.get_by_role("button", name="Lägg till punkten").click()
    page.get_by_role("cell", name="Anställning av personal på kansliet").wait_for()
    page.goto(f"{base}/delegationsbeslut/")
    page.get_by_role("link", name="Registrera delegationsbeslut").click()
    page.get_by_label("Punkt i delegationsordningen").select_option(label="2.1 Anställning av personal på kansliet")
    page.get_by_label("Beslutat av").select_option(label="Karin Förbundschef")
    page.get_by_label("Beslut", exact=True).fill("Visstidsanställning av en utvecklingsledare")
    page.get_by_role("button", name="Spara delegationsbeslutet").click()
    page.get_by_text("Ej anmält").wait_for()
    page.goto(f"{base}/moten/{meeting.pk}/dagordning/")
    page.get_by_role("button", name="Lägg till ”Anmälan av delegationsbeslut”").click()
    page.get_by_role("cell", name="Anmälan av delegationsbeslut", exact=True).wait_for()
    assert "Visstidsanställning av en utvecklingsledare" in page.get_by_role("row", name="Anmälan av delegationsbeslut").inner_text()
    screenshot(page, "registry-agenda.png")


def test_registry_pages_have_no_serious_violations(page, live_server, lake_live, secretary):
    lake = lake_live
    meeting = lake.meeting(date.today() + timedelta(days=14))
    case = services.save_case(Case(association=lake.association, number="16/23", title="Samverkansdag", received_on=date(2023, 3, 2)))
    services.add_document(case, filename="utlatande.txt", data="Förslag".encode(), kind="statement")
    chief = Person.objects.create(association=lake.association, name="Karin Förbundschef")
    services_followup.save_assignment(Assignment(association=lake.association, title="Återkoppla i maj", owner=chief,
                                                 due_on=date(2023, 5, 1), report_to=meeting))
    login(page, live_server)
    base = f"/f/{lake.association.slug}"
    paths = [f"{base}/diarium/", f"{base}/diarium/nytt/", f"{base}/diarium/{case.pk}/", f"{base}/diarium/{case.pk}/handlingar/ny/",
             f"{base}/diarium/{case.pk}/dagordning/", f"{base}/diarium/installningar/", f"{base}/uppdrag/", f"{base}/uppdrag/nytt/",
             f"{base}/delegationsbeslut/", f"{base}/anmalningar/", f"{base}/anmalningar/ny/", f"{base}/moten/{meeting.pk}/dagordning/"]
    assert axe_problems(page, [live_server.url + path for path in paths]) == []
