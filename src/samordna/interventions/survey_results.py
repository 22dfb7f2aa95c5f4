"""The exit survey's results per intervention, for the board's dashboard and the half-year and annual reports.

Only figures the survey's own results page publishes are used (survey.selectors.results for one distribution and a
year or a quarter): the survey suppresses the response counts per distribution and quarter jointly with their totals,
and each question's answer counts again inside a group large enough to show. A half-year is therefore shown as its
two quarters, never as their sum: a sum of two quarters beside the published year would let a hidden quarter be
worked out. The share that agrees (4 or 5 on the 1–5 scale, or "Ja") is computed from published counts only, so it
is shown only when both counts behind it are.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from samordna.survey import selectors as survey
from samordna.survey.models import Distribution, Question, Response

OUTCOME_KINDS = (Question.Kind.SCALE, Question.Kind.YES_NO)
AGREE_CODES = {Question.Kind.SCALE: ("4", "5"), Question.Kind.YES_NO: ("1",)}
TOO_FEW = "Visas inte"
NO_ANSWERS = "–"


@dataclass
class SurveyRow:
    intervention: object
    distribution: Distribution
    period: str  # "2025" or "kvartal 2 2025"
    responses: int | None  # published number of responses (None: hidden)
    shares: dict = field(default_factory=dict)  # question key → share agreeing in % (None: not shown)
    shown: bool = False  # the group is large enough for the answers to be shown
    cells: list = field(default_factory=list)  # the shares as text, in the summary's column order
    unanswered: set = field(default_factory=set)  # question keys nobody in the group answered ("–", not hidden)


@dataclass
class SurveySummary:
    year: int
    columns: list  # [(question key, question text)] of the outcome questions, in questionnaire order
    rows: list  # SurveyRow
    thresholds: list  # the questionnaires' smallest groups

    @property
    def threshold_text(self):
        values = sorted(set(self.thresholds))
        return " eller ".join(str(v) for v in values)


def _share(result):
    """% agreeing from the published rows; None when the group is too small or a count behind it is hidden."""
    if result is None or result.too_few or not result.answered:
        return None
    kind = result.question.kind
    # survey.selectors lists a scale's rows as 1…5 and a yes/no question's as Ja, Nej.
    codes = [str(n) for n in range(1, 6)] if kind == Question.Kind.SCALE else ["1", "0"]
    by_code = {code: count for code, (_label, count, _percent) in zip(codes, result.rows)}
    counts = [by_code.get(code) for code in AGREE_CODES[kind]]
    if any(count is None for count in counts):
        return None
    return round(100 * sum(counts) / result.answered)


def survey_summary(association, year, *, quarters=None, interventions=None) -> SurveySummary | None:
    """Results per distribution of the association's interventions (or the given ones) for `year`, or for each of
    `quarters` separately; None when no distribution of those interventions has an answer that year."""
    distributions = Distribution.objects.filter(association=association, intervention__isnull=False)
    if interventions is not None:
        distributions = distributions.filter(intervention__in=[i.pk for i in interventions])
    answered = set(Response.objects.filter(distribution__in=distributions, year=year)
                   .values_list("distribution_id", flat=True).distinct())
    if not answered:
        return None
    chosen = [d for d in distributions.select_related("questionnaire", "intervention").order_by("intervention__name", "pk")
              if d.pk in answered]
    columns, rows = {}, []
    for distribution in chosen:
        for quarter in quarters or [None]:
            result = survey.results(distribution.questionnaire, year, quarter, distribution.pk)
            label = str(year) if quarter is None else f"kvartal {quarter} {year}"
            row = SurveyRow(distribution.intervention, distribution, label, result.group_count, shown=result.shown)
            for item in result.questions:
                question = item.question
                if question.kind not in OUTCOME_KINDS or question.background:
                    continue
                columns.setdefault(question.key, question.text)
                if item.answered == 0:
                    row.unanswered.add(question.key)
                row.shares[question.key] = _share(item)
            rows.append(row)
    for row in rows:
        row.cells = [NO_ANSWERS if key in row.unanswered else share_text(row.shares.get(key)) for key in columns]
    return SurveySummary(year, list(columns.items()), rows, [d.questionnaire.min_group for d in chosen])


def share_text(value):
    return TOO_FEW if value is None else f"{value} %"
