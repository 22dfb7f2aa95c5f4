"""The Skaraborg demo data for the survey."""
from datetime import date

from samordna.associations.models import Association
from samordna.board.demo import load_demo
from samordna.survey import demo
from samordna.survey.models import Response
from samordna.survey.selectors import results


def test_demo_loads_a_year_of_answers(db):
    load_demo(today=date(2025, 3, 10))
    association = Association.objects.get(slug="skaraborg")
    questionnaire = demo.load(association, date(2025, 3, 10))
    assert questionnaire.current.questions.count() == 10
    assert association.survey_distributions.count() >= 2
    assert Response.objects.filter(distribution__association=association).count() > 100
    year = results(questionnaire, 2024)
    assert year.shown and year.group_count > 100
    health = next(r for r in year.questions if r.question.key == "halsa")
    assert health.answered and health.answered > 100
