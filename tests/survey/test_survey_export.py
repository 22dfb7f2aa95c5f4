"""CSV export, goal outcomes for the interventions, and the log filter for survey paths."""
import csv
import io
import logging
from datetime import date

import pytest

from survey_helpers import posted

from samordna.survey import services
from samordna.survey.logging import OmitSurveyPaths
from samordna.survey.models import Question
from samordna.survey.export import EXPORT_HEADER
from samordna.survey.selectors import goal_outcome


def _fill(distribution, questionnaire, questions, values, day=date(2024, 2, 2)):
    for value in values:
        services.submit_response(distribution, questionnaire.current.pk, posted(questions, halsa=value), day)


def _csv(staff, lake, questionnaire, year=2024):
    response = staff.get(f"/f/{lake.association.slug}/enkater/{questionnaire.pk}/resultat.csv?ar={year}")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_csv_export_has_only_groups_above_the_threshold(staff, lake, questionnaire, distribution, questions):
    _fill(distribution, questionnaire, questions, ["5"] * 7 + ["2"] * 2 + ["4"] * 3)
    _fill(distribution, questionnaire, questions, ["4"] * 3, day=date(2024, 5, 5))
    _fill(distribution, questionnaire, questions, ["3"] * 8, day=date(2024, 8, 5))
    table = _csv(staff, lake, questionnaire)
    assert table[0] == EXPORT_HEADER == ["enkät", "version", "period", "utskick", "fråga", "svar", "bakgrundsfråga",
                                         "bakgrund", "antal", "dold"]
    rows = [dict(zip(table[0], row)) for row in table[1:]]
    assert rows and all(len(row) == len(EXPORT_HEADER) for row in table)
    # Quarter 2 has 3 answers; quarter 3 is hidden with it so the year total does not give it away.
    assert {r["period"] for r in rows} == {"2024", "2024-K1"}
    assert {r["utskick"] for r in rows} == {"alla", "Hälsoskolan"}
    assert {r["enkät"] for r in rows} == {"avslutsenkat"} and {r["version"] for r in rows} == {"1"}
    count = {(r["period"], r["utskick"]): r["antal"] for r in rows if r["fråga"] == "antal_svar"}
    assert count[("2024", "alla")] == "23" and count[("2024-K1", "Hälsoskolan")] == "12"
    health = {r["svar"]: r for r in rows if r["fråga"] == "halsa" and r["period"] == "2024-K1"
              and r["utskick"] == "alla" and not r["bakgrundsfråga"]}
    assert health["2"]["antal"] == "" and health["2"]["dold"] == "ja"  # two people answered 2
    assert health["1"]["antal"] == "0" and health["svarat"]["antal"] == "12"
    assert health["ej_svarat"]["antal"] == "0"
    for row in rows:
        assert (row["antal"] == "") == (row["dold"] == "ja")
        if row["antal"] and 0 < int(row["antal"]) < 5:
            # Only figures that hold nobody's answer may be small: those who skipped.
            assert row["svar"] == "ej_svarat" and row["bakgrund"] in ("", "ej_svarat"), row
    # Cross-tables: every outcome by every background band, hidden cells marked the same way.
    cross = [r for r in rows if r["bakgrundsfråga"]]
    assert {(r["fråga"], r["bakgrundsfråga"]) for r in cross} >= {("halsa", "kon"), ("rekommendera", "tid")}
    assert {r["svar"] for r in cross if r["fråga"] == "halsa"} == {"4-5", "1-3", "ej_svarat"}
    assert {r["bakgrund"] for r in cross if r["bakgrundsfråga"] == "kon"} == {"kvinna", "man", "annat", "ej_svarat"}


def test_indicator_questionnaire_exports_for_national_comparison(staff, lake):
    questionnaire = services.create_indicator_questionnaire(lake.association, "deltagare_avslut",
                                                            publish_on=date(2024, 1, 1))
    linked = services.create_distribution(lake.association, questionnaire, label="Avslutssamtal")
    questions = {q.key: q for q in questionnaire.current.questions.all()}
    for value in ["5"] * 4 + ["4"] * 3 + ["2"] * 5:
        services.submit_response(linked, questionnaire.current.pk,
                                 posted(questions, paverka=value, nasta_steg="4"), date(2024, 10, 1))
    table = _csv(staff, lake, questionnaire)
    assert table[0] == EXPORT_HEADER
    rows = [dict(zip(table[0], row)) for row in table[1:]]
    assert {r["enkät"] for r in rows} == {"deltagare_avslut"}
    assert {r["version"] for r in rows} == {"1"}
    year = {(r["fråga"], r["svar"]): (r["antal"], r["dold"]) for r in rows
            if r["period"] == "2024" and r["utskick"] == "alla" and not r["bakgrundsfråga"]}
    assert year[("antal_svar", "")] == ("12", "nej")
    assert year[("paverka", "2")] == ("5", "nej") and year[("paverka", "4-5")] == ("7", "nej")
    assert year[("paverka", "4")] == ("", "ja") and year[("paverka", "5")] == ("", "ja")  # 3 and 4: small
    assert year[("nasta_steg", "4")] == ("12", "nej") and year[("battre_rustad", "svarat")] == ("0", "nej")
    assert {key for key, _answer in year} == {"antal_svar", "paverka", "nasta_steg", "samordnat", "battre_rustad"}
    # The same layout for the same questionnaire next year: the columns never depend on the data.
    assert _csv(staff, lake, questionnaire, year=2023)[0] == EXPORT_HEADER


def test_indicator_wording_cannot_be_edited_once_published_through_the_pages(staff, lake):
    questionnaire = services.create_indicator_questionnaire(lake.association, "styrelse", publish_on=date(2024, 1, 1))
    url = f"/f/{lake.association.slug}/enkater/{questionnaire.pk}/"
    before = list(Question.objects.filter(version__questionnaire=questionnaire).values_list("key", "text"))
    question = questionnaire.current.questions.first()
    for data in ({"action": "new_version"}, {"action": "delete", "question": question.pk},
                 {"action": "add", "kind": "yes_no", "text": "En egen fråga?", "key": "egen"}):
        page = staff.post(url, data, follow=True).content.decode()
        assert "fast formulering" in page or "Det finns inget utkast" in page or "publicerad" in page
    assert list(Question.objects.filter(version__questionnaire=questionnaire).values_list("key", "text")) == before
    assert questionnaire.versions.count() == 1
    assert questionnaire.code == "styrelse" and questionnaire.export_code == "styrelse"


@pytest.fixture
def intervention(lake):
    from samordna.interventions import services as intervention_services
    from samordna.interventions.models import Intervention, Orientation

    intervention_services.ensure_defaults(lake.association)
    orientation = Orientation.objects.filter(association=lake.association).first()
    return intervention_services.save_intervention(
        Intervention(association=lake.association, name="Hälsoskolan", kind="individual", orientation=orientation,
                     start=date(2023, 1, 1)),
        owners=[lake.members["Mölndals stad"]], municipalities=[lake.members["Mölndals stad"]])


def test_goal_outcome_counts_agreeing_answers(lake, questionnaire, questions, intervention):
    linked = services.create_distribution(lake.association, questionnaire, intervention=intervention)
    assert linked.title == "Hälsoskolan"
    assert goal_outcome(intervention, year=2024) is None  # nobody asked yet
    _fill(linked, questionnaire, questions, ["5"] * 6 + ["4"] * 3 + ["2"] * 5)
    assert goal_outcome(intervention, year=2024) == (9, 14)
    assert goal_outcome(intervention) == (9, 14)
    assert goal_outcome(intervention, year=2023) is None


def test_goal_outcome_hidden_when_a_part_is_small(lake, questionnaire, questions, intervention):
    linked = services.create_distribution(lake.association, questionnaire, intervention=intervention)
    _fill(linked, questionnaire, questions, ["5"] * 12 + ["1"] * 2)
    assert goal_outcome(intervention, year=2024) is None


def test_log_filter_drops_survey_paths():
    keep = OmitSurveyPaths()

    def record(message, *args, request=None):
        rec = logging.LogRecord("django.server", logging.INFO, __file__, 1, message, args, None)
        if request is not None:
            rec.request = request
        return rec

    assert not keep.filter(record('"%s" %s %s', "POST /e/abc12345/ HTTP/1.1", "302", "0"))
    assert not keep.filter(record("Not Found: /e/finnsinte/"))
    assert keep.filter(record('"%s" %s %s', "GET /f/sjolandet/ HTTP/1.1", "200", "10"))

    class Req:
        path = "/e/abc/tack/"

    assert not keep.filter(record("Bad Request: %s", "/e/abc/tack/", request=Req()))
    Req.path = "/f/x/"
    assert keep.filter(record("Forbidden: %s", "/f/x/", request=Req()))


def test_intervention_summary_for_the_dashboard_and_reports(lake, questionnaire, questions, intervention):
    from samordna.survey.selectors import intervention_summary

    assert intervention_summary(intervention, 2024) == []  # not surveyed
    first = services.create_distribution(lake.association, questionnaire, intervention=intervention)
    second = services.create_distribution(lake.association, questionnaire, intervention=intervention,
                                          label="Hälsoskolan, grupp 2")
    _fill(first, questionnaire, questions, ["5"] * 6 + ["4"] * 3 + ["2"] * 5)
    _fill(second, questionnaire, questions, ["4"] * 5 + ["1"] * 6)
    summary, = intervention_summary(intervention, 2024)
    assert summary.shown and summary.responses == 25 and summary.threshold == 5
    assert [d.pk for d in summary.distributions] == [first.pk, second.pk]
    health = summary.question("halsa")
    assert health.answered == 25 and health.agree == 14 and health.agree_percent == 56
    assert [count for _label, count, _pct in health.rows] == [6, 5, 0, 8, 6]
    assert abs(health.mean - (6 + 10 + 32 + 30) / 25) < 1e-9
    assert [q.question.key for q in summary.outcomes] == ["halsa", "aktivitetsformaga", "narmare_arbete",
                                                         "respekt", "rekommendera"]
    assert summary.cross and summary.cross[0].outcome.key == "halsa"
    assert intervention_summary(intervention, 2023)[0].shown is False


def test_intervention_summary_hidden_when_one_distribution_is_small(lake, questionnaire, questions, intervention):
    from samordna.survey.selectors import intervention_summary, results

    first = services.create_distribution(lake.association, questionnaire, intervention=intervention)
    second = services.create_distribution(lake.association, questionnaire, intervention=intervention,
                                          label="Liten grupp")
    _fill(first, questionnaire, questions, ["5"] * 12)
    _fill(second, questionnaire, questions, ["1"] * 2)
    # The page hides the small distribution; the intervention's sum would give it away.
    assert results(questionnaire, 2024, distribution_id=second.pk).group_count is None
    summary, = intervention_summary(intervention, 2024)
    assert not summary.shown and summary.responses is None and summary.questions == []
