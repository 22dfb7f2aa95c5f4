"""The financing plan and the budget as PDF (text read back with pypdf) and DOCX (re-opened with python-docx)."""
import io
import re

import pytest
from django.urls import reverse
from docx import Document
from economy_setup import planned_years
from pypdf import PdfReader

from samordna.economy import selectors
from samordna.economy.templatetags.economy_tags import format_amount

pytestmark = pytest.mark.django_db
SLUG = "sjolandet"


@pytest.fixture
def money(lake):
    return planned_years(lake)


def flat(value):
    return re.sub(r"\s+", " ", value.replace("\u00a0", " ")).strip()


def pdf_text(content):
    assert content.startswith(b"%PDF-")
    return flat(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages))


def docx_tables(content):
    doc = Document(io.BytesIO(content))
    return doc, [[[flat(c.text) for c in row.cells] for row in t.rows] for t in doc.tables]


def get(client, name, year, fmt):
    response = client.get(reverse(name, kwargs={"slug": SLUG, "year": year, "fmt": fmt}))
    assert response.status_code == 200, response.status_code
    return response


def plan_rows(lake):
    results = selectors.plans_ahead(lake.association, 2024)
    return results, [(row.label, [flat(format_amount(a, p)) for a, p in amounts])
                     for row, amounts in selectors.plan_matrix(results)]


def test_plan_pdf_has_every_member_amount_and_total(staff, lake, money):
    response = get(staff, "economy_plan_document", 2024, "pdf")
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="finansieringsplan-sjolandet-2024.pdf"' in response["Content-Disposition"]
    text = pdf_text(response.content)
    assert "Finansieringsplan 2024–2025" in text and "Samordningsförbundet" in text
    results, rows = plan_rows(lake)
    assert len(rows) == 8
    for label, amounts in rows:
        assert label in text
        assert f"{label} " in text and " ".join(amounts) in text, (label, amounts)
    assert "Summa 1,00 18 022,0 20 000" in text
    assert "4 505,5 5 000" in text


def test_plan_docx_table_cell_by_cell(staff, lake, money):
    doc, tables = docx_tables(get(staff, "economy_plan_document", 2024, "docx").content)
    assert doc.core_properties.title == "Finansieringsplan 2024–2025"
    assert doc.paragraphs[1].style.name == "Heading 1"
    (table,) = tables
    assert table[0] == ["Medlem", "Andel", "2024", "2025"]
    assert table[1] == ["Försäkringskassan", "0,25", "4 505,5", "5 000"]
    assert table[2][0] == "Arbetsförmedlingen (betalas av Försäkringskassan)"
    assert table[4][0] == "Kommunerna, fördelat efter folkmängd (datum per år nedan)"  # 2023-06-30 and 2024-06-30
    _, rows = plan_rows(lake)
    municipal = {label: amounts for label, amounts in rows if "kommun" in label or "stad" in label}
    for row in table[5:-1]:
        assert municipal[row[0]] == row[2:]
    assert table[-1] == ["Summa", "1,00", "18 022,0", "20 000"]


def test_budget_pdf_and_docx_have_every_line_and_total(staff, lake, money):
    text = pdf_text(get(staff, "economy_budget_document", 2024, "pdf").content)
    for label, amount in (("Bidrag från medlemmarna", "20 000"), ("Lågtröskelverksamhet, Mölndal", "9 000"),
                          ("Utbildning och metodstöd", "1 000"), ("Kanslipersonal", "2 500"),
                          ("Ekonomiservice och revision", "300"), ("Summa intäkter", "20 000"),
                          ("Summa kostnader", "12 800"), ("Resultat", "7 200"),
                          ("Eget kapital vid årets början", "5 000"), ("Eget kapital vid årets slut", "12 200")):
        assert f"{label} {amount}" in text, label
    assert "Summa styrning, ledning och administration 2 800" in text
    doc, (table,) = docx_tables(get(staff, "economy_budget_document", 2024, "docx").content)
    assert table[0] == ["Rad", "Budget 2024", "Utfall 2023", "Prognos 2024"]
    assert ["Kanslipersonal", "2 500", "", "2 500"] in table
    assert ["Resultat", "7 200", "", "7 200"] in table
    assert table[-1] == ["Eget kapital vid årets slut", "12 200", "", "12 200"]


def test_unknown_format_and_missing_year_are_404(staff, money):
    assert staff.get(reverse("economy_plan_document", kwargs={"slug": SLUG, "year": 2024, "fmt": "odt"})).status_code == 404
    assert staff.get(reverse("economy_budget_document", kwargs={"slug": SLUG, "year": 2030, "fmt": "pdf"})).status_code == 404
    assert staff.get(reverse("economy_plan_document", kwargs={"slug": SLUG, "year": 2030, "fmt": "pdf"})).status_code == 404
