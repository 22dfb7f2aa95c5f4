"""The secretary finds the board's reports from the interventions list, picks last year and downloads the annual
report as PDF; axe finds no serious or critical violations on the reports page."""
from datetime import date
from pathlib import Path

import pytest
from pages import axe_problems, login

from samordna.interventions import services
from samordna.interventions.models import Intervention, Orientation
from samordna.rules.followup import breakdown_field

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def gard_with_a_year(lake_live):
    association = lake_live.association
    services.ensure_defaults(association)
    intervention = services.save_intervention(
        Intervention(association=association, name="Gården", orientation=Orientation.objects.get(
            association=association, name="Förberedande"), start=date(2020, 1, 1), capacity_at_once=12),
        owners=[lake_live.members["Mölndals stad"]], municipalities=[])
    year = date.today().year - 1
    for month in range(1, 13):
        started = 10 if month == 1 else 0
        values = {"participants_end": 10, "started": started, "ended": 0, "queue_end": 0}
        for measure, total in (("participants_end", 10), ("started", started)):
            values[breakdown_field(measure, "gender", "woman")] = total
            values[breakdown_field(measure, "age", "30-39")] = total
            values[breakdown_field(measure, "support", "social_assistance")] = total
        services.import_report(intervention, date(year, month, 1), values, saved_by=None, today=date.today())
    return intervention, year


def test_secretary_downloads_the_annual_report(page, live_server, lake_live, secretary, gard_with_a_year, tmp_path):
    _, year = gard_with_a_year
    slug = lake_live.association.slug
    login(page, live_server)
    page.goto(f"{live_server.url}/f/{slug}/insatser/")
    page.get_by_role("link", name="Rapporter till styrelsen").click()
    page.wait_for_url("**/insatser/rapporter/")
    page.get_by_label("Rapport", exact=True).select_option("ar")
    page.get_by_label("År", exact=True).fill(str(year))
    page.get_by_label("Halvår", exact=True).fill("1")
    page.get_by_role("button", name="Välj perioden").click()
    assert page.get_by_role("heading", name=f"Helåret {year}: hela förbundet").is_visible()
    with page.expect_download() as info:
        page.get_by_role("link", name=f"Ladda ner helåret {year} för förbundet (PDF)").click()
    download = info.value
    assert download.suggested_filename == f"arsrapport-{year}-{slug}-alla-insatser.pdf"
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    assert Path(target).read_bytes().startswith(b"%PDF")
    assert axe_problems(page, [f"{live_server.url}/f/{slug}/insatser/rapporter/?typ=ar&ar={year}&nr=1"]) == []
