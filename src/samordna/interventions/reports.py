"""The board's half-year and annual report, per intervention or for the whole association.

The report answers the board's standing questions (the template Skaraborg's board asked for) with the figures under
each. Reports are documents that leave the staff view, so every count is the published figure of the follow-up
views (selectors.follow_up with staff=False): counts below the association's threshold are "<5", with the same
complementary suppression. The association-wide totals are published only where they cannot give a hidden cell
away: a column total is hidden when exactly one of its cells is hidden, and the stock-and-flow totals obey the same
rule as one intervention's (start + started − ended = end: if one of them is hidden, the flows are hidden too).

A report is a list of Sections of plain Tables (cells are ints, or text such as "<5" and "–") so that the PDF,
DOCX and XLSX writers in exports.py render the same content.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Sum

from samordna.rules import followup
from samordna.rules.privacy import display, suppression_note

from .models import Intervention, Report, ReportExit
from .selectors import follow_ups, threshold_for
from .dashboard_budget import booked_outcome
from .survey_results import TOO_FEW, survey_summary

REPORT_KINDS = {"halvar": "half", "ar": "year"}
QUESTIONS = (
    ("done", "Vad har gjorts under perioden?"),
    ("participants", "Hur många har deltagit och hur går det mot målen?"),
    ("exits", "Hur har deltagarna avslutat insatsen?"),
    ("target", "Når insatsen sin målgrupp?"),
    ("costs", "Vad har insatsen kostat mot budget?"),
    ("next", "Vad har vi lärt oss och vad händer härnäst?"),
)
OUTCOME_NOTE = ("Budgeten för perioden är insatsens årsbudget fördelad på periodens månader. Bokfört utfall är det som "
                "ekonomin har bokfört under periodens månader på budgetrader som är kopplade till insatsen; ”–” betyder "
                "att ingen budgetrad för året är kopplad till insatsen.")
FLOW_KEYS = ("start", "started", "ended", "end", "served", "queue")
FLOW_LABELS = {"start": "Deltagare vid periodens början", "started": "Påbörjade", "ended": "Avslutade",
               "end": "Deltagare vid periodens slut", "served": "Har deltagit under perioden", "queue": "Kö vid periodens slut"}
DASH = "–"


@dataclass
class Table:
    caption: str
    headers: list[str]
    rows: list[list]  # int (a published count or amount), str (text, "<5", "–")
    total: list | None = None  # the summary row, shown last and bold


@dataclass
class Section:
    key: str
    question: str
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class BoardReport:
    association: object
    period: followup.Period
    subject: str  # the intervention's name, or "alla insatser"
    threshold: int
    sections: list[Section]
    intervention: Intervention | None = None

    @property
    def title(self):
        kind = "Halvårsrapport" if self.period.kind == "half" else "Årsrapport"
        return f"{kind} {self.period.label}: {self.subject}"

    @property
    def note(self):
        return f"Små tal visas som ”<{self.threshold}”. {suppression_note(self.threshold)}"

    @property
    def filename(self):
        kind = "halvarsrapport" if self.period.kind == "half" else "arsrapport"
        part = f"-{self.period.number}" if self.period.kind == "half" else ""
        who = f"insats-{self.intervention.pk}" if self.intervention else "alla-insatser"
        return f"{kind}-{self.period.year}{part}-{self.association.slug}-{who}"


def cell(figure):
    """A Figure as a table cell: its count, or "<5" when hidden."""
    return figure.value if figure.value is not None else figure.text


def _percent(value):
    return f"{value} %" if value is not None else DASH


def _section(key):
    return Section(key, dict(QUESTIONS)[key])


def _interventions(association):
    return list(Intervention.objects.filter(association=association).select_related("orientation")
                .prefetch_related("goals", "budget_lines", "group_starts", "contracts").order_by("name"))


def intervention_report(intervention, period, *, threshold=None):
    threshold = threshold or threshold_for(intervention.association)
    return _build(intervention.association, period, [intervention], threshold, single=True)


def association_report(association, period, *, threshold=None):
    threshold = threshold or threshold_for(association)
    return _build(association, period, _interventions(association), threshold, single=False)


def _build(association, period, interventions, threshold, *, single):
    results = follow_ups(interventions, period, staff=False, threshold=threshold)
    sections = [_done(period, results), _participants(results, threshold, single, association, interventions),
                _exits(results, threshold),
                _target(results), _costs(results, single, booked_outcome(interventions, period)),
                _next(period, interventions, results)]
    subject = interventions[0].name if single else "alla insatser"
    return BoardReport(association, period, subject, threshold, sections, interventions[0] if single else None)


# Totals that keep hidden cells hidden ------------------------------------------------------------------------

def column_total(figures, raw_total, threshold):
    """The published sum of a column of Figures: hidden when exactly one cell is hidden (it would follow from the
    total) or when the sum itself is small. With two or more hidden cells only their sum is known, as in the
    follow-up views."""
    if sum(1 for f in figures if f.value is None) == 1:
        return None
    return None if 0 < raw_total < threshold else raw_total


def raw_flows(results):
    """The exact period figures behind the published ones (one query), for the association totals."""
    ids = [r.intervention.pk for r in results]
    if not ids:
        return {}
    period = results[0].period
    first = period.months[0]
    before = date(first.year - 1, 12, 1) if first.month == 1 else date(first.year, first.month - 1, 1)
    months = {}
    for row in (Report.objects.filter(intervention_id__in=ids, month__gte=before, month__lte=period.months[-1])
                .values_list("intervention_id", "month", "participants_end", "started", "ended", "queue_end")):
        months.setdefault(row[0], []).append(row)
    flows = {}
    for pk, rows in months.items():
        previous = next((row[2] for row in rows if row[1] == before), None)
        summary = followup.summarise([followup.MonthFigures(m, e, s, x, q, None) for _, m, e, s, x, q in rows if m != before],
                                     previous)
        if summary:
            flows[pk] = {"start": summary.participants_start, "started": summary.started, "ended": summary.ended,
                         "end": summary.participants_end, "served": summary.served, "queue": summary.queue_end}
    return flows


def flow_totals(results, threshold, raw=None):
    """Association totals of start, started, ended, end, served and queue, suppressed like one intervention's."""
    reported = [r for r in results if r.months_reported]
    raw = raw if raw is not None else raw_flows(reported)
    totals = {}
    for key in FLOW_KEYS:
        totals[key] = column_total([r.figures[key] for r in reported], sum(raw.get(r.intervention.pk, {}).get(key, 0)
                                                                         for r in reported), threshold)
    if any(totals[k] is None for k in ("start", "started", "ended", "end")):
        totals.update(started=None, ended=None, served=None)
    return totals


# The standing questions --------------------------------------------------------------------------------------

def _done(period, results):
    section = _section("done")
    rows = []
    for r in results:
        i = r.intervention
        starts = [g.date for g in i.group_starts.all() if g.date.replace(day=1) in period.months]
        rows.append([i.name, i.get_kind_display(), i.orientation.name, i.provider or DASH,
                     f"{r.months_reported} av {len(period.months)}",
                     ", ".join(f"{d:%Y-%m-%d}" for d in starts) or DASH])
    section.tables.append(Table("Insatser under perioden", ["Insats", "Inriktning", "Preciserad inriktning", "Utförare",
                                                            "Månader rapporterade", "Gruppstarter"], rows))
    section.notes += [f"{r.intervention.name}: {r.intervention.description}" for r in results if r.intervention.description]
    return section


def _participants(results, threshold, single, association, interventions):
    section = _section("participants")
    headers = ["Insats"] + [FLOW_LABELS[k] for k in FLOW_KEYS] + ["Kapacitetsutnyttjande", "Mediantid i kö (dagar)"]
    rows = []
    for r in results:
        if not r.months_reported:
            rows.append([r.intervention.name] + [DASH] * (len(headers) - 1))
            continue
        rows.append([r.intervention.name] + [cell(r.figures[k]) for k in FLOW_KEYS]
                    + [_percent(r.capacity_use), r.median_wait_days if r.median_wait_days is not None else DASH])
    total = None
    if not single:
        totals = flow_totals(results, threshold)
        total = ["Alla insatser"] + [display(totals[k], threshold) if totals[k] is None else totals[k] for k in FLOW_KEYS] + [DASH, DASH]
    section.tables.append(Table("Deltagare och kö", headers, rows, total))
    goals = [[r.intervention.name, str(goal), verdict.label, verdict.text] for r in results for goal, verdict in r.goals]
    section.tables.append(Table("Mål och utfall", ["Insats", "Mål", "Status", "Utfall"], goals or [[DASH, "Inga mål registrerade", DASH, DASH]]))
    _survey(section, association, results[0].period if results else None, interventions)
    return section


def _survey(section, association, period, interventions):
    """The exit survey's results as its own results page publishes them: the year, or a half-year's two quarters."""
    if period is None or period.kind not in ("year", "half"):
        return  # other periods are not whole quarters, which is how the survey publishes
    quarters = None if period.kind == "year" else [(month.month - 1) // 3 + 1 for month in period.months[::3]]
    summary = survey_summary(association, period.year, quarters=quarters, interventions=interventions)
    if summary is None:
        section.notes.append("Avslutsenkäten: inga svar för insatsen under året." if len(interventions) == 1
                             else "Avslutsenkäten: inga svar för insatserna under året.")
        return
    rows = [[row.intervention.name + (f" ({row.distribution.label})" if row.distribution.label else ""), row.period,
             row.responses if row.responses is not None else f"<{row.distribution.questionnaire.min_group}"] + row.cells
            for row in summary.rows]
    section.tables.append(Table("Avslutsenkäten: andel som instämmer (4–5) eller svarar ja",
                                ["Insats", "Period", "Antal svar"] + [text for _, text in summary.columns], rows))
    section.notes.append(f"Avslutsenkäten: en andel visas inte (”{TOO_FEW}”) när gruppen har färre än "
                         f"{summary.threshold_text} svar eller när något av svarsantalen bakom den är dolt; ett halvår "
                         "visas som sina två kvartal, så att inget dolt kvartal kan räknas fram ur året.")


def _exits(results, threshold):
    """Exit reasons summed over the interventions; a reason's total follows the column rule, then the reasons obey
    the published total of ended (one hidden reason beside a published total would follow from it)."""
    section = _section("exits")
    by_reason, positive = {}, {}
    for r in results:
        for name, is_positive, figure, _ in r.exits:
            by_reason.setdefault(name, []).append(figure)
            positive[name] = is_positive
    raw = {}
    if results:
        raw = dict(ReportExit.objects.filter(report__intervention__in=[r.intervention for r in results],
                                             report__month__in=results[0].period.months)
                   .values_list("exit_reason__name").annotate(n=Sum("count")))
    ended = flow_totals(results, threshold)["ended"]
    totals = {name: column_total(figures, raw.get(name, 0), threshold) for name, figures in by_reason.items()}
    if ended is None:
        totals = {name: (0 if value == 0 else None) for name, value in totals.items()}
    elif sum(1 for value in totals.values() if value is None) == 1:
        others = sorted((value, name) for name, value in totals.items() if value)
        if others:
            totals[others[0][1]] = None
        else:
            ended = None
    rows = []
    for name, value in totals.items():
        share = _percent(followup.percent(value, ended)) if value is not None and ended else DASH
        rows.append([name, "ja" if positive[name] else "nej", value if value is not None else display(None, threshold), share])
    section.tables.append(Table("Avslut per anledning", ["Avslutsanledning", "Positivt avslut", "Antal", "Andel av avslutade"],
                                rows or [["Inga avslut under perioden", DASH, 0, DASH]],
                                ["Alla avslut", DASH, ended if ended is not None else display(None, threshold), DASH]))
    shares = [[r.intervention.name, _percent(r.positive_share)] for r in results if r.months_reported]
    section.tables.append(Table("Andel positiva avslut per insats", ["Insats", "Andel positiva avslut"], shares or [[DASH, DASH]]))
    return section


def _target(results):
    section = _section("target")
    gender = [label for _, label in followup.GENDERS]
    rows = []
    for r in results:
        balance = {label: cells for label, cells, _ in r.balance}
        started = dict(balance.get("kön", []))
        rows.append([r.intervention.name, r.intervention.target_group or DASH]
                    + [cell(started[g][1]) if g in started else DASH for g in gender])
    section.tables.append(Table("Målgrupp och påbörjade per kön", ["Insats", "Målgrupp"] + [f"Påbörjade, {g.lower()}" for g in gender], rows))
    if len(results) == 1 and results[0].balance:
        for label, cells, totals in results[0].balance:
            section.tables.append(Table(f"Deltagare per {label}", [label.capitalize()] + [m for _, m in followup.MEASURES],
                                        [[category] + [cell(f) for f in figures] for category, figures in cells],
                                        ["Totalt"] + [cell(f) for f in totals]))
    return section


def _costs(results, single, booked):
    """Budget for the period (the intervention's yearly budget spread over the months) beside what the economy booked
    on the budget lines linked to the intervention in those months."""
    section = _section("costs")
    rows = [[r.intervention.name, r.budget if r.budget is not None else DASH, booked.get(r.intervention.pk, DASH),
             r.cost_per_participant if r.cost_per_participant is not None else DASH] for r in results]
    budgets = [r.budget for r in results if r.budget is not None]
    total = None
    if not single:
        total = ["Alla insatser", sum(budgets) if budgets else DASH, sum(booked.values()) if booked else DASH, DASH]
    section.tables.append(Table("Budget, utfall och kostnad per deltagare",
                                ["Insats", "Budget för perioden (kr)", "Bokfört utfall (kr)", "Kostnad per deltagare (kr)"],
                                rows, total))
    section.notes.append(OUTCOME_NOTE)
    return section


def _next(period, interventions, results):
    section = _section("next")
    end = period.months[-1].replace(day=28) + timedelta(days=4)
    horizon = end + timedelta(days=365)
    contracts = [c for i in interventions for c in i.contracts.all()
                 if (c.extended_until or c.end) >= period.months[0] and (c.extended_until or c.end) <= horizon]
    rows = [[c.intervention.name, c.provider, f"{(c.extended_until or c.end):%Y-%m-%d}",
             f"{c.decide_by:%Y-%m-%d}" if c.decide_by else DASH, c.extension_options or DASH,
             "ja" if c.decided else "nej"] for c in sorted(contracts, key=lambda c: c.extended_until or c.end)]
    section.tables.append(Table("Avtal som löper ut inom ett år", ["Insats", "Leverantör", "Gäller till", "Besluta senast",
                                                                   "Förlängningsoption", "Beslut fattat"],
                                rows or [["Inga avtal löper ut", DASH, DASH, DASH, DASH, DASH]]))
    ending = [r.intervention.name for r in results if r.intervention.end and r.intervention.end <= horizon]
    if ending:
        section.notes.append("Insatser som slutar inom ett år: " + ", ".join(ending) + ".")
    section.notes.append("Styrelsens lärdomar och beslut om nästa steg skrivs in när rapporten behandlas.")
    return section


def national_rows(association, period, *, threshold=None):
    """Rows for the national follow-up export: see exports.NATIONAL_COLUMNS for the columns."""
    threshold = threshold or threshold_for(association)
    rows = []
    interventions = _interventions(association)
    booked = booked_outcome(interventions, period)
    for i, r in zip(interventions, follow_ups(interventions, period, staff=False, threshold=threshold)):
        by_gender = {label: cells for label, cells, _ in r.balance}.get("kön", [])
        started = {g: figures[1] for g, figures in by_gender}
        at_end = {g: figures[0] for g, figures in by_gender}
        genders = [label for _, label in followup.GENDERS]
        rows.append([association.name, i.name, period.label, i.get_kind_display(), i.orientation.name,
                     i.get_follow_up_method_display(), "Ja" if i.esf_funded else "Nej",
                     r.budget if r.budget is not None else "", booked.get(i.pk, "")]
                    + [cell(started[g]) if g in started else "" for g in genders]
                    + [cell(at_end[g]) if g in at_end else "" for g in genders])
    return rows
