"""Reads: which interventions a user sees, contracts awaiting a decision, the follow-up of a period, the catalogue."""
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.db.models import Q

from samordna.accounts.models import EDITOR_ROLES, AssociationRole
from samordna.rules import followup
from samordna.rules.privacy import DEFAULT_THRESHOLD, display, suppress

from . import joint_periods, period_data
from .models import Contract, ExitReason, FollowUpSettings, Intervention, PeriodLock, ReporterAssignment

DECISION_HORIZON_DAYS = 90
FLOW_KEY = {"participants_end": "end", "started": "started", "ended": "ended"}


def is_staff(user, association):
    """The association's own staff (editors) see exact counts; everyone else sees small counts as "<5"."""
    if user.is_superuser:
        return True
    roles = set(AssociationRole.objects.filter(user=user, association=association).values_list("role", flat=True))
    return bool(roles & EDITOR_ROLES)


def only_reporter(user, association):
    if user.is_superuser:
        return False
    roles = set(AssociationRole.objects.filter(user=user, association=association).values_list("role", flat=True))
    return roles == {AssociationRole.Role.REPORTER}


def threshold_for(association):
    return FollowUpSettings.objects.filter(association=association).values_list("threshold", flat=True).first() or DEFAULT_THRESHOLD


def visible_interventions(user, association):
    """A user who is only a reporter sees the interventions assigned to them; other roles see all."""
    qs = Intervention.objects.filter(association=association).select_related("orientation")
    if only_reporter(user, association):
        qs = qs.filter(id__in=ReporterAssignment.objects.filter(user=user).values("intervention"))
    return qs


def contracts_needing_decision(association, today, days=DECISION_HORIZON_DAYS):
    """Undecided contracts whose decide-by date is within `days` (or already passed), soonest first."""
    return (Contract.objects.filter(intervention__association=association, decided=False, decide_by__isnull=False,
                                    decide_by__lte=today + timedelta(days=days))
            .select_related("intervention").order_by("decide_by"))


def locked_months(association):
    return set(PeriodLock.objects.filter(association=association).values_list("month", flat=True))


@dataclass
class Figure:
    """A count as shown: `text` is "<5" when hidden."""
    value: int | None
    threshold: int = DEFAULT_THRESHOLD

    @property
    def text(self):
        return display(self.value, self.threshold)

    @property
    def hidden(self):
        return self.value is None


@dataclass
class FollowUp:
    intervention: Intervention
    period: followup.Period
    staff: bool
    months_reported: int = 0
    figures: dict = field(default_factory=dict)  # start, started, ended, end, served, queue → Figure
    median_wait_days: int | None = None
    capacity_use: Decimal | None = None
    average_participants: Decimal | None = None
    cost_per_participant: int | None = None
    budget: int | None = None
    exits: list = field(default_factory=list)  # (name, positive, Figure, percent or None)
    goals: list = field(default_factory=list)  # (goal, verdict)
    balance: list = field(default_factory=list)  # (dimension label, rows [(category, [Figure × 3])], totals)
    referrals: list = field(default_factory=list)  # (member name, Figure)
    positive_share: Decimal | None = None  # % of the ended who ended positively, when it can be shown


def _published(cells, total, staff, threshold, total_hidden=False):
    """A one-way table as shown. When its total must stay hidden (see _flow), every non-zero cell is hidden too,
    since published cells would add up to it."""
    if staff:
        return {k: Figure(v, threshold) for k, v in cells.items()}, Figure(total, threshold)
    if total_hidden:
        return {k: Figure(0 if v == 0 else None, threshold) for k, v in cells.items()}, Figure(None, threshold)
    result = suppress(cells, threshold=threshold, total=total)
    return {k: Figure(v, threshold) for k, v in result.items()}, Figure(result.total, threshold)


def _flow(summary, staff, threshold, flows_hidden=False):
    """The period's stocks and flows. Outside the staff view they obey start + started − ended = end, where start is
    the previous period's (published) end: if any of the four is small, both flows are hidden, so that no hidden
    figure follows from the others; `served` (= start + started) is hidden with them. `flows_hidden` says that the
    joint suppression over the year's overlapping periods (joint_periods) hides this period's flows as well."""
    values = {"start": summary.participants_start, "started": summary.started, "ended": summary.ended,
              "end": summary.participants_end, "served": summary.served}
    if staff:
        return {k: Figure(v, threshold) for k, v in values.items()}

    def small(value):
        return 0 < value < threshold

    hidden = {k for k in ("start", "end") if small(values[k])}
    if hidden or small(summary.started) or small(summary.ended) or flows_hidden:
        hidden |= {"started", "ended", "served"}
    return {k: Figure(None if k in hidden else v, threshold) for k, v in values.items()}


def budget_for_year(intervention, year):
    lines = [line for line in intervention.budget_lines.all() if line.year == year]
    whole = [line.amount for line in lines if line.municipality_id is None]
    return whole[0] if whole else (sum(line.amount for line in lines) if lines else None)


def follow_up(intervention, period, *, staff, threshold=DEFAULT_THRESHOLD):
    return follow_ups([intervention], period, staff=staff, threshold=threshold)[0]


def follow_ups(interventions, period, *, staff, threshold=DEFAULT_THRESHOLD):
    """The follow-up of one period for each intervention, in the order given, from one batch of grouped queries
    (period_data.load) instead of a set of queries per intervention. Prefetch goals and budget_lines for a batch."""
    interventions = list(interventions)
    data = period_data.load([i.pk for i in interventions], period)
    reasons = defaultdict(list)
    for reason in ExitReason.objects.filter(association__in={i.association_id for i in interventions}):
        reasons[reason.association_id].append(reason)
    joint = {} if staff else joint_periods.flows_hidden(list(data.by_intervention), period, threshold)
    return [_follow_up(i, period, data.by_intervention.get(i.pk), data.goal_outcomes, reasons[i.association_id],
                       staff=staff, threshold=threshold, flows_hidden=joint.get(i.pk, False)) for i in interventions]


def _follow_up(intervention, period, data, goal_outcomes, reasons, *, staff, threshold, flows_hidden=False):
    result = FollowUp(intervention, period, staff)
    if data is None:
        return result
    months = data.months
    summary = followup.summarise(months, data.previous_end)
    result.months_reported = summary.months_reported
    flow = _flow(summary, staff, threshold, flows_hidden)
    queue, _ = _published({"queue": summary.queue_end}, summary.queue_end, staff, threshold)
    result.figures = flow | {"queue": queue["queue"]}
    result.median_wait_days = summary.median_wait_days
    # The average of the month-end counts would give away a small month, so it needs every month above the threshold.
    if staff or all(m.participants_end == 0 or m.participants_end >= threshold for m in months):
        result.average_participants = summary.average_participants
        if intervention.capacity_at_once:
            result.capacity_use = (summary.average_participants * 100 / intervention.capacity_at_once).quantize(Decimal("1"))
    yearly = budget_for_year(intervention, period.year)
    if yearly is not None:
        result.budget = int(Decimal(yearly) * len(period.months) / 12)
        if summary.served and not flow["served"].hidden:
            result.cost_per_participant = round(result.budget / summary.served)

    exit_totals = data.exits
    cells, _ = _published({r.pk: exit_totals.get(r.pk, 0) for r in reasons}, summary.ended, staff, threshold,
                          total_hidden=flow["ended"].hidden)
    for reason in reasons:
        shown = cells[reason.pk]
        pct = None if shown.hidden else followup.percent(shown.value, summary.ended)
        if exit_totals.get(reason.pk) or staff:
            result.exits.append((reason.name, reason.positive, shown, pct))

    positive = [fig for _, is_positive, fig, _ in result.exits if is_positive]
    if summary.ended and not flow["ended"].hidden and not any(fig.hidden for fig in positive):
        result.positive_share = followup.percent(sum(fig.value or 0 for fig in positive), summary.ended)

    for goal in intervention.goals.all():
        reached, asked = goal_outcomes.get(goal.pk, (0, 0))
        verdict = followup.goal_verdict(goal.comparison, goal.target, goal.unit, reached, asked)
        if not staff and asked:
            split = suppress({"reached": reached, "not": asked - reached}, threshold=threshold, total=asked)
            if None in split.values() or split.total is None:
                verdict = followup.GoalVerdict("none", "Visas inte", f"För få svar för att visa utfallet utan risk att "
                                                                     f"enskilda känns igen (färre än {threshold}).")
        result.goals.append((goal, verdict))

    for dimension, label, categories in followup.DIMENSIONS:
        columns = []
        for measure, _ in followup.MEASURES:
            total = months[-1].participants_end if measure == "participants_end" else getattr(summary, measure)
            stored = data.cells(measure, dimension)
            cells = {key: stored.get(key, 0) for key, _ in categories}
            columns.append(_published(cells, total, staff, threshold, total_hidden=flow[FLOW_KEY[measure]].hidden))
        rows = [(cat_label, [columns[i][0][key] for i in range(len(columns))]) for key, cat_label in categories]
        result.balance.append((label, rows, [column[1] for column in columns]))

    if data.referrals:
        cells, _ = _published(dict(data.referrals), sum(data.referrals.values()), staff, threshold)
        result.referrals = sorted(((data.referral_names[k], v) for k, v in cells.items()), key=lambda item: item[0])
    return result


def period_overview(association, period, *, staff, member=None, threshold=DEFAULT_THRESHOLD):
    """Every intervention's follow-up for one period, optionally only those a Member owns or that serve it.

    Each row is suppressed as on the intervention's own page; outside the staff view no column totals are shown,
    since a total would let a hidden row be worked out."""
    qs = Intervention.objects.filter(association=association).prefetch_related("goals", "budget_lines")
    if member is not None:
        qs = qs.filter(Q(owners=member) | Q(municipalities=member)).distinct()
    rows = follow_ups(qs.order_by("name"), period, staff=staff, threshold=threshold)
    totals = None
    if staff:
        totals = {key: sum(r.figures[key].value for r in rows if key in r.figures)
                  for key in ("start", "started", "ended", "end", "served", "queue")}
    return rows, totals


def catalogue(association, query=""):
    """The public catalogue: published interventions matching every word of the query."""
    qs = (Intervention.objects.filter(association=association, published=True)
          .select_related("orientation").prefetch_related("municipalities", "owners"))
    for word in query.split()[:8]:
        qs = qs.filter(Q(name__icontains=word) | Q(description__icontains=word) | Q(target_group__icontains=word)
                       | Q(provider__icontains=word) | Q(place__icontains=word) | Q(orientation__name__icontains=word)
                       | Q(municipalities__name__icontains=word)).distinct()
    return qs.order_by("name")
