"""Schemathesis against the real OpenAPI description (issue 9 item 5): no 5xx, and every answer matches the schema.

Examples are kept few so the run stays well under a minute; the association's own slug and, every other example, its
real ids are put in the path so that the generated requests reach real data, not only 404s."""
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance, response_schema_conformance, status_code_conformance,
)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


# Loaded from the running application's own /api/openapi.json (no database needed for the description itself).
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@pytest.fixture
def keep_test_connection():
    """The WSGI app would close the database connection after each request, ending the test's transaction (on
    PostgreSQL); Django's own test client switches this off the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.usefixtures("keep_test_connection")
@schema.parametrize()
@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_api_answers_match_the_schema_and_never_fail(world, case):
    real = {"meeting_id": world.meeting.pk, "case_id": world.case.pk, "pk": world.garden.pk}
    if case.path_parameters is not None:
        case.path_parameters["slug"] = world.slug
        for name, value in real.items():
            generated = case.path_parameters.get(name)
            if isinstance(generated, int) and generated % 2 == 0:
                case.path_parameters[name] = value
    case.call_and_validate(headers={"Authorization": f"Bearer {world.tokens['secretary']}"}, checks=CHECKS)
