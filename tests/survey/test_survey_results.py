"""Results with small groups suppressed (survey/selectors.py)."""
from collections import Counter
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from survey_helpers import posted

from samordna.survey import services
from samordna.survey.models import Response
from samordna.survey.selectors import overview, results


def _answer(distribution, questions, version, day, **values):
    return services.submit_response(distribution, version.pk, posted(questions, **values), day)


def test_small_quarter_is_hidden_together_with_a_complement(lake, questionnaire, distribution, questions):
    version = questionnaire.current
    for _ in range(12):
        _answer(distribution, questions, version, date(2024, 2, 1), halsa="4")
    for _ in range(3):
        _answer(distribution, questions, version, date(2024, 5, 1), halsa="2")
    for _ in range(8):
        _answer(distribution, questions, version, date(2024, 8, 1), halsa="5")
    view = overview(questionnaire, 2024)
    (d, cells, total), = view.rows
    assert total == 23 and view.total == 23
    assert cells[1] is None  # 3 answers in quarter 2
    assert cells.count(None) >= 2  # and one more, so quarter 2 is not 23 minus the rest
    hidden = [q for q, c in zip((12, 3, 8, 0), cells) if c is None]
    assert sum(hidden) >= 5
    small = results(questionnaire, 2024, quarter=2)
    assert not small.shown and small.questions == []
    year = results(questionnaire, 2024)
    assert year.shown and year.group_count == 23


def test_question_distribution_mean_and_suppressed_cells(lake, questionnaire, distribution, questions):
    version = questionnaire.current
    for value in ["5"] * 9 + ["4"] * 8 + ["1"] * 2:
        _answer(distribution, questions, version, date(2024, 3, 3), halsa=value, rekommendera="ja",
                kommentar="Bra." if value == "1" else "")
    result = results(questionnaire, 2024, quarter=1, with_comments=True)
    health = next(r for r in result.questions if r.question.key == "halsa")
    counts = {label.split(" ")[0]: count for label, count, _ in health.rows}
    assert counts["1"] is None and counts["5"] == 9 and counts["4"] == 8 or counts["4"] is None
    assert [c for c in counts.values() if c is None] != [None]  # never a lone hidden cell
    assert health.mean is None  # a mean next to hidden counts would give them away
    assert health.answered == 19
    recommend = next(r for r in result.questions if r.question.key == "rekommendera")
    assert recommend.rows[0][1:] == (19, 100) and recommend.rows[1][1] == 0
    comment = next(r for r in result.questions if r.question.key == "kommentar")
    assert [a.text for a in comment.comments] == ["Bra.", "Bra."] and comment.answered is None
    without = results(questionnaire, 2024, quarter=1, with_comments=False)
    assert next(r for r in without.questions if r.question.key == "kommentar").comments == []


def test_mean_shown_when_nothing_is_hidden(lake, questionnaire, distribution, questions):
    version = questionnaire.current
    for value in ["5"] * 6 + ["4"] * 5:
        _answer(distribution, questions, version, date(2024, 3, 3), halsa=value)
    health = next(r for r in results(questionnaire, 2024).questions if r.question.key == "halsa")
    assert abs(health.mean - (30 + 20) / 11) < 1e-9
    assert health.rows[0][1] == 0 and health.rows[4][1:] == (6, 55)


def test_question_answered_by_few_is_not_shown(lake, questionnaire, distribution, questions):
    version = questionnaire.current
    for n in range(10):
        extra = {"alder": "60-66"} if n < 2 else {}
        _answer(distribution, questions, version, date(2024, 3, 3), halsa="3", **extra)
    age = next(r for r in results(questionnaire, 2024).questions if r.question.key == "alder")
    assert age.too_few and age.rows == [] and age.answered is None


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from([0, 1]), st.integers(1, 4)), max_size=40), st.integers(3, 6))
def test_overview_never_shows_a_small_group(lake, questionnaire, questions, answers, threshold):
    Response.objects.all().delete()
    questionnaire.min_group = threshold
    questionnaire.save()
    distributions = list(questionnaire.distributions.all())
    while len(distributions) < 2:
        distributions.append(services.create_distribution(lake.association, questionnaire,
                                                          label=f"Utskick {len(distributions)}"))
    version = questionnaire.current
    for which, quarter in answers:
        _answer(distributions[which], questions, version, date(2023, 3 * quarter - 1, 1), halsa="3")
    view = overview(questionnaire, 2023)
    truth = Counter((distributions.index(next(d for d in distributions if d.pk == r[0])), r[1])
                    for r in Response.objects.values_list("distribution_id", "quarter"))
    published = [c for _, cells, total in view.rows for c in [*cells, total]] + [*view.quarter_totals, view.total]
    assert all(c is None or c == 0 or c >= threshold for c in published)
    for i, (_, cells, total) in enumerate(view.rows):
        assert [c for c in cells if c is not None] == [truth[(i, q)] for q, c in zip((1, 2, 3, 4), cells)
                                                       if c is not None]
        if total is not None:
            assert sum(1 for c in cells if c is None) != 1
            assert sum(truth[(i, q)] for q, c in zip((1, 2, 3, 4), cells) if c is None) in (0,) or \
                sum(truth[(i, q)] for q, c in zip((1, 2, 3, 4), cells) if c is None) >= threshold
    for q in (1, 2, 3, 4):
        shown = results(questionnaire, 2023, quarter=q)
        assert not shown.shown or shown.group_count >= threshold


def _cross(result, outcome, background):
    return next(t for t in result.cross if t.outcome.key == outcome and t.background.key == background)


def test_cross_tables_of_outcome_by_background_band(lake, questionnaire, distribution, questions):
    version = questionnaire.current
    day = date(2024, 3, 3)
    for _ in range(9):
        _answer(distribution, questions, version, day, halsa="5", kon="kvinna", alder="30-39", rekommendera="ja")
    for _ in range(6):
        _answer(distribution, questions, version, day, halsa="2", kon="kvinna", alder="40-49", rekommendera="ja")
    for _ in range(7):
        _answer(distribution, questions, version, day, halsa="4", kon="man", alder="30-39", rekommendera="nej")
    for _ in range(5):
        _answer(distribution, questions, version, day, halsa="1", kon="man", alder="40-49", rekommendera="nej")
    result = results(questionnaire, 2024)
    assert {(t.outcome.key, t.background.key) for t in result.cross} == {
        (o, b) for o in ("halsa", "aktivitetsformaga", "narmare_arbete", "respekt", "rekommendera")
        for b in ("kon", "alder", "forsorjning", "tid")}
    by_gender = _cross(result, "halsa", "kon")
    assert [code for code, _ in by_gender.columns] == ["4-5", "1-3", "ej_svarat"]
    rows = {label: (cells, total, share) for label, cells, total, share in by_gender.rows}
    assert rows["Kvinna"] == ([9, 6, 0], 15, 60) and rows["Man"] == ([7, 5, 0], 12, 58)
    assert rows["Annat eller vill inte svara"] == ([0, 0, 0], 0, None)
    assert by_gender.totals == [16, 11, 0] and by_gender.total == 27
    # The margins are the one-way figures of the same answers.
    gender = next(r for r in result.questions if r.question.key == "kon")
    assert {label: count for label, count, _ in gender.rows}["Kvinna"] == 15
    health = next(r for r in result.questions if r.question.key == "halsa")
    assert health.agree == 16 and health.agree_percent == 59
    recommend = _cross(result, "rekommendera", "alder")
    assert [label for _, label in recommend.columns] == ["Ja", "Nej", "Ej svarat"]
    assert {label: cells for label, cells, _t, _s in recommend.rows}["30–39 år"] == [9, 7, 0]


def test_a_small_band_is_hidden_in_the_cross_table_and_cannot_be_worked_out(lake, questionnaire, distribution,
                                                                             questions):
    version = questionnaire.current
    day = date(2024, 3, 3)
    for _ in range(10):
        _answer(distribution, questions, version, day, halsa="5", kon="kvinna")
    for _ in range(8):
        _answer(distribution, questions, version, day, halsa="2", kon="man")
    for _ in range(2):  # two people in the third gender band, both with a low answer
        _answer(distribution, questions, version, day, halsa="1", kon="annat")
    result = results(questionnaire, 2024)
    table = _cross(result, "halsa", "kon")
    rows = {label: (cells, total) for label, cells, total, _share in table.rows}
    cells, total = rows["Annat eller vill inte svara"]
    assert total is None and cells[1] is None
    # Not the lone hidden figure in its column either: "1–3" minus the men would give it.
    column = [r[0][1] for r in rows.values()] + [table.totals[1]]
    assert column.count(None) >= 2
    gender = {label: count for label, count, _ in
              next(r for r in result.questions if r.question.key == "kon").rows}
    assert gender["Annat eller vill inte svara"] is None
    assert [gender["Kvinna"], gender["Man"]].count(None) >= 1  # one-way table: a complement too
    health = next(r for r in result.questions if r.question.key == "halsa")
    assert dict((label.split(" ")[0], count) for label, count, _ in health.rows)["1"] is None


def test_results_page_shows_cross_tables(staff, lake, questionnaire, distribution, questions):
    version = questionnaire.current
    for n in range(24):
        _answer(distribution, questions, version, date(2024, 4, 2), halsa=str(4 + n % 2),
                kon="kvinna" if n % 3 else "man", tid="6-12")
    page = staff.get(f"/f/{lake.association.slug}/enkater/{questionnaire.pk}/resultat/?ar=2024").content.decode()
    assert "Svaren efter bakgrund" in page and "Efter: Kön" in page and "Andel 4–5" in page
    assert "<td class=\"num\">16</td>" in page  # 16 women answered 4–5
