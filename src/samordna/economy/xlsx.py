"""The financing plan and the budget as XLSX workbooks in the layout of the associations' own plans."""
import io

from openpyxl import Workbook
from openpyxl.styles import Font

from . import selectors

BOLD = Font(bold=True)
FORMAT = "# ##0.0"


def _number(value):
    return None if value is None else float(value)


def _save(workbook):
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def plan_workbook(association, results) -> bytes:
    """Header row "Medlem", "Andel", then one column per year; a Member per row; "Summa" last."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Finansieringsplan"
    ws.append([f"Finansieringsplan, {association.name} (tkr)"])
    ws["A1"].font = BOLD
    ws.append(["Medlem", "Andel"] + [r.plan.year for r in results])
    for cell in ws[2]:
        cell.font = BOLD
    for row, amounts in selectors.plan_matrix(results):
        ws.append([row.label, float(round(row.display_share, 4))] + [None if a is None else float(a) for a, _ in amounts])
    ws.append(["Summa", 1.0] + [float(r.total) for r in results])
    for cell in ws[ws.max_row]:
        cell.font = BOLD
    for col in ws.iter_cols(min_col=3, min_row=3):
        for cell in col:
            cell.number_format = FORMAT
    ws.column_dimensions["A"].width = 32
    return _save(wb)


def budget_workbook(budget) -> bytes:
    """One row per budget line under its section, with previous outcome and forecast; totals and result."""
    wb = Workbook()
    ws = wb.active
    ws.title = f"Budget {budget.year}"
    ws.append([f"Budget {budget.year}, {budget.association.name} (tkr)"])
    ws["A1"].font = BOLD
    ws.append(["Rad", "Budget", "Utfall föregående år", "Prognos"])
    for cell in ws[2]:
        cell.font = BOLD
    sections = selectors.budget_sections(budget)
    for section in sections:
        if not section.lines:
            continue
        ws.append([section.title])
        ws.cell(ws.max_row, 1).font = BOLD
        for line in section.lines:
            ws.append([line.label, float(line.amount),
                       None if line.previous_outcome is None else float(line.previous_outcome),
                       None if line.forecast is None else float(line.forecast)])
        totals = section.totals
        ws.append([f"Summa {section.title.lower()}", float(totals["amount"]), _number(totals["previous_outcome"]),
                   float(totals["forecast"])])
        for cell in ws[ws.max_row]:
            cell.font = BOLD
    summaries = [selectors.summarise(budget, sections, m) for m in ("amount", "previous_outcome", "forecast")]
    ws.append(["Resultat"] + [_number(s.result) for s in summaries])
    for cell in ws[ws.max_row]:
        cell.font = BOLD
    if budget.opening_equity is not None:
        ws.append(["Eget kapital vid årets början", float(budget.opening_equity)])
        ws.append(["Eget kapital vid årets slut", float(summaries[0].closing_equity)])
    ws.column_dimensions["A"].width = 48
    return _save(wb)
