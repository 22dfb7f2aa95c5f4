"""CSV export, goal outcomes for the interventions, and the log filter for survey paths."""
import logging
from datetime import date

import pytest

from survey_helpers import posted

from samordna.survey import services
from samordna.survey.logging import OmitSurveyPaths
from samordna.survey.selectors import export_rows, goal_outcome


def _fill(distribution, questionnaire, questions, values, day=date(2024, 2, 2)):
    for value in values:
        services.submit_response(distribution, questionnaire.current.pk, posted(questions, halsa=value), day)


def test_csv_export_has_only_groups_above_the_threshold(staff, lake, questionnaire, distribution, questions):
    _fill(distribution, questionnaire, questions, ["5"] * 7 + ["2"] * 2 + ["4"] * 3)
    _fill(distribution, questionnaire, questions, ["4"] * 3, day=date(2024, 5, 5))
    _fill(distribution, questionnaire, questions, ["3"] * 8, day=date(2024, 8, 5))
    rows = export_rows(questionnaire, 2024)
    # Quarter 2 has 3 answers; quarter 3 is hidden with it so the year total does not give it away.
    assert rows and {r[1] for r in rows} == {1}
    health = [r for r in rows if r[3] == "halsa"]
    assert [r[6] for r in health] == [0, None, 0, None, 7]
    response = staff.get(f"/f/{lake.association.slug}/enkater/{questionnaire.pk}/resultat.csv?ar=2024")
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert text.splitlines()[0] == "år;kvartal;utskick;kod;fråga;svar;antal"
    assert "<5" in text and text.count("\n") == len(rows) + 1


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
