"""The audit log's pages and what they record about refusals; the exit survey's answers never reach it."""
import csv
import io
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from samordna.accounts import audit
from samordna.accounts.models import AssociationRole, AuditEvent
from samordna.associations import services as association_services
from samordna.registry import services as registry_services
from samordna.registry.models import Case
from samordna.survey import ratelimit
from samordna.survey import services as survey_services

pytestmark = pytest.mark.django_db


def survey_with_code(lake):
    """A published exit survey with one distribution that asks for a one-time code; returns its parts and a code."""
    questionnaire = survey_services.create_questionnaire(lake.association, "Avslutsenkät", publish_on=date(2024, 1, 2))
    distribution = survey_services.create_distribution(lake.association, questionnaire, label="Kursen",
                                                       requires_code=True)
    version = questionnaire.current
    questions = {q.key: q for q in version.questions.all()}
    code = survey_services.generate_codes(distribution, 1)[0].code
    ratelimit.reset()
    return distribution, questions, version, code


def _login(association, role, username=None):
    user = User.objects.create_user(username or f"granskning-{role}")
    AssociationRole.objects.create(user=user, association=association, role=role)
    client = Client()
    client.force_login(user)
    return user, client


def _url(lake, suffix=""):
    return f"/f/{lake.association.slug}/granskningslogg/{suffix}"


@pytest.fixture
def neighbour():
    return association_services.create_association(slug="grannen", name="Samordningsförbundet Grannen")


def test_who_may_read_the_log(lake, neighbour):
    for role, status in (("admin", 200), ("auditor", 200), ("secretary", 403), ("board_member", 403),
                         ("reporter", 403)):
        assert _login(lake.association, role)[1].get(_url(lake)).status_code == status, role
    assert _login(neighbour, "admin", "granne")[1].get(_url(lake)).status_code == 404
    anonymous = Client().get(_url(lake))
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/logga-in/")


def test_a_refusal_is_recorded_under_the_association(lake, neighbour):
    secretary, client = _login(lake.association, "secretary")
    assert client.get(_url(lake)).status_code == 403
    event = AuditEvent.objects.filter(action="denied").latest("pk")
    assert event.association_id == lake.association.pk and event.actor == secretary
    assert event.object_repr == f"GET {_url(lake)}" and "revisorer" in event.reason
    outsider, other = _login(neighbour, "admin", "granne")
    assert other.get(f"/f/{lake.association.slug}/diarium/").status_code == 404
    event = AuditEvent.objects.filter(action="denied").latest("pk")
    assert event.association_id == lake.association.pk and event.actor == outsider
    assert "ingen roll" in event.reason


def test_record_denied_for_other_callers(lake):
    user = User.objects.create_user("tokenanvandare")
    event = audit.record_denied(user=user, association=lake.association, action="API: skriva protokoll",
                                reason="Nyckeln saknar behörigheten protocols:write.")
    assert event.action == "denied" and event.actor == user and event.association_id == lake.association.pk
    assert event.object_repr == "API: skriva protokoll" and event.actor_name == "tokenanvandare"


def test_a_forged_csrf_token_is_refused_in_swedish_and_recorded(lake):
    secretary = User.objects.create_user("formular")
    AssociationRole.objects.create(user=secretary, association=lake.association, role="secretary")
    client = Client(enforce_csrf_checks=True)
    client.force_login(secretary)
    client.get(f"/f/{lake.association.slug}/diarium/nytt/")
    url = f"/f/{lake.association.slug}/diarium/nytt/"
    response = client.post(url, {"csrfmiddlewaretoken": "förfalskad" * 4, "number": "1/24", "title": "Försök"})
    assert response.status_code == 403
    assert "Formuläret kunde inte skickas" in response.content.decode()
    assert not Case.objects.filter(title="Försök").exists()
    event = AuditEvent.objects.filter(action="denied").latest("pk")
    assert event.association_id == lake.association.pk and event.actor == secretary
    assert event.object_repr == f"POST {url}" and "CSRF" in event.reason
    anonymous = Client(enforce_csrf_checks=True).post("/logga-in/", {"username": "x", "password": "y"})
    assert anonymous.status_code == 403 and AuditEvent.objects.filter(action="denied").count() == 1


def test_survey_answers_and_codes_leave_no_event(lake):
    """Issue 6: a timestamped row next to an answer would say who answered what."""
    distribution, questions, version, code = survey_with_code(lake)
    before = AuditEvent.objects.count()
    client = Client(enforce_csrf_checks=True)
    data = {"version": str(version.pk), "skickat": "t-1", "kod": code, f"q{questions['halsa'].pk}": "4"}
    assert client.post(f"/e/{distribution.token}/", data).status_code == 302
    assert distribution.responses.count() == 1 and distribution.codes.get(code=code).used
    assert AuditEvent.objects.count() == before
    survey_services.submit_response(distribution, version.pk, {str(questions["halsa"].pk): ["3"]},
                                    date(2024, 5, 2), code=survey_services.generate_codes(distribution, 1)[0].code)
    kinds = set(AuditEvent.objects.values_list("object_type", flat=True))
    assert not kinds & {"survey.response", "survey.answer", "survey.onetimecode"}
    assert not AuditEvent.objects.filter(path__startswith="/e/").exists()
    assert "survey.distribution" in kinds  # the staff's own work on the survey is still recorded


def _some_history(lake, neighbour):
    clerk = User.objects.create_user("historik")
    with audit.acting(clerk):
        case = registry_services.save_case(Case(association=lake.association, number="2/24", title="Hyresavtal",
                                                received_on=date(2024, 1, 10)))
        registry_services.set_status(case, Case.Status.CLOSED)
    registry_services.save_case(Case(association=neighbour, number="1/24", title="Grannens hemliga ärende",
                                     received_on=date(2024, 1, 10)))
    return case


def test_the_list_shows_only_the_own_association_newest_first(lake, neighbour):
    _some_history(lake, neighbour)
    _, client = _login(lake.association, "auditor")
    html = client.get(_url(lake)).content.decode()
    assert "Hyresavtal" in html and "Grannens hemliga ärende" not in html
    hits = [row for row in html.split("<tbody>")[1].split("<tr>") if "Hyresavtal" in row]
    assert "Ändrad" in hits[0] and "Öppet → Avslutat" in hits[0]  # the status change came last and is shown first
    assert "Skapad" in hits[-1] and "historik" in hits[-1]
    filtered = client.get(_url(lake), {"handling": "update", "anvandare": "historik"}).content.decode()
    assert "Öppet → Avslutat" in filtered and "Mölndals stad" not in filtered.split("<tbody>")[1]
    later = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert "Inga händelser i urvalet" in client.get(_url(lake), {"fran": later}).content.decode()


def test_bad_filter_input_is_explained(lake):
    _, client = _login(lake.association, "admin")
    response = client.get(_url(lake), {"fran": "igår", "handling": "hacka"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Skriv datumet som ÅÅÅÅ-MM-DD" in html and "Välj en händelse i listan." in html


def test_pages_of_fifty(lake):
    _, client = _login(lake.association, "admin")
    assert AuditEvent.objects.filter(association=lake.association).count() > 50  # the lake's own creation
    first = client.get(_url(lake)).content.decode()
    assert "Sida 1 av" in first and "Äldre händelser" in first
    assert "Sida 2 av" in client.get(_url(lake), {"sida": 2}).content.decode()


def test_csv_and_xlsx_export_only_the_own_association(lake, neighbour):
    _some_history(lake, neighbour)
    _, client = _login(lake.association, "auditor")
    response = client.get(_url(lake, "export.csv"), {"slag": "registry.case"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    body = response.content
    assert body.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["tidpunkt", "användare", "händelse"]
    text = body.decode("utf-8-sig")
    assert "Hyresavtal" in text and "Grannens hemliga ärende" not in text
    assert ["Öppet", "Avslutat"] in [r[7:9] for r in rows]
    assert {r[3] for r in rows[1:]} == {str(Case._meta.verbose_name)}
    workbook = client.get(_url(lake, "export.xlsx"))
    assert workbook.status_code == 200 and workbook.content[:2] == b"PK"
    from openpyxl import load_workbook
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    values = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert any("Hyresavtal" in v for v in values) and not any("Grannens" in v for v in values)
    assert client.get(_url(lake, "export.pdf")).status_code == 404


def test_the_menu_links_the_log_only_for_admins_and_auditors(lake):
    for role, shown in (("admin", True), ("auditor", True), ("secretary", False), ("board_member", False)):
        html = _login(lake.association, role)[1].get(f"/f/{lake.association.slug}/").content.decode()
        assert ("Granskningslogg" in html) is shown, role


def test_a_reporter_guessing_another_interventions_address_is_recorded(lake):
    from samordna.interventions import services as intervention_services
    from samordna.interventions.models import Intervention, Orientation

    intervention_services.ensure_defaults(lake.association)
    orientation = Orientation.objects.filter(association=lake.association).first()

    def intervention(name):
        return intervention_services.save_intervention(
            Intervention(association=lake.association, name=name, kind="individual", orientation=orientation,
                         provider="Utföraren", start=date(2024, 1, 1), capacity_at_once=8),
            owners=[lake.members["Mölndals stad"]], municipalities=[lake.members["Mölndals stad"]])

    own, other = intervention("Odlingslotten"), intervention("Snickarboden")
    reporter, client = _login(lake.association, "reporter")
    intervention_services.assign_reporter(own, reporter)
    assert client.get(f"/f/{lake.association.slug}/insatser/{own.pk}/").status_code == 200
    assert not AuditEvent.objects.filter(action="denied").exists()
    url = f"/f/{lake.association.slug}/insatser/{other.pk}/"
    assert client.get(url).status_code == 404
    event = AuditEvent.objects.get(action="denied")
    assert event.actor == reporter and event.association_id == lake.association.pk
    assert event.object_repr == f"GET {url}" and "rapporterar" in event.reason
    assert client.get(f"/f/{lake.association.slug}/insatser/999999/").status_code == 404
    assert AuditEvent.objects.filter(action="denied").count() == 1  # an id that exists nowhere is no attempt on data
