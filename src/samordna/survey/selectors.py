"""Reads for the survey: results with small groups suppressed (rules/privacy.py).

Suppression happens at two levels. First the number of responses per distribution and quarter
is suppressed as a two-way table with its totals, so a small quarter cannot be recovered as the
year minus the other quarters. Only a group whose count is published (and at least the
threshold) shows its answers; inside it, each question's answer counts are suppressed again.
A mean is shown only when no answer count of that question is hidden: together with the counts
it is one more equation that could give the hidden ones away.
"""
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from samordna.rules.privacy import suppress, suppress_table

from .models import Answer, Distribution, Question, Response

QUARTERS = (1, 2, 3, 4)


@dataclass
class Overview:
    rows: list  # [(distribution, [count or None per quarter], row total or None)]
    quarter_totals: list
    total: int | None
    threshold: int


@dataclass
class QuestionResult:
    question: Question
    answered: int | None
    rows: list = field(default_factory=list)  # [(label, count or None, percent or None)]
    mean: float | None = None
    comments: list = field(default_factory=list)
    too_few: bool = False


@dataclass
class Results:
    overview: Overview
    group_count: int | None  # published count of the selected group
    shown: bool
    questions: list


def years_with_answers(questionnaire) -> list[int]:
    years = Response.objects.filter(distribution__questionnaire=questionnaire).values_list("year", flat=True)
    return sorted(set(years), reverse=True)


def overview(questionnaire, year: int) -> Overview:
    threshold = questionnaire.min_group
    distributions = list(Distribution.objects.filter(questionnaire=questionnaire).select_related("intervention"))
    counts = Counter(Response.objects.filter(distribution__questionnaire=questionnaire, year=year)
                     .values_list("distribution_id", "quarter"))
    table = {(d.pk, q): counts.get((d.pk, q), 0) for d in distributions for q in QUARTERS}
    if not table:
        return Overview([], [None] * 4, 0, threshold)
    result = suppress_table(table, threshold=threshold)
    rows = [(d, [result.cells[(d.pk, q)] for q in QUARTERS], result.row_totals[d.pk]) for d in distributions]
    return Overview(rows, [result.col_totals[q] for q in QUARTERS], result.grand_total, threshold)


def _group_count(view: Overview, distribution_id, quarter):
    if distribution_id is None:
        return view.total if quarter is None else view.quarter_totals[quarter - 1]
    for d, cells, total in view.rows:
        if d.pk == distribution_id:
            return total if quarter is None else cells[quarter - 1]
    return None


def _percent(count, base):
    return None if count is None or not base else round(100 * count / base)


def _question_result(question, answers, threshold, with_comments) -> QuestionResult:
    respondents = {a.response_id for a in answers}
    answered = len(respondents)
    result = QuestionResult(question, answered)
    if question.kind == Question.Kind.TEXT:
        texts = [a for a in answers if a.text]
        # Comments are staff-only; their number is a count like any other.
        result.answered = None if 0 < len(texts) < threshold else len(texts)
        if with_comments:
            result.comments = sorted(texts, key=lambda a: a.text)
        return result
    if 0 < answered < threshold:
        result.answered, result.too_few = None, True
        return result
    if question.kind == Question.Kind.SCALE:
        options = [(str(n), str(n)) for n in range(1, 6)]
        options[0] = ("1", f"1 – {question.low_label}" if question.low_label else "1")
        options[-1] = ("5", f"5 – {question.high_label}" if question.high_label else "5")
        tally = Counter(str(a.number) for a in answers)
    elif question.kind == Question.Kind.YES_NO:
        options = [("1", "Ja"), ("0", "Nej")]
        tally = Counter(str(a.number) for a in answers)
    else:
        options = question.options()
        tally = Counter(a.choice for a in answers)
    cells = {code: tally.get(code, 0) for code, _ in options}
    if question.kind == Question.Kind.MULTIPLE:
        # Options overlap (one person may tick several), so they add up to no total: hide the small ones.
        published = {k: (None if 0 < v < threshold else v) for k, v in cells.items()}
    else:
        published = suppress(cells, threshold=threshold, total=answered)
        if published.total is None:
            result.answered, result.too_few = None, True
            return result
    result.rows = [(label, published[code], _percent(published[code], answered)) for code, label in options]
    if question.kind == Question.Kind.SCALE and None not in published.values() and answered:
        result.mean = sum(int(k) * v for k, v in cells.items()) / answered
    return result


def results(questionnaire, year: int, quarter: int | None = None, distribution_id: int | None = None,
            with_comments: bool = False) -> Results:
    view = overview(questionnaire, year)
    count = _group_count(view, distribution_id, quarter)
    shown = count is not None and count >= view.threshold
    questions = []
    if shown:
        responses = Response.objects.filter(distribution__questionnaire=questionnaire, year=year)
        if quarter:
            responses = responses.filter(quarter=quarter)
        if distribution_id:
            responses = responses.filter(distribution_id=distribution_id)
        by_key = defaultdict(list)
        for answer in Answer.objects.filter(response__in=responses).select_related("question"):
            by_key[answer.question.key].append(answer)
        # Answers stay tied to their version; results follow the question's code across versions,
        # worded as in the newest version that has it.
        latest = {}
        for q in Question.objects.filter(version__questionnaire=questionnaire).order_by("version__number", "order"):
            latest[q.key] = q
        ordered = sorted(latest.values(), key=lambda q: q.order)
        questions = [_question_result(q, by_key.get(q.key, []), view.threshold, with_comments) for q in ordered]
    return Results(view, count, shown, questions)


def goal_outcome(intervention, key: str = "halsa", year: int | None = None, agree_from: int = 4):
    """For the interventions' goals: (reached, asked) for a 1–5 question, e.g. "andel som upplever
    förbättrad hälsa" = answers of 4 or 5. None when the group is below the threshold.

    Counts over every distribution of the intervention (all its questionnaires); the strictest
    threshold of those questionnaires applies, and never less than the default 5.
    """
    answers = Answer.objects.filter(response__distribution__intervention=intervention, question__key=key,
                                    question__kind=Question.Kind.SCALE, number__isnull=False)
    if year is not None:
        answers = answers.filter(response__year=year)
    numbers = list(answers.values_list("number", flat=True))
    thresholds = Distribution.objects.filter(intervention=intervention).values_list("questionnaire__min_group",
                                                                                    flat=True)
    threshold = max([5, *thresholds])
    if not numbers:
        return None
    reached = sum(1 for n in numbers if n >= agree_from)
    published = suppress({"reached": reached, "other": len(numbers) - reached}, threshold=threshold)
    if published.total is None or None in published.values():
        return None
    return reached, len(numbers)


def export_rows(questionnaire, year: int):
    """Suppressed counts per distribution, quarter, question and answer, for the CSV export."""
    rows = []
    view = overview(questionnaire, year)
    for d, cells, _total in view.rows:
        for quarter, count in zip(QUARTERS, cells):
            if count is None or count < view.threshold:
                continue
            for r in results(questionnaire, year, quarter, d.pk).questions:
                for label, value, _percent in r.rows:
                    rows.append((year, quarter, d.title, r.question.key, r.question.text, label, value))
    return rows
