"""Reads for the internal control plan: the matrix in force, the risk table with values, the heat map."""
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count

from samordna.board.models import Meeting, Paragraph, Person
from samordna.rules import risk as rules

from .models import ControlPlan, ControlSettings, FollowUp

LEVEL_COLOURS = {rules.LOW: "#c8e6c9", rules.MEDIUM: "#fff1a6", rules.HIGH: "#ffcc80", rules.VERY_HIGH: "#f4a09c"}


def settings_for(association):
    """The association's matrix; an unsaved default (4 × 4) until it has chosen one."""
    try:
        return ControlSettings.objects.get(association=association)
    except ControlSettings.DoesNotExist:
        return ControlSettings(association=association)


def current_assessment(risk):
    """(probability, consequence) after the latest follow-up that reassessed the risk, else as planned."""
    for follow_up in sorted(risk.follow_ups.all(), key=lambda f: (f.date, f.pk), reverse=True):
        if follow_up.new_probability is not None:
            return follow_up.new_probability, follow_up.new_consequence
    return risk.probability, risk.consequence


@dataclass
class RiskRow:
    number: int
    risk: object
    planned: rules.RiskValue
    current: rules.RiskValue
    current_probability: int
    current_consequence: int
    latest: object
    change: rules.Change | None
    follow_ups: list = field(default_factory=list)


def _inside(value, size):
    # The services keep every value inside the matrix; a row changed behind their back (admin, SQL) is shown
    # at the matrix edge rather than breaking the page.
    return min(max(value, 1), size)


def plan_rows(plan, settings):
    size = settings.matrix_size
    risks = plan.risks.select_related("responsible").prefetch_related("follow_ups")
    rows = []
    for number, risk in enumerate(risks, start=1):
        before = rules.Assessment(_inside(risk.probability, size), _inside(risk.consequence, size), size)
        probability, consequence = (_inside(value, size) for value in current_assessment(risk))
        after = rules.Assessment(probability, consequence, size)
        change = rules.change(before, after) if after != before else None
        follow_ups = sorted(risk.follow_ups.all(), key=lambda f: (f.date, f.pk))
        rows.append(RiskRow(number, risk, rules.evaluate(before), rules.evaluate(after), probability, consequence,
                            follow_ups[-1] if follow_ups else None, change, follow_ups))
    return rows


def heat_map(rows, settings, *, cell=88, left=170, top=12, bottom=84):
    """Geometry and content of the SVG heat map: rows are probabilities (highest on top), columns consequences."""
    size = settings.matrix_size
    by_cell = {}
    for row in rows:
        by_cell.setdefault((row.current_probability, row.current_consequence), []).append(row.number)
    probability_labels, consequence_labels = settings.probability_steps, settings.consequence_steps
    cells = []
    for r, matrix_row in enumerate(rules.matrix(size)):
        for c, square in enumerate(matrix_row):
            numbers = by_cell.get((square.probability, square.consequence), [])
            cells.append({
                "x": left + c * cell, "y": top + r * cell, "size": cell, "fill": LEVEL_COLOURS[square.level],
                "score": square.score, "level": rules.LEVEL_LABELS[square.level], "numbers": numbers,
                "text": ", ".join(f"R{n}" for n in numbers), "cx": left + c * cell + cell / 2, "cy": top + r * cell + cell / 2,
                "probability": square.probability, "consequence": square.consequence,
            })
    rows_axis = [{"y": top + r * cell + cell / 2, "label": f"{p} {probability_labels[p - 1]}"}
                 for r, p in enumerate(range(size, 0, -1))]
    columns_axis = [{"x": left + c * cell + cell / 2, "label": consequence_labels[c], "step": c + 1,
                     "lines": _wrap(consequence_labels[c])} for c in range(size)]
    table = [{"label": rows_axis[r]["label"], "cells": cells[r * size:(r + 1) * size]} for r in range(size)]
    width, height = left + size * cell + 8, top + size * cell + bottom
    placed = [{"number": row.number, "title": row.risk.title, "probability": row.current_probability,
               "consequence": row.current_consequence, "score": row.current.score, "level": row.current.label}
              for row in rows]
    return {"cells": cells, "rows": rows_axis, "columns": columns_axis, "width": width, "height": height,
            "grid_bottom": top + size * cell, "grid_middle_x": left + size * cell / 2, "axis_y": top + size * cell + 66,
            "axis_x": 18, "grid_middle_y": top + size * cell / 2, "size": size, "placed": placed, "table": table,
            "legend": [{"label": rules.LEVEL_LABELS[level], "fill": LEVEL_COLOURS[level], "values": values}
                       for level, values in rules.band_ranges(size).items() if values]}


def _wrap(label, width=13):
    """Split a long axis label over two lines so it stays inside its column."""
    if len(label) <= width or " " not in label:
        return [label]
    head, _, tail = label.rpartition(" ")
    return [head, tail]


def status_summary(rows):
    """How many risks have each status at their latest follow-up (and how many have none yet)."""
    counts = {label: 0 for _, label in FollowUp.Status.choices}
    missing = 0
    for row in rows:
        if row.latest is None:
            missing += 1
        else:
            counts[row.latest.get_status_display()] += 1
    return {"counts": counts, "missing": missing}


def plans_overview(association):
    return (ControlPlan.objects.filter(association=association)
            .annotate(risk_count=Count("risks", distinct=True), follow_up_count=Count("risks__follow_ups"))
            .select_related("adopted_at__meeting__body", "reported_at__meeting__body").order_by("-year"))


def paragraphs_for(association, year):
    """Paragraphs a plan of this year can refer to: from the year before to the year after."""
    return (Paragraph.objects.filter(meeting__body__association=association, meeting__date__year__gte=year - 1,
                                     meeting__date__year__lte=year + 1)
            .select_related("meeting__body").order_by("-meeting__date", "number", "sub"))


def people_for(association):
    return Person.objects.filter(association=association).order_by("name")


def coming_meetings(association, today=None):
    today = today or date.today()
    return (Meeting.objects.filter(body__association=association, date__gte=today)
            .exclude(protocol_status=Meeting.ProtocolStatus.ADJUSTED).select_related("body").order_by("date", "start"))
