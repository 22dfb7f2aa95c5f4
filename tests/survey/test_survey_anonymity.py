"""The public survey page: no cookies, no login, no third-party resources, nothing that identifies."""
import logging
import re
from datetime import date

import pytest
from django.db import connection
from django.test import Client
from survey_helpers import form_data

from samordna.survey import ratelimit
from samordna.survey.models import Answer, OneTimeCode, Response

IDENTIFYING = re.compile(r"ip|addr|agent|cookie|session|referr|time|created|updated|modified|user|order", re.I)


def _url(distribution):
    return f"/e/{distribution.token}/"


def _client():
    # Enforcing CSRF checks proves the public POST needs no token (and so no cookie).
    return Client(enforce_csrf_checks=True, REMOTE_ADDR="198.51.100.23", HTTP_USER_AGENT="Testwebbläsaren/1.0",
                  HTTP_REFERER="https://example.org/kalla")


def test_answer_models_have_a_minimal_column_set(db):
    columns = {table: [c.name for c in connection.introspection.get_table_description(connection.cursor(), table)]
               for table in (Response._meta.db_table, Answer._meta.db_table)}
    assert sorted(columns[Response._meta.db_table]) == ["distribution_id", "id", "quarter", "version_id", "year"]
    assert sorted(columns[Answer._meta.db_table]) == ["choice", "id", "number", "question_id", "response_id", "text"]
    for field in [*Response._meta.get_fields(), *Answer._meta.get_fields()]:
        assert not IDENTIFYING.search(field.name), field.name
        assert field.get_internal_type() not in ("DateTimeField", "TimeField", "GenericIPAddressField")
    # Random keys: the insertion order cannot be read from the primary key.
    assert Response._meta.pk.get_internal_type() == "UUIDField"
    assert Answer._meta.pk.get_internal_type() == "UUIDField"
    assert [f.name for f in OneTimeCode._meta.get_fields()] == ["id", "distribution", "code", "used"]


def test_get_sets_no_cookie_and_loads_nothing_from_elsewhere(distribution):
    response = _client().get(_url(distribution))
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers and not response.cookies
    assert response["Referrer-Policy"] == "no-referrer" and response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    external = re.findall(r'(?:src|href)="(https?:)?//[^"]*"', html)
    assert external == []
    assert "Min hälsa har blivit bättre" in html and 'name="q' in html


@pytest.mark.parametrize("language, text", [("lattlast", "Jag mår bättre nu"), ("en", "My health has improved")])
def test_other_languages(distribution, language, text):
    response = _client().get(_url(distribution) + f"?sprak={language}")
    assert text in response.content.decode()
    assert "Set-Cookie" not in response.headers


def test_post_stores_no_trace_of_the_person(distribution, questions, questionnaire, caplog):
    client = _client()
    data = form_data(questionnaire.current, questions, halsa="5", rekommendera="ja", alder="20-29",
                     kommentar="Tack för allt!")
    with caplog.at_level(logging.DEBUG):
        response = client.post(_url(distribution), data)
    assert response.status_code == 302 and response["Location"] == f"/e/{distribution.token}/tack/"
    assert "Set-Cookie" not in response.headers and not response.cookies
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200 and "Tack för dina svar" in thanks.content.decode()
    assert "Set-Cookie" not in thanks.headers
    saved = Response.objects.get()
    assert (saved.year, saved.quarter) in {(date.today().year, (date.today().month - 1) // 3 + 1)}
    # Every stored value of every row: no address, no user agent, no referrer, no time of day.
    with connection.cursor() as cursor:
        dump = []
        for table in connection.introspection.table_names(cursor):
            if table.startswith("survey_"):
                cursor.execute(f'SELECT * FROM "{table}"')
                dump += [str(v) for row in cursor.fetchall() for v in row]
    text = " ".join(dump)
    for secret in ("198.51.100.23", "Testwebbläsaren", "example.org"):
        assert secret not in text
    assert not re.search(r"\d{2}:\d{2}", text)
    log = " ".join(r.getMessage() for r in caplog.records)
    assert "198.51.100.23" not in log and "Testwebbläsaren" not in log


def test_refused_answer_keeps_what_was_typed_and_stores_nothing(distribution, questions, questionnaire):
    data = form_data(questionnaire.current, questions, halsa="4", kommentar="Ring mig på 811228-9874")
    response = _client().post(_url(distribution), data)
    html = response.content.decode()
    assert response.status_code == 400 and "personnummer" in html
    assert "Ring mig på 811228-9874" in html and 'value="4" checked' in html
    assert "Set-Cookie" not in response.headers
    assert Response.objects.count() == 0


def test_the_same_form_cannot_be_sent_twice(distribution, questions, questionnaire):
    client = _client()
    data = form_data(questionnaire.current, questions, token="samma", halsa="3")
    assert client.post(_url(distribution), data).status_code == 302
    again = client.post(_url(distribution), data)
    assert again.status_code == 400 and "redan skickade" in again.content.decode()
    assert Response.objects.count() == 1


def test_rate_limit_without_storing_addresses(distribution, questions, questionnaire, monkeypatch):
    monkeypatch.setattr(ratelimit, "LIMIT_PER_DAY", 2)
    client = _client()
    for n in range(2):
        assert client.post(_url(distribution), form_data(questionnaire.current, questions, token=f"t{n}",
                                                         halsa="3")).status_code == 302
    blocked = client.post(_url(distribution), form_data(questionnaire.current, questions, token="t9", halsa="3"))
    assert blocked.status_code == 429 and "Försök igen i morgon" in blocked.content.decode()
    other = Client(REMOTE_ADDR="203.0.113.9")
    assert other.post(_url(distribution), form_data(questionnaire.current, questions, token="u1",
                                                    halsa="3")).status_code == 302
    assert Response.objects.count() == 3
    # The key is a keyed hash: not the address, and different tomorrow.
    today = date(2024, 5, 1)
    key = ratelimit.client_key("198.51.100.23", today)
    assert "198.51.100.23" not in key and key == ratelimit.client_key("198.51.100.23", today)
    assert ratelimit.client_key("198.51.100.23", date(2024, 5, 2)) != key


def test_code_required_and_burnt(distribution, questions, questionnaire):
    from samordna.survey import services

    distribution.requires_code = True
    distribution.save()
    code = services.generate_codes(distribution, 1)[0].code
    client = _client()
    page = client.get(_url(distribution)).content.decode()
    assert 'name="kod"' in page
    assert client.post(_url(distribution), form_data(questionnaire.current, questions, token="a", code=code,
                                                     halsa="4")).status_code == 302
    burnt = client.post(_url(distribution), form_data(questionnaire.current, questions, token="b", code=code,
                                                      halsa="4"))
    assert burnt.status_code == 400 and "redan använd" in burnt.content.decode()
    assert Response.objects.count() == 1


def test_closed_survey_and_unknown_link(distribution, questions, questionnaire):
    distribution.is_open = False
    distribution.save()
    client = _client()
    page = client.get(_url(distribution))
    assert page.status_code == 200 and "Enkäten är stängd" in page.content.decode()
    post = client.post(_url(distribution), form_data(questionnaire.current, questions, halsa="3"))
    assert post.status_code == 410 and Response.objects.count() == 0
    assert client.get("/e/finnsinte/").status_code == 404
    assert client.put(_url(distribution)).status_code == 405


def test_malformed_post(distribution, questionnaire):
    response = _client().post(_url(distribution), {"version": "x", "skickat": "z", "q1x": "1"})
    assert response.status_code == 400 and Response.objects.count() == 0
    missing_token = _client().post(_url(distribution), {"version": str(questionnaire.current.pk)})
    assert missing_token.status_code == 400 and Response.objects.count() == 0
