"""A secretary imports two old protocols: uploads, watches them being read, corrects one, confirms, reads it."""
import pytest
from pages import axe_problems, login, screenshot

from samordna.board.models import Meeting, ProtocolImport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PROTOCOL = """Samordningsförbundet Sjölandet
Protokoll från styrelsens sammanträde

Datum: 2019-10-03
Tid: 09.00–11.30
Plats: Förbundets kansli

Närvarolista
Namn\tOrganisation\tRoll
Elsa Moberg (S)\tMölndals stad\tOrdförande
Jonas Wall\tFörsäkringskassan\tLedamot
Rita Sund\tArbetsförmedlingen\tLedamot

Protokollförare: Karl Öhman
Justerare: Jonas Wall

§ 980 Mötets öppnande
Ordföranden öppnar mötet.

§ 981 Budget 2020
Dnr 12/19
Styrelsen beslutar
att fastställa budgeten för 2020

§ 982 Mötets avslutande
Mötet avslutas.
"""


def test_upload_progress_correct_and_confirm(page, live_server, lake_live, secretary, tmp_path):
    first = tmp_path / "styrelsen-2019-10-03.txt"
    first.write_text(PROTOCOL, encoding="utf-8")
    second = tmp_path / "styrelsen-2019-11-07.txt"
    second.write_text(PROTOCOL.replace("2019-10-03", "2019-11-07").replace("§ 98", "§ 99"), encoding="utf-8")
    login(page, live_server)
    page.goto(f"{live_server.url}/f/{lake_live.association.slug}/organ/")
    page.get_by_role("link", name="Importera tidigare protokoll").click()
    page.get_by_label("Protokollfiler").set_input_files([str(first), str(second)])
    page.get_by_role("button", name="Ladda upp och läs").click()
    # The script reads the files one by one and reloads when the batch is read.
    page.get_by_text("2 av 2 filer lästa.").wait_for()
    assert ProtocolImport.objects.filter(status="preview").count() == 2
    page.get_by_role("link", name="styrelsen-2019-10-03.txt").click()
    page.get_by_label("Rubrik").nth(2).fill("Avslutning")
    page.get_by_label("Datum").fill("2019-13-03")
    page.get_by_role("button", name="Importera protokollet").click()
    page.get_by_role("heading", name="Protokollet kunde inte sparas").wait_for()
    assert page.get_by_label("Datum").input_value() == "2019-13-03"
    assert page.get_by_label("Rubrik").nth(2).input_value() == "Avslutning"
    assert not Meeting.objects.exists()
    page.get_by_label("Datum").fill("2019-10-03")
    screenshot(page, "import-preview.png")
    page.get_by_role("button", name="Importera protokollet").click()
    page.get_by_text("Protokollet från 2019-10-03 är importerat.").wait_for()
    assert page.get_by_text("§ 982 Avslutning").count() or "Avslutning" in page.content()
    meeting = Meeting.objects.get()
    assert meeting.frozen and list(meeting.paragraphs.values_list("number", flat=True)) == [980, 981, 982]


def test_import_pages_pass_axe(page, live_server, lake_live, secretary):
    from samordna.board import importing

    batch = importing.upload(lake_live.association, [("gammalt.txt", PROTOCOL.encode())])
    imp = importing.parse_import(ProtocolImport.objects.get(batch=batch))
    login(page, live_server)
    base = f"{live_server.url}/f/{lake_live.association.slug}/importera/"
    assert axe_problems(page, [base, f"{base}{batch}/", f"{base}fil/{imp.pk}/"]) == []
