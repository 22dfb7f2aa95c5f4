"""The board report as PDF, DOCX and XLSX, and the export in the fields of the national follow-up system.

PDF is laid out by WeasyPrint with the fonts and the network-free fetcher of samordna.documents.pdf (as the internal
control report does); DOCX by python-docx, so the board can write its reflections under the last question; XLSX by
openpyxl with one sheet per standing question. All three render the same reports.BoardReport, whose counts are
already suppressed ("<5").

National export (Uppföljning Finsam), CSV (semicolon-separated, UTF-8 with BOM so Excel reads å ä ö) and XLSX, one row
per intervention and period, columns in this order:

    Samordningsförbund; Insats; Period; Inriktning (individinriktad/strukturövergripande); Preciserad inriktning;
    Uppföljningsmetod; ESF-finansierad (Ja/Nej); Budget för perioden (kr) (the year's budget pro rata);
    Utfall (kr) – booked outcome on the economy budget lines linked to the intervention, blank when none is linked;
    Påbörjade kvinnor; Påbörjade män; Påbörjade annat/ej angivet;
    Deltagare vid periodens slut kvinnor; … män; … annat/ej angivet

Gender counts are suppressed exactly as in the follow-up views ("<5" as text).
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from django.template.loader import render_to_string

from samordna.documents import pdf
from samordna.rules.privacy import display

STYLESHEET = Path(__file__).resolve().parent / "templates" / "interventions" / "report_document.css"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"
NATIONAL_COLUMNS = [
    "Samordningsförbund", "Insats", "Period", "Inriktning", "Preciserad inriktning", "Uppföljningsmetod",
    "ESF-finansierad", "Budget för perioden (kr)", "Utfall (kr) – tomt när ingen budgetrad är kopplad till insatsen",
    "Påbörjade kvinnor", "Påbörjade män", "Påbörjade annat/ej angivet",
    "Deltagare vid periodens slut kvinnor", "Deltagare vid periodens slut män", "Deltagare vid periodens slut annat/ej angivet",
]


def text(value, threshold=5):
    """A cell as printed: counts with a space as thousands separator, text as is."""
    if isinstance(value, int) and not isinstance(value, bool):
        return display(value, threshold)
    return "" if value is None else str(value)


def _printable(report):
    """The sections with every cell already as text, for the templates."""
    return [(section, [(table, [[text(v, report.threshold) for v in row] for row in table.rows],
                        [text(v, report.threshold) for v in table.total] if table.total else None)
                       for table in section.tables]) for section in report.sections]


def report_html(report) -> str:
    return render_to_string("interventions/report_document.html", {"report": report, "sections": _printable(report)})


def report_pdf(report) -> bytes:
    return pdf.report_pdf(report_html(report), STYLESHEET)


def report_docx(report) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    doc = Document()
    page = doc.sections[0]
    page.orientation, page.page_width, page.page_height = WD_ORIENT.LANDSCAPE, Mm(297), Mm(210)
    page.left_margin = page.right_margin = Mm(15)
    doc.styles["Normal"].font.name = "Liberation Sans"
    doc.styles["Normal"].font.size = Pt(10)
    doc.core_properties.title = report.title
    doc.add_paragraph(report.association.name)
    doc.add_heading(report.title, level=0)
    doc.add_paragraph(report.note)
    for number, (section, tables) in enumerate(_printable(report), 1):
        doc.add_heading(f"{number}. {section.question}", level=1)
        for table, rows, total in tables:
            doc.add_paragraph().add_run(table.caption).bold = True
            grid = doc.add_table(rows=1, cols=len(table.headers))
            grid.style = "Table Grid"
            for target, header in zip(grid.rows[0].cells, table.headers):
                target.text = header
                target.paragraphs[0].runs[0].bold = True
            for row in rows + ([total] if total else []):
                cells = grid.add_row().cells
                for target, value in zip(cells, row):
                    target.text = value
                if row is total:
                    for target in cells:
                        for run in target.paragraphs[0].runs:
                            run.bold = True
        for note in section.notes:
            doc.add_paragraph(note)
        if section.key == "next":
            doc.add_paragraph("Styrelsens kommentar:")
            doc.add_paragraph("")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _sheet_title(number, question):
    return f"{number} {question}"[:31].rstrip("?").replace("/", "-")


def report_xlsx(report) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    first = book.active
    first.title = "Rapport"
    first.append([report.association.name])
    first.append([report.title])
    first["A2"].font = Font(bold=True, size=14)
    first.append([report.note])
    first.append([])
    for number, (key, question) in enumerate((s.key, s.question) for s in report.sections):
        first.append([f"{number + 1}. {question}"])
    for number, section in enumerate(report.sections, 1):
        sheet = book.create_sheet(_sheet_title(number, section.question))
        sheet.append([f"{number}. {section.question}"])
        sheet["A1"].font = Font(bold=True, size=13)
        for table in section.tables:
            sheet.append([])
            sheet.append([table.caption])
            sheet.cell(sheet.max_row, 1).font = Font(bold=True)
            sheet.append(table.headers)
            for c in sheet[sheet.max_row]:
                c.font = Font(bold=True)
            for row in table.rows:
                sheet.append(row)
            if table.total:
                sheet.append(table.total)
                for c in sheet[sheet.max_row]:
                    c.font = Font(bold=True)
        for note in section.notes:
            sheet.append([])
            sheet.append([note])
        sheet.column_dimensions["A"].width = 34
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def national_csv(rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(NATIONAL_COLUMNS)
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def national_xlsx(rows) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Uppföljning Finsam"
    sheet.append(NATIONAL_COLUMNS)
    for c in sheet[1]:
        c.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
