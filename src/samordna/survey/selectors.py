"""Reads for the survey: results with small groups suppressed (rules/privacy.py).

Suppression happens at two levels. First the number of responses per distribution and quarter
is suppressed as a two-way table with its totals, so a small quarter cannot be recovered as the
year minus the other quarters. Only a group whose count is published (and at least the
threshold) shows its answers; inside it, everything published about the group is suppressed
together: each question's answer counts, the number who answered, the 4–5 totals and the
cross-tables of outcome by background band (`rules.privacy_linked.suppress_survey`). A cross-table's
margins are the one-way counts themselves, so a hidden cell can be worked out neither from its
row and column totals nor from the one-way tables. A mean is shown only when no answer count of
that question is hidden: together with the counts it is one more equation that could give the
hidden ones away.

For other apps: `results()` (one distribution or all, a quarter or the year),
`intervention_summary()` (an intervention's distributions, one year) and `goal_outcome()`.
"""
from collections import Counter, defaultdict, namedtuple
from dataclasses import dataclass, field

from samordna.rules.privacy import suppress, suppress_table
from samordna.rules.privacy_linked import SKIPPED, suppress_survey

from .models import Answer, Distribution, Question, Questionnaire, Response

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
    agree: int | None = None  # outcome questions: published number answering 4–5 (or Ja)
    agree_percent: int | None = None  # of those who answered the question; None when a figure is hidden


@dataclass
class Results:
    overview: Overview
    group_count: int | None  # published count of the selected group
    shown: bool
    questions: list
    cross: list = field(default_factory=list)  # CrossTable: outcome by background band


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


# Outcome questions are crossed with every background question; a 1–5 scale in two classes,
# "4–5" (the goal's "andel som upplever förbättrad hälsa") and "1–3", so the cells stay large.
SCALE_CLASSES = {"4-5": ["4", "5"], "1-3": ["1", "2", "3"]}
CLASS_LABELS = {"4-5": "Svar 4–5", "1-3": "Svar 1–3", "1": "Ja", "0": "Nej", SKIPPED: "Ej svarat"}
LINKED_KINDS = (Question.Kind.SCALE, Question.Kind.YES_NO, Question.Kind.SINGLE)


@dataclass
class CrossTable:
    """One outcome question by one background question, suppressed jointly with everything else."""
    outcome: Question
    background: Question
    columns: list  # [(class code, label)]
    rows: list  # [(band label, [count or None per column], row total or None, share or None)]
    totals: list  # [count or None per column]
    total: int | None
    share_label: str = ""


def _latest_questions(questionnaire) -> dict:
    """{code: question} worded as in the newest version that has the code, in questionnaire order."""
    latest = {}
    for q in Question.objects.filter(version__questionnaire=questionnaire).order_by("version__number", "order"):
        latest[q.key] = q
    return dict(sorted(latest.items(), key=lambda item: item[1].order))


def _option_codes(questionnaire, question, versions=None) -> list[tuple[str, str]]:
    """(code, label) of a question's answers; choices only older versions had come last. `versions`: the
    questionnaire's questions by code, newest version first, when the caller has read them already."""
    if question.kind == Question.Kind.SCALE:
        options = [(str(n), str(n)) for n in range(1, 6)]
        options[0] = ("1", f"1 – {question.low_label}" if question.low_label else "1")
        options[-1] = ("5", f"5 – {question.high_label}" if question.high_label else "5")
        return options
    if question.kind == Question.Kind.YES_NO:
        return [("1", "Ja"), ("0", "Nej")]
    options = question.options()
    seen = {code for code, _ in options}
    if versions is None:
        versions = _questions_by_code(questionnaire)
    for older in versions.get(question.key, []):
        for code, label in older.options():
            if code not in seen:
                options.append((code, label))
                seen.add(code)
    return options


def _questions_by_code(questionnaire) -> dict:
    """{code: [question in each version that has it, newest first]}."""
    result = defaultdict(list)
    for q in Question.objects.filter(version__questionnaire=questionnaire).order_by("-version__number", "order"):
        result[q.key].append(q)
    return result


# An answer as the results read it: plain values, not a model instance (a group's answers are thousands of rows).
AnswerRow = namedtuple("AnswerRow", "pk response_id key kind number choice text")


def _answer_rows(responses):
    rows = Answer.objects.filter(response__in=responses).order_by("id").values_list(
        "pk", "response_id", "question__key", "question__kind", "number", "choice", "text")
    return map(AnswerRow._make, rows)


def _answer_value(answer):
    return answer.choice if answer.kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE) else \
        (None if answer.number is None else str(answer.number))


def _percent_of(count, base):
    return None if count is None or not base else round(100 * count / base)


@dataclass
class Group:
    """Everything published about one group of responses (see `_group_results`)."""
    total: int | None
    questions: list
    cross: list
    tables: object  # rules.privacy_linked.LinkedTables
    codes: dict  # question code -> answer codes in the tables


def _group_results(questionnaire, latest, responses, threshold, with_comments) -> Group:
    """QuestionResults and CrossTables for one group, every published figure suppressed together."""
    by_key = defaultdict(list)
    records = defaultdict(dict)
    linked = {k: q for k, q in latest.items() if q.kind in LINKED_KINDS}
    count = responses.count()
    for answer in _answer_rows(responses):
        key = answer.key
        by_key[key].append(answer)
        if key in linked and answer.kind == linked[key].kind:
            value = _answer_value(answer)
            if value is not None:
                records[answer.response_id][key] = value
    versions = _questions_by_code(questionnaire)
    options = {k: _option_codes(questionnaire, q, versions) for k, q in linked.items()}
    codes = {k: [code for code, _ in opts] for k, opts in options.items()}
    # An answer whose code no version offers any longer cannot be placed in a table: left out.
    rows = [{k: v for k, v in record.items() if v in codes[k]} for record in records.values()]
    rows += [{} for _ in range(count - len(records))]  # answered only free text or multiple choice
    outcomes = [k for k, q in linked.items() if q.kind in (Question.Kind.SCALE, Question.Kind.YES_NO)
                and not q.background]
    backgrounds = [k for k, q in linked.items() if q.kind == Question.Kind.SINGLE and q.background]
    classes = {k: SCALE_CLASSES for k in outcomes if linked[k].kind == Question.Kind.SCALE}
    crosses = [(o, b) for o in outcomes for b in backgrounds]
    tables = suppress_survey(rows, codes, threshold, crosses=crosses, classes=classes)

    questions = []
    for key, question in latest.items():
        answers = by_key.get(key, [])
        if key in linked:
            questions.append(_linked_result(question, options[key], tables, threshold, answers))
        else:
            questions.append(_other_result(question, answers, threshold, with_comments))
    cross = [_cross_table(linked[o], linked[b], options[b], tables.cross[(o, b)], classes.get(o))
             for o, b in crosses]
    return Group(tables.total, questions, cross, tables, codes)


def _linked_result(question, options, tables, threshold, answers) -> QuestionResult:
    published = tables.one_way[question.key]
    answered = len({a.response_id for a in answers})
    result = QuestionResult(question, published.total)
    if 0 < answered < threshold:
        result.answered, result.too_few = None, True
        return result
    base = published.total
    result.rows = [(label, published[code], _percent_of(published[code], base)) for code, label in options]
    if question.kind == Question.Kind.SCALE and base and None not in published.values():
        result.mean = sum(int(code) * published[code] for code, _ in options) / base
    agree_code = {"scale": "4-5", "yes_no": "1"}.get(question.kind)
    if agree_code and not question.background:
        result.agree = tables.classes[question.key][agree_code]
        result.agree_percent = _percent_of(result.agree, base)
    return result


def _other_result(question, answers, threshold, with_comments) -> QuestionResult:
    """Free text and multiple choice: outside the linked tables (they add up to no shared total)."""
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
    tally = Counter(a.choice for a in answers)
    # Options overlap (one person may tick several): an option is hidden when those who ticked it,
    # or those who answered the question but did not tick it, are a small group.
    rows = []
    for code, label in question.options():
        ticked = tally.get(code, 0)
        small = 0 < ticked < threshold or 0 < answered - ticked < threshold
        rows.append((label, None if small else ticked, None if small else _percent_of(ticked, answered)))
    result.rows = rows
    return result


def _cross_table(outcome, background, band_options, table, classes) -> CrossTable:
    kinds = [*(classes or {"1": None, "0": None}), SKIPPED]
    columns = [(k, CLASS_LABELS.get(k, k)) for k in kinds]
    rows = []
    for code, label in [*band_options, (SKIPPED, "Ej svarat")]:
        cells = [table.cells[(code, k)] for k in kinds]
        first, second = cells[0], cells[1]
        share = None if first is None or second is None or not first + second else round(
            100 * first / (first + second))
        rows.append((label, cells, table.row_totals[code], share))
    share_label = "Andel 4–5" if classes else "Andel ja"
    return CrossTable(outcome, background, columns, rows, [table.col_totals[k] for k in kinds], table.grand_total,
                      share_label)


def _responses(questionnaire, year, quarter=None, distribution_ids=None):
    responses = Response.objects.filter(distribution__questionnaire=questionnaire, year=year)
    if quarter:
        responses = responses.filter(quarter=quarter)
    if distribution_ids is not None:
        responses = responses.filter(distribution_id__in=list(distribution_ids))
    return responses


def results(questionnaire, year: int, quarter: int | None = None, distribution_id: int | None = None,
            with_comments: bool = False) -> Results:
    """What the results page publishes for one group (a distribution or all, a quarter or the year).

    The group's count comes from the overview; inside a group that is shown, the one-way table
    of every question, the 4–5 totals and the cross-tables of outcome by background band are
    suppressed together (`rules.privacy_linked.suppress_survey`), so no hidden figure of one table can
    be worked out from another. Each QuestionResult's rows are the question's answers in order
    (1…5 for a scale, Ja then Nej for yes/no), `answered` the published number who answered.
    """
    view = overview(questionnaire, year)
    count = _group_count(view, distribution_id, quarter)
    shown = count is not None and count >= view.threshold
    questions, cross = [], []
    if shown:
        ids = None if distribution_id is None else [distribution_id]
        group = _group_results(questionnaire, _latest_questions(questionnaire),
                               _responses(questionnaire, year, quarter, ids), view.threshold, with_comments)
        total, questions, cross = group.total, group.questions, group.cross
        if total is None:  # the group count itself had to go: show nothing rather than something inconsistent
            shown, questions, cross = False, [], []
    return Results(view, count, shown, questions, cross)


@dataclass
class InterventionSurvey:
    """One questionnaire's results for an intervention and a year, for a dashboard line or a report section."""
    questionnaire: Questionnaire
    distributions: list
    year: int
    threshold: int
    responses: int | None  # published number of responses (None: hidden)
    shown: bool
    questions: list = field(default_factory=list)  # QuestionResult, as on the results page
    cross: list = field(default_factory=list)  # CrossTable

    def question(self, key):
        return next((q for q in self.questions if q.question.key == key), None)

    @property
    def outcomes(self):
        """The outcome questions (1–5 and yes/no, not background) with their published share."""
        return [q for q in self.questions if q.question.kind in (Question.Kind.SCALE, Question.Kind.YES_NO)
                and not q.question.background]


def intervention_summary(intervention, year: int) -> list[InterventionSurvey]:
    """The survey results of `intervention` for `year`, one entry per questionnaire it is surveyed with.

    Per question: the suppressed counts per answer (`rows`: label, count or None, percent or None),
    `answered`, `mean` (1–5 only, and only when no count is hidden), and for outcome questions
    `agree` / `agree_percent` (answers 4–5, or Ja). The group is every distribution of the
    intervention for that questionnaire. It is shown only when each of those distributions' year
    count is published in the overview: their sum beside the overview would otherwise give a
    hidden one away. Figures are suppressed exactly as on the results page for such a group.
    """
    summaries = []
    distributions = list(Distribution.objects.filter(intervention=intervention).select_related("questionnaire")
                         .order_by("questionnaire__name", "pk"))
    by_questionnaire = defaultdict(list)
    for d in distributions:
        by_questionnaire[d.questionnaire].append(d)
    for questionnaire, group in by_questionnaire.items():
        view = overview(questionnaire, year)
        totals = [_group_count(view, d.pk, None) for d in group]
        count = None if None in totals else sum(totals)
        summary = InterventionSurvey(questionnaire, group, year, view.threshold, count, False)
        if count is not None and count >= view.threshold:
            published = _group_results(
                questionnaire, _latest_questions(questionnaire),
                _responses(questionnaire, year, distribution_ids=[d.pk for d in group]), view.threshold, False)
            summary.questions, summary.cross = published.questions, published.cross
            summary.shown = published.total is not None
            if not summary.shown:
                summary.questions, summary.cross = [], []
        summaries.append(summary)
    return summaries


def goal_outcome(intervention, key: str = "halsa", year: int | None = None, agree_from: int = 4):
    """For the interventions' goals: `(reached, asked)` for the 1–5 question with code `key`, or None.

    - `reached`: answers of `agree_from` or higher (default 4, i.e. 4–5: "andel som upplever
      förbättrad hälsa" is reached / asked); `asked`: everyone who answered that question.
    - Scope: every distribution of the intervention, across all its questionnaires (answers stay
      tied to their versions; the code `key` ties them together), in `year` or in all years when
      `year` is None.
    - None when nobody answered, or when either part (reached, or the rest) is a small group:
      the strictest `min_group` of those questionnaires applies, never less than the default 5.
    - Not suppressed together with the results page: use it for a goal's "n av n" line only; for
      survey figures shown beside each other use `intervention_summary()`, whose `agree` and
      `answered` of the same question are the published, jointly suppressed ones.
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
