"""The CSV export of survey results: the figures of the results page in one stable layout, for
spreadsheets and for the national comparison of the indicator questionnaires."""
from .models import Question
from .selectors import QUARTERS, SCALE_CLASSES, SKIPPED, _group_results, _latest_questions, _responses, overview


EXPORT_HEADER = ["enkät", "version", "period", "utskick", "fråga", "svar", "bakgrundsfråga", "bakgrund",
                 "antal", "dold"]


def export_table(questionnaire, year: int) -> list[list]:
    """Rows of the CSV export (after EXPORT_HEADER), in a layout that stays the same for every questionnaire.

    One block per group the results page shows: all distributions ("alla") and each distribution,
    for the year ("2024") and each quarter ("2024-K2"). In a block: "antal_svar"; per question
    each answer code, "svarat" and "ej_svarat" (and "4-5"/"1-3" for a scale); the cross-table
    cells with the background question and band. Hidden figures have an empty "antal" and
    "dold" = "ja". The figures are exactly the page's, suppressed together per group.
    """
    rows = []
    view = overview(questionnaire, year)
    latest = _latest_questions(questionnaire)
    code = questionnaire.export_code
    groups = [(None, "alla", view.total, view.quarter_totals)]
    groups += [(d.pk, d.title, total, cells) for d, cells, total in view.rows]
    for distribution_id, title, year_count, quarter_counts in groups:
        for quarter, count in [(None, year_count), *zip(QUARTERS, quarter_counts)]:
            if count is None or count < view.threshold:
                continue
            responses = _responses(questionnaire, year, quarter,
                                   None if distribution_id is None else [distribution_id])
            group = _group_results(questionnaire, latest, responses, view.threshold, False)
            if group.total is None:
                continue
            versions = ",".join(str(n) for n in sorted(set(responses.values_list("version__number", flat=True))))
            period = str(year) if quarter is None else f"{year}-K{quarter}"
            head = [code, versions, period, title]

            def add(question="", answer="", background="", band="", value=None):
                rows.append([*head, question, answer, background, band, "" if value is None else value,
                             "ja" if value is None else "nej"])

            add("antal_svar", value=group.total)
            for result in group.questions:
                key = result.question.key
                if key in group.codes:
                    published = group.tables.one_way[key]
                    for answer in group.codes[key]:
                        add(key, answer, value=published[answer])
                    if result.question.kind == Question.Kind.SCALE:
                        for cls in SCALE_CLASSES:
                            add(key, cls, value=group.tables.classes[key][cls])
                    add(key, "svarat", value=published.total)
                    add(key, SKIPPED, value=published.skipped)
                elif result.question.kind == Question.Kind.MULTIPLE:
                    for (answer, _label), (_l, count, _p) in zip(result.question.options(), result.rows):
                        add(key, answer, value=count)
                    add(key, "svarat", value=result.answered)
                elif result.question.kind == Question.Kind.TEXT:
                    add(key, "kommentarer", value=result.answered)
            for (outcome, background), table in group.tables.cross.items():
                for (band, cls), value in table.cells.items():
                    add(outcome, cls, background, band, value)
    return rows
