"""Fixtures for the survey tests: the default questionnaire, published, with one distribution."""
from datetime import date

import pytest

from samordna.survey import ratelimit, services


@pytest.fixture(autouse=True)
def fresh_rate_limiter():
    ratelimit.reset()
    yield
    ratelimit.reset()


@pytest.fixture
def questionnaire(lake):
    return services.create_questionnaire(lake.association, "Avslutsenkät", publish_on=date(2024, 1, 2))


@pytest.fixture
def distribution(lake, questionnaire):
    return services.create_distribution(lake.association, questionnaire, label="Hälsoskolan")


@pytest.fixture
def questions(questionnaire):
    """Questions of the published version by code."""
    return {q.key: q for q in questionnaire.current.questions.all()}
