"""The economy's pages through the Django client: rendering, tenancy, roles, kept input, XLSX cell by cell."""
import io
from datetime import date
from decimal import Decimal as D

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from economy_setup import planned_years
from openpyxl import load_workbook

from samordna.accounts.models import AssociationRole
from samordna.associations.services import create_association
from samordna.economy.models import Actual, BudgetLine, FinancingPlan, Withdrawal

pytestmark = pytest.mark.django_db
SLUG = "sjolandet"


@pytest.fixture
def money(lake):
    return planned_years(lake)


def pages(money):
    line = BudgetLine.objects.first()
    names = [("economy", {}), ("economy_plan", {"year": 2024}), ("economy_plan", {"year": 2030}),
             ("economy_population", {}), ("economy_budget", {"year": 2024}), ("economy_budget", {"year": 2031}),
             ("economy_budget_line", {"year": 2024, "line_id": line.pk}), ("economy_outcome", {"year": 2024}),
             ("economy_fees", {}), ("economy_withdrawals", {}), ("economy_settings", {})]
    return [reverse(name, kwargs={"slug": SLUG, **kwargs}) for name, kwargs in names]


def test_every_page_renders_with_the_menu_marked(staff, money):
    for url in pages(money):
        response = staff.get(url)
        assert response.status_code == 200, url
        assert b'aria-current="page">Ekonomi</a>' in response.content, url
    assert staff.get(reverse("economy", kwargs={"slug": SLUG}) + "?ar=abc").status_code == 200


def test_main_page_shows_the_three_year_plan(staff, money):
    html = staff.get(reverse("economy", kwargs={"slug": SLUG}) + "?ar=2024").content.decode()
    assert "Finansieringsplan 2024–2025" in html
    assert "4\u00a0505,5" in html and "5\u00a0000" in html and "18\u00a0022,0" in html
    assert "betalas av Försäkringskassan" in html


def test_other_association_is_404(staff, money):
    create_association(slug="annat", name="Annat förbund")
    assert staff.get(reverse("economy", kwargs={"slug": "annat"})).status_code == 404
    assert staff.get(reverse("economy_budget_line", kwargs={"slug": SLUG, "year": 2023,
                                                             "line_id": BudgetLine.objects.first().pk})).status_code == 404


def test_board_member_reads_but_cannot_write(client, lake, money):
    user = User.objects.create_user("ledamot", password="x-hemligt-1")
    AssociationRole.objects.create(user=user, association=lake.association, role="board_member")
    client.force_login(user)
    assert client.get(reverse("economy", kwargs={"slug": SLUG})).status_code == 200
    response = client.post(reverse("economy_plan", kwargs={"slug": SLUG, "year": 2026}), {"requested_total": "1"})
    assert response.status_code == 403
    response = client.post(reverse("economy_withdrawals", kwargs={"slug": SLUG}),
                           {"member": lake.members["Lerums kommun"].pk, "notice_date": "2024-01-01", "decision": "x"})
    assert response.status_code == 403
    assert not FinancingPlan.objects.filter(year=2026).exists() and not Withdrawal.objects.exists()


def test_plan_form_saves_and_keeps_input_on_error(staff, money):
    url = reverse("economy_plan", kwargs={"slug": SLUG, "year": 2026})
    response = staff.post(url, {"requested_total": "20000,05", "decision": "Styrelsen § 9"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "hela enheter" in html and 'value="Styrelsen § 9"' in html
    assert not FinancingPlan.objects.filter(year=2026).exists()
    response = staff.post(url, {"requested_total": "21000", "population_date": "2023-06-30"})
    assert response.status_code == 302 and FinancingPlan.objects.get(year=2026).requested_total == 21000


def test_population_upload_errors_are_listed(staff, lake, money):
    url = reverse("economy_population", kwargs={"slug": SLUG})
    bad = SimpleUploadedFile("folkmangd.csv", "kod;kommun;datum;folkmängd\n1490;Borås;2023-06-30;1\n".encode())
    response = staff.post(url, {"save": "csv", "csv-file": bad})
    html = response.content.decode()
    assert response.status_code == 200 and "Rad 2: kommunkoden 1490 (Borås)" in html and "Inget har sparats" in html
    good = SimpleUploadedFile("folkmangd.csv", "kod;kommun;datum;folkmängd\n1441;Lerum;2023-12-31;43 500\n".encode())
    assert staff.post(url, {"save": "csv", "csv-file": good}).status_code == 302
    assert lake.members["Lerums kommun"].population_on(date(2024, 1, 1)) == 43_500


def test_outcome_upload_and_equity_panel(staff, money):
    url = reverse("economy_outcome", kwargs={"slug": SLUG, "year": 2024})
    upload = SimpleUploadedFile("bok.csv", "datum;konto;belopp\n2024-02-10;4010;2500000\n".encode())
    assert staff.post(url, {"file": upload}).status_code == 302
    assert Actual.objects.get().amount == 2500
    html = staff.get(url).content.decode()
    assert "2\u00a0500" in html and "Nationella rådets riktlinje" in html and "Varning:" in html
    html = staff.get(url + "?visa=manad").content.decode()
    assert ">feb<" in html
    bad = SimpleUploadedFile("bok.se", "#FLAGGA 0\n#KONTO 3010 \"Bidrag från\"\n".encode("utf-8"))
    html = staff.post(url, {"file": bad}).content.decode()
    assert "CP437" in html and Actual.objects.count() == 1


def test_withdrawal_from_fk_refused_in_the_form(staff, lake, money):
    url = reverse("economy_withdrawals", kwargs={"slug": SLUG})
    response = staff.post(url, {"member": lake.members["Försäkringskassan"].pk, "notice_date": "2024-01-10",
                                "decision": "Beslut 1"})
    assert response.status_code == 200 and "kan inte säga upp sig" in response.content.decode()
    response = staff.post(url, {"member": lake.members["Härryda kommun"].pk, "notice_date": "2020-06-15",
                                "decision": "KF § 128"}, follow=True)
    assert "Utträdet sker 2023-12-31" in response.content.decode()


def test_plan_xlsx_cell_by_cell(staff, money):
    response = staff.get(reverse("economy_plan_xlsx", kwargs={"slug": SLUG, "year": 2024}))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxmlformats")
    ws = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in ws[2]] == ["Medlem", "Andel", 2024, 2025]
    assert [c.value for c in ws[3]] == ["Försäkringskassan", 0.25, 4505.5, 5000]
    assert [c.value for c in ws[4]] == ["Arbetsförmedlingen", 0.25, 4505.5, 5000]
    assert ws["A6"].value == "Alingsås kommun"
    assert [c.value for c in ws[ws.max_row]] == ["Summa", 1.0, 18022.0, 20000.0]
    assert staff.get(reverse("economy_plan_xlsx", kwargs={"slug": SLUG, "year": 2030})).status_code == 404


def test_budget_xlsx_cell_by_cell(staff, money):
    response = staff.get(reverse("economy_budget_xlsx", kwargs={"slug": SLUG, "year": 2024}))
    ws = load_workbook(io.BytesIO(response.content)).active
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert rows[0] == ["Rad", "Budget", "Utfall föregående år", "Prognos"]
    assert rows[1] == ["Intäkter", None, None, None]
    assert rows[2] == ["Bidrag från medlemmarna", 20000, None, None]
    assert ["Resultat", 7200, None, 7200] in rows  # no line has last year's outcome
    assert rows[-1] == ["Eget kapital vid årets slut", 12200, None, None]


def test_amounts_typed_the_swedish_way(staff, money):
    url = reverse("economy_budget", kwargs={"slug": SLUG, "year": 2024})
    html = staff.get(url).content.decode()
    assert 'name="budget-opening_equity" value="5000"' in html
    response = staff.post(url, {"save": "line", "line-section": "structural", "line-label": "Konferens",
                                "line-amount": "1 250,5", "line-accounts": "4600", "line-position": "9"})
    assert response.status_code == 302
    assert BudgetLine.objects.get(label="Konferens").amount == D("1250.5")


def test_outcome_chart_is_svg_without_scripts(staff, money):
    html = staff.get(reverse("economy_outcome", kwargs={"slug": SLUG, "year": 2024})).content.decode()
    start = html.index('<div class="chart" aria-hidden="true">')
    chart = html[start:html.index("</div>", start)]
    assert "<svg" in chart and "<script" not in chart and "Strukturövergripande insatser" in chart


def test_years_outside_finsam_are_404(staff, money):
    for name in ("economy_plan", "economy_budget", "economy_outcome"):
        assert staff.get(reverse(name, kwargs={"slug": SLUG, "year": 1})).status_code == 404
    assert staff.post(reverse("economy_budget", kwargs={"slug": SLUG, "year": 0}),
                      {"save": "budget", "budget-decision": "x"}).status_code == 404
    assert staff.get(reverse("economy", kwargs={"slug": SLUG}) + "?ar=1").status_code == 200
