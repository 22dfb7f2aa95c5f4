"""The financing plan and the budget as documents (see document.py) in the layout of the associations' own plans:
Sjuhärad's "Finansieringsplan" (Medlem, andel, one column per year, the municipalities under their quarter) and its
"Ekonomisk sammanställning" (lines per section with totals, result and equity)."""
from decimal import Decimal

from . import document as d
from . import selectors
from .templatetags.economy_tags import format_amount


def amount(value, places=0):
    return "" if value is None else format_amount(value, places)


def share(value):
    return format_amount(value, 2)


def plan_blocks(results, heading_level=2):
    """The plan table for one or several years; the municipalities grouped under their quarter as the plans print it."""
    first = results[0]
    years = [r.plan.year for r in results]
    matrix = selectors.plan_matrix(results)
    rows, municipal = [], []
    for row, amounts in matrix:
        cells = [row.label + (f" ({row.payer})" if row.payer else ""), share(row.display_share)]
        cells += [amount(a, p) for a, p in amounts]
        (municipal if row.within is not None else rows).append(cells)
    if municipal:
        dates = {r.population_date for r in results}
        when = f" per {first.population_date.isoformat()}" if len(dates) == 1 else " (datum per år nedan)"
        rows.append(([f"Kommunerna, fördelat efter folkmängd{when}", "0,25"] + [""] * len(years), "group"))
        rows += municipal
    rows.append((["Summa", "1,00"] + [amount(r.total, r.places) for r in results], "total"))
    caption = f"Finansieringsplan {years[0]}" + (f"–{years[-1]}" if len(years) > 1 else "") + " (tkr)"
    blocks = [d.table(caption, ["Medlem", "Andel"] + [str(y) for y in years], rows,
                      numeric=range(1, 2 + len(years)))]
    notes = [f"{r.plan.year}: {r.basis} Kommunernas andel fördelas efter folkmängd per "
             f"{r.population_date.isoformat()}." + (f" Beslut: {r.plan.decision}." if r.plan.decision else "")
             for r in results]
    blocks.append(d.bullets(notes))
    return blocks


def plan_document(association, results):
    years = [r.plan.year for r in results]
    title = f"Finansieringsplan {years[0]}" + (f"–{years[-1]}" if len(years) > 1 else "")
    subtitle = ("Statens hälft betalas av Försäkringskassan, regionen och kommunerna en fjärdedel vardera. "
                "Beloppen är avrundade så att summan stämmer exakt.")
    return d.document(association.name, title, plan_blocks(results), subtitle=subtitle)


def budget_blocks(budget, sections=None):
    """The budget table with last year's outcome and the forecast, then result and equity."""
    sections = sections or selectors.budget_sections(budget)
    year = budget.year
    rows = []
    for section in sections:
        if not section.lines:
            continue
        rows.append(([section.title, "", "", ""], "group"))
        for line in section.lines:
            rows.append([line.label, amount(line.amount), amount(line.previous_outcome),
                         amount(line.forecast if line.forecast is not None else line.amount)])
        totals = section.totals
        rows.append(([f"Summa {section.title.lower()}", amount(totals["amount"]), amount(totals["previous_outcome"]),
                      amount(totals["forecast"])], "total"))
    summaries = [selectors.summarise(budget, sections, m) for m in ("amount", "previous_outcome", "forecast")]
    rows.append((["Summa intäkter"] + [amount(s.income) for s in summaries], "total"))
    rows.append((["Summa kostnader"] + [amount(s.costs) for s in summaries], "total"))
    rows.append((["Resultat"] + [amount(s.result) for s in summaries], "total"))
    if budget.opening_equity is not None:
        rows.append(["Eget kapital vid årets början", amount(budget.opening_equity), "", amount(budget.opening_equity)])
        rows.append((["Eget kapital vid årets slut", amount(summaries[0].closing_equity), "",
                      amount(summaries[2].closing_equity)], "total"))
    headers = ["Rad", f"Budget {year}", f"Utfall {year - 1}", f"Prognos {year}"]
    blocks = [d.table(f"Ekonomisk sammanställning {year} (tkr)", headers, rows, numeric=(1, 2, 3))]
    result = summaries[0].result
    if result is not None and result < Decimal(0):
        blocks.append(d.text(f"Kostnaderna beräknas överstiga intäkterna med {amount(-result)} tkr; "
                             "det egna kapitalet minskar."))
    return blocks


def budget_document(budget):
    subtitle = f"Beslut: {budget.decision}." if budget.decision else ""
    return d.document(budget.association.name, f"Budget {budget.year}", budget_blocks(budget), subtitle=subtitle)
