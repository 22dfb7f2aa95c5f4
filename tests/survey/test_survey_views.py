"""Staff pages of the survey: roles, tenants, forms, QR codes and results."""
from datetime import date

import pytest
from django.contrib.auth.models import User
from survey_helpers import posted

from samordna.accounts.models import AssociationRole
from samordna.associations import services as association_services
from samordna.survey import services
from samordna.survey.models import Distribution, Question, Questionnaire


def base(lake):
    return f"/f/{lake.association.slug}/enkater/"


@pytest.fixture
def reader(client, lake):
    user = User.objects.create_user("ledamot", password="hemligt-lösen-1")
    AssociationRole.objects.create(user=user, association=lake.association, role="board_member")
    client.force_login(user)
    return client


def test_list_page_and_creating_a_questionnaire(staff, lake):
    page = staff.get(base(lake))
    assert page.status_code == 200 and "Inga enkäter ännu" in page.content.decode()
    response = staff.post(base(lake), {"save": "questionnaire", "name": "Avslutsenkät 2025", "kind": "exit",
                                       "with_defaults": "on"})
    questionnaire = Questionnaire.objects.get(association=lake.association)
    assert response.status_code == 302 and response["Location"].endswith(f"/enkater/{questionnaire.pk}/")
    assert questionnaire.draft.questions.count() == 10 and questionnaire.current is None
    detail = staff.get(response["Location"]).content.decode()
    assert "Utkast: version 1" in detail and "Min hälsa har blivit bättre" in detail


def test_design_flow_add_delete_publish_new_version(staff, lake):
    questionnaire = services.create_questionnaire(lake.association, "Kort enkät", with_defaults=False)
    url = f"{base(lake)}{questionnaire.pk}/"
    bad = staff.post(url, {"action": "add", "kind": "single", "text": "Hur kom du hit?", "choices_text": "Buss"})
    assert bad.status_code == 200 and "minst två alternativ" in bad.content.decode()
    assert "Hur kom du hit?" in bad.content.decode()  # kept what was typed
    assert Question.objects.count() == 0
    ok = staff.post(url, {"action": "add", "kind": "single", "text": "Hur kom du hit?",
                          "choices_text": "Buss | Med buss | By bus\nBil\nTill fots"})
    assert ok.status_code == 302
    question = Question.objects.get()
    assert question.choices[0] == ["buss", "Buss", "Med buss", "By bus"] and question.key == "hur-kom-du-hit"
    assert staff.post(url, {"action": "publish"}).status_code == 302
    questionnaire.refresh_from_db()
    assert questionnaire.current.number == 1
    refused = staff.post(url, {"action": "delete", "question": question.pk}, follow=True)
    assert "publicerad och kan inte ändras" in refused.content.decode()
    assert Question.objects.count() == 1
    assert staff.post(url, {"action": "new_version"}).status_code == 302
    assert questionnaire.versions.count() == 2
    settings = staff.post(url, {"action": "settings", "name": "Kort enkät", "intro": "", "min_group": "2"})
    assert "inte vara lägre än 3" in settings.content.decode()
    questionnaire.refresh_from_db()
    assert questionnaire.min_group == 5


def test_distribution_qr_codes_and_poster(staff, lake, questionnaire):
    response = staff.post(base(lake), {"save": "distribution", "questionnaire": questionnaire.pk,
                                       "label": "Hälsoskolan", "intervention": ""})
    distribution = Distribution.objects.get()
    assert response.status_code == 302 and len(distribution.token) == 8
    page = staff.get(f"{base(lake)}utskick/{distribution.pk}/").content.decode()
    assert f"/e/{distribution.token}/" in page
    svg = staff.get(f"{base(lake)}utskick/{distribution.pk}/qr.svg")
    assert svg["Content-Type"] == "image/svg+xml" and b"<svg" in svg.content
    png = staff.get(f"{base(lake)}utskick/{distribution.pk}/qr.png")
    assert png["Content-Type"] == "image/png" and png.content.startswith(b"\x89PNG")
    pdf = staff.get(f"{base(lake)}utskick/{distribution.pk}/qr.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert staff.get(f"{base(lake)}utskick/{distribution.pk}/qr.gif").status_code == 404
    missing = staff.post(base(lake), {"save": "distribution", "questionnaire": questionnaire.pk, "label": ""})
    assert "skriv en benämning" in missing.content.decode() and Distribution.objects.count() == 1


def test_codes_and_closing(staff, lake, distribution):
    url = f"{base(lake)}utskick/{distribution.pk}/"
    assert staff.post(url, {"action": "codes", "count": "0"}).status_code == 200
    assert distribution.codes.count() == 0
    assert staff.post(url, {"action": "codes", "count": "5"}).status_code == 302
    distribution.refresh_from_db()
    assert distribution.requires_code and distribution.codes.count() == 5
    sheet = staff.get(f"{url}koder/").content.decode()
    assert all(code in sheet for code in distribution.codes.values_list("code", flat=True))
    staff.post(url, {"action": "toggle"})
    distribution.refresh_from_db()
    assert not distribution.is_open


def test_results_page(staff, lake, questionnaire, distribution, questions):
    for value in ["5"] * 6 + ["3"] * 3:
        services.submit_response(distribution, questionnaire.current.pk,
                                 posted(questions, halsa=value, kommentar="Trevlig personal."), date(2024, 4, 2))
    page = staff.get(f"{base(lake)}{questionnaire.pk}/resultat/?ar=2024").content.decode()
    assert "9 svar" in page and "&lt;5" in page and "Trevlig personal." in page
    small = staff.get(f"{base(lake)}{questionnaire.pk}/resultat/?ar=2024&kvartal=1").content.decode()
    assert "Inga svar för det här urvalet" in small
    junk = staff.get(f"{base(lake)}{questionnaire.pk}/resultat/?ar=x&kvartal=9&utskick=abc")
    assert junk.status_code == 200
    answer = distribution.responses.first().answers.get(question__key="kommentar")
    assert staff.post(f"{base(lake)}{questionnaire.pk}/resultat/?ar=2024", {"answer": answer.pk}).status_code == 302
    answer.refresh_from_db()
    assert answer.text == ""


def test_board_member_reads_but_cannot_write_or_see_comments(reader, lake, questionnaire, distribution, questions):
    for _ in range(6):
        services.submit_response(distribution, questionnaire.current.pk,
                                 posted(questions, halsa="4", kommentar="Hemlig kommentar."), date(2024, 4, 2))
    assert reader.get(base(lake)).status_code == 200
    results = reader.get(f"{base(lake)}{questionnaire.pk}/resultat/?ar=2024").content.decode()
    assert "Hemlig kommentar." not in results and "bara för förbundets personal" in results
    assert reader.post(base(lake), {"save": "questionnaire", "name": "X", "kind": "exit"}).status_code == 403
    assert reader.post(f"{base(lake)}utskick/{distribution.pk}/", {"action": "toggle"}).status_code == 403
    assert reader.get(f"{base(lake)}utskick/{distribution.pk}/koder/").status_code == 403
    assert Questionnaire.objects.count() == 1


def test_other_association_is_404(staff, lake):
    other = association_services.create_association(slug="annat", name="Annat förbund", numbering="continuous")
    foreign = services.create_questionnaire(other, "Deras", publish_on=date(2024, 1, 1))
    dist = services.create_distribution(other, foreign, label="Deras utskick")
    assert staff.get("/f/annat/enkater/").status_code == 404
    assert staff.get(f"{base(lake)}{foreign.pk}/").status_code == 404
    assert staff.get(f"{base(lake)}{foreign.pk}/resultat/").status_code == 404
    assert staff.get(f"{base(lake)}utskick/{dist.pk}/").status_code == 404
    assert staff.get(f"{base(lake)}utskick/{dist.pk}/qr.svg").status_code == 404


def test_anonymous_user_is_sent_to_login(client, lake):
    response = client.get(base(lake))
    assert response.status_code == 302 and "/logga-in/" in response["Location"]


def test_creating_an_indicator_questionnaire_needs_an_audience(staff, lake):
    missing = staff.post(base(lake), {"save": "questionnaire", "name": "X", "kind": "indicator"})
    assert "Välj målgrupp" in missing.content.decode() and Questionnaire.objects.count() == 0
    ok = staff.post(base(lake), {"save": "questionnaire", "name": "X", "kind": "indicator", "audience": "styrelse"})
    assert ok.status_code == 302
    assert Questionnaire.objects.get().name == "Indikatorenkät: Styrelseledamöter"
