"""The board's dashboard: participants now, queue, capacity use and goal status per intervention, contracts to decide.

Charts are drawn server-side as SVG by pygal, without scripts, and every chart is followed by its data table.
Outside the association's staff the counts pass through small-count suppression (hidden bars are left out).
"""
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache

import pygal
from django.db.models import Sum
from pygal.style import Style

from samordna.rules import followup
from samordna.rules.privacy import DEFAULT_THRESHOLD, suppress

from .models import GoalOutcome, Intervention, Report
from .selectors import Figure, contracts_needing_decision
from .survey_results import survey_summary

CHART_STYLE = Style(background="#ffffff", plot_background="#ffffff", foreground="#1b1b1b", foreground_strong="#1b1b1b",
                    foreground_subtle="#505a5f", colors=("#1d4f91", "#8a4b00", "#00703c"), font_family="system-ui, sans-serif",
                    label_font_size=14, major_label_font_size=14, legend_font_size=14, value_font_size=13, title_font_size=16)


@dataclass
class Row:
    intervention: Intervention
    month: date | None
    participants: Figure
    queue: Figure
    median_wait_days: int | None
    capacity_use: Decimal | None
    goals: list  # (goal, verdict)


def _months_back(today, count):
    year, month = today.year, today.month - count
    while month < 1:
        month += 12
        year -= 1
    return date(year, month, 1)


def dashboard(association, today, *, staff, threshold=DEFAULT_THRESHOLD):
    interventions = list(Intervention.objects.filter(association=association).prefetch_related("goals").order_by("name"))
    since = _months_back(today, 12)
    latest = {}
    for report in (Report.objects.filter(intervention__association=association, month__gte=since)
                   .only("intervention_id", "month", "participants_end", "queue_end", "median_wait_days").order_by("month")):
        latest[report.intervention_id] = report
    outcomes = {row["goal"]: (row["reached"], row["asked"]) for row in
                GoalOutcome.objects.filter(goal__intervention__association=association, report__month__gte=since)
                .values("goal").annotate(reached=Sum("reached"), asked=Sum("asked"))}
    participants = {i.pk: latest[i.pk].participants_end if i.pk in latest else 0 for i in interventions}
    queues = {i.pk: latest[i.pk].queue_end if i.pk in latest else 0 for i in interventions}
    if staff:
        shown_p, shown_q = participants, queues
        total_p, total_q = sum(participants.values()), sum(queues.values())
    else:
        shown_p, shown_q = suppress(participants, threshold), suppress(queues, threshold)
        total_p, total_q = shown_p.total, shown_q.total
    rows = []
    for i in interventions:
        report = latest.get(i.pk)
        p = shown_p[i.pk]
        use = None
        if report and i.capacity_at_once and p is not None:
            use = (Decimal(100) * p / i.capacity_at_once).quantize(Decimal("1"))
        goals = []
        for goal in i.goals.all():
            reached, asked = outcomes.get(goal.pk, (0, 0))
            verdict = followup.goal_verdict(goal.comparison, goal.target, goal.unit, reached, asked)
            if not staff and asked and None in suppress({"r": reached, "n": asked - reached}, threshold).values():
                verdict = followup.GoalVerdict("none", "Visas inte", f"För få svar (färre än {threshold}) för att visa utfallet.")
            goals.append((goal, verdict))
        rows.append(Row(i, report.month if report else None, Figure(p, threshold), Figure(shown_q[i.pk], threshold),
                        report.median_wait_days if report else None, use, goals))
    return {"rows": rows, "total_participants": Figure(total_p, threshold), "total_queue": Figure(total_q, threshold),
            "contracts": list(contracts_needing_decision(association, today)), "since": since,
            "has_queue": any(row.queue.value != 0 for row in rows),
            "participants_chart": _capacity_chart(rows), "queue_chart": _queue_chart(rows),
            "survey": latest_survey(association, today)}


def latest_survey(association, today):
    """This year's survey results, or last year's early in a year when nobody has answered yet."""
    return survey_summary(association, today.year) or survey_summary(association, today.year - 1)


SCRIPT = re.compile(r"<script\b.*?</script>", re.S)


def _render(chart):
    # pygal always embeds its tooltip configuration as a script; the page works without JavaScript, so drop it.
    return SCRIPT.sub("", chart.render(is_unicode=True))


def _config(**extra):
    return dict(style=CHART_STYLE, js=[], disable_xml_declaration=True, show_legend=True, legend_at_bottom=True,
                print_values=False, width=800, height=max(220, 60 + 50 * extra.pop("rows", 1)), **extra)


def _capacity_chart(rows):
    return _bar_chart("Deltagare nu och platser samtidigt", tuple(row.intervention.name for row in rows),
                      (("Deltagare nu", tuple(row.participants.value for row in rows)),
                       ("Platser samtidigt", tuple(row.intervention.capacity_at_once for row in rows))))


def _queue_chart(rows):
    return _bar_chart("Kö vid senaste månadens slut", tuple(row.intervention.name for row in rows),
                      (("Personer i kö", tuple(row.queue.value for row in rows)),))


@lru_cache(maxsize=256)
def _bar_chart(title, labels, series):
    """Drawing the SVG is most of the dashboard's time (bench/followup.py), and the figures change only when a month
    is reported: the same title, labels and (already suppressed) values give the same chart, so it is drawn once."""
    chart = pygal.HorizontalBar(**_config(rows=len(labels), title=title))
    chart.x_labels = list(labels)
    for name, values in series:
        chart.add(name, list(values))
    return _render(chart)
