"""The report downloads: content types, files that parse, "<5" in what leaves the staff view, tenants kept apart."""
import csv
import io
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from docx import Document
from intervention_builders import month_values
from openpyxl import load_workbook
from pypdf import PdfReader

from samordna.accounts.models import AssociationRole
from samordna.associations.services import create_association
from samordna.interventions import exports, services
from samordna.interventions.models import BudgetLine

pytestmark = pytest.mark.django_db


@pytest.fixture
def year(gard, secretary_user):
    """Twelve in January, three ended in June (a small count), nine left."""
    plan = {1: (12, 12, 0), 6: (9, 0, 3)}
    end = 0
    for m in range(1, 13):
        end_now, started, ended = plan.get(m, (end, 0, 0))
        services.save_report(gard, date(2023, m, 1), month_values(gard, end=end_now, started=started, ended=ended),
                             user=secretary_user, today=date(2024, 1, 10))
        end = end_now
    services.save_budget_line(BudgetLine(intervention=gard, year=2023, amount=600_000))
    return gard


def association_url(fmt, kind="ar", year=2023, number=1, slug="sjolandet"):
    return reverse("association_report_download", args=[slug, kind, year, number, fmt])


def test_reports_page_lists_the_downloads(staff, year):
    page = staff.get(reverse("intervention_reports", args=["sjolandet"]) + "?typ=ar&ar=2023&nr=1")
    html = page.content.decode()
    assert page.status_code == 200 and "Rapporter till styrelsen" in html
    assert association_url("pdf") in html and "Vad har insatsen kostat mot budget?" in html
    assert reverse("intervention_report_download", args=["sjolandet", year.pk, "ar", 2023, 1, "docx"]) in html
    assert reverse("national_export_download", args=["sjolandet", "ar", 2023, 1, "csv"]) in html


def test_reports_page_bad_period_says_so(staff, year):
    page = staff.get(reverse("intervention_reports", args=["sjolandet"]) + "?typ=halvar&ar=2023&nr=3")
    assert page.status_code == 400 and "halvår nummer 1 eller 2" in page.content.decode()


def test_pdf_download(staff, year):
    response = staff.get(association_url("pdf"))
    assert response.status_code == 200 and response["Content-Type"] == exports.PDF
    assert 'attachment; filename="arsrapport-2023-sjolandet-alla-insatser.pdf"' == response["Content-Disposition"]
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Årsrapport helåret 2023" in text and "Vad har gjorts under perioden?" in text and "Gården" in text
    assert "<5" in text


def test_docx_download_for_half_year_and_one_intervention(staff, year):
    url = reverse("intervention_report_download", args=["sjolandet", year.pk, "halvar", 2023, 1, "docx"])
    response = staff.get(url)
    assert response.status_code == 200 and response["Content-Type"] == exports.DOCX
    doc = Document(io.BytesIO(response.content))
    paragraphs = [p.text for p in doc.paragraphs]
    assert "Halvårsrapport första halvåret 2023: Gården" in paragraphs
    assert "6. Vad har vi lärt oss och vad händer härnäst?" in paragraphs
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "<5" in cells and "9" in cells  # 9 at the end shown; 3 ended is small, so the flows are hidden


def test_xlsx_download(staff, year):
    response = staff.get(association_url("xlsx"))
    assert response.status_code == 200 and response["Content-Type"] == exports.XLSX
    book = load_workbook(io.BytesIO(response.content))
    assert len(book.sheetnames) == 7 and book["Rapport"]["A2"].value == "Årsrapport helåret 2023: alla insatser"
    values = [c for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row]
    assert "<5" in values and 600_000 in values


def test_national_csv_and_xlsx(staff, year):
    response = staff.get(reverse("national_export_download", args=["sjolandet", "ar", 2023, 1, "csv"]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == exports.NATIONAL_COLUMNS and "tomt när ingen budgetrad är kopplad" in rows[0][8]
    assert rows[1][1] == "Gården" and rows[1][7] == "600000" and rows[1][8] == ""
    response = staff.get(reverse("national_export_download", args=["sjolandet", "halvar", 2023, 2, "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]] == exports.NATIONAL_COLUMNS and sheet["C2"].value == "andra halvåret 2023"


@pytest.mark.parametrize("url", [
    lambda pk: association_url("exe"),
    lambda pk: association_url("pdf", kind="kvartal"),
    lambda pk: association_url("pdf", kind="halvar", number=3),
    lambda pk: reverse("intervention_report_download", args=["sjolandet", 999999, "ar", 2023, 1, "pdf"]),
    lambda pk: reverse("national_export_download", args=["sjolandet", "ar", 2023, 1, "pdf"]),
])
def test_wrong_addresses_are_404(staff, year, url):
    assert staff.get(url(year.pk)).status_code == 404


def test_other_association_is_404(client, year):
    other = create_association(slug="annat", name="Annat förbund")
    user = User.objects.create_user("annan", password="hemligt-lösen-1")
    AssociationRole.objects.create(user=user, association=other, role="secretary")
    client.force_login(user)
    assert client.get(association_url("pdf")).status_code == 404
    assert client.get(reverse("intervention_report_download", args=["annat", year.pk, "ar", 2023, 1, "pdf"])).status_code == 404


def test_reporter_gets_own_intervention_but_not_the_association(client, lake, year, reporter_user):
    services.assign_reporter(year, reporter_user)
    client.force_login(reporter_user)
    assert client.get(association_url("xlsx")).status_code == 403
    url = reverse("intervention_report_download", args=["sjolandet", year.pk, "ar", 2023, 1, "xlsx"])
    assert client.get(url).status_code == 200


def test_board_member_reads_reports(client, lake, year):
    user = User.objects.create_user("ledamot", password="hemligt-lösen-1")
    AssociationRole.objects.create(user=user, association=lake.association, role="board_member")
    client.force_login(user)
    assert client.get(association_url("docx")).status_code == 200


def test_anonymous_is_sent_to_login(client, year):
    assert client.get(association_url("pdf")).status_code == 302
