"""The issue's bad-input list on the public page: a friendly Swedish message and nothing stored.

Malformed or repeated submissions, a burnt code, an answer to a closed questionnaire, an
oversized free text. Each case is posted the way a browser (or someone fiddling with the form)
would, and the database is checked afterwards.
"""
from django.test import Client
from survey_helpers import form_data

from samordna.survey import services
from samordna.survey.models import Answer, OneTimeCode, Response


def _url(distribution):
    return f"/e/{distribution.token}/"


def _client():
    return Client(enforce_csrf_checks=True, REMOTE_ADDR="192.0.2.44")


def _nothing_stored():
    return Response.objects.count() == 0 and Answer.objects.count() == 0


def test_oversized_free_text_is_refused_and_kept(distribution, questions, questionnaire):
    text = "Lång kommentar. " * 100  # 1 600 characters, the limit is 1 000
    response = _client().post(_url(distribution), form_data(questionnaire.current, questions, halsa="4",
                                                            kommentar=text))
    html = response.content.decode()
    assert response.status_code == 400 and "för lång" in html and "högst 1000 tecken" in html
    assert "Lång kommentar." in html and 'value="4" checked' in html
    assert "Set-Cookie" not in response.headers and _nothing_stored()


def test_a_body_too_large_to_read_gives_a_swedish_message(distribution, questions, questionnaire, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 20_000
    response = _client().post(_url(distribution), form_data(questionnaire.current, questions, halsa="4",
                                                            kommentar="x" * 30_000))
    html = response.content.decode()
    assert response.status_code == 400 and "för stora för att tas emot" in html
    assert "Set-Cookie" not in response.headers and _nothing_stored()


def test_two_answers_to_a_one_answer_question(distribution, questions, questionnaire):
    response = _client().post(_url(distribution), form_data(questionnaire.current, questions, halsa=["2", "5"]))
    assert response.status_code == 400 and "välj bara ett svar" in response.content.decode()
    assert _nothing_stored()


def test_answer_outside_the_options_or_unknown_question(distribution, questions, questionnaire):
    client = _client()
    bad_value = client.post(_url(distribution), form_data(questionnaire.current, questions, token="a", kon="robot"))
    assert bad_value.status_code == 400 and "Välj bland alternativen" in bad_value.content.decode()
    data = form_data(questionnaire.current, questions, token="b", halsa="3")
    data["q999999"] = "1"
    unknown = client.post(_url(distribution), data)
    assert unknown.status_code == 400 and "Ladda om sidan" in unknown.content.decode()
    assert _nothing_stored()


def test_form_from_before_a_new_version_was_published(distribution, questions, questionnaire):
    old = questionnaire.current
    draft = services.new_version(questionnaire)
    services.publish(draft, old.published_on)
    # The page opened before the new version: the answer is kept with the version it answered.
    response = _client().post(_url(distribution), form_data(old, questions, token="a", halsa="3"))
    assert response.status_code == 302
    assert Response.objects.get().version == old
    # A draft's questions (or any version id that is not published) are refused.
    newer = services.new_version(questionnaire)
    data = form_data(newer, {q.key: q for q in newer.questions.all()}, token="b", halsa="3")
    refused = _client().post(_url(distribution), data)
    assert refused.status_code == 400 and "har ändrats sedan sidan öppnades" in refused.content.decode()
    assert Response.objects.count() == 1


def test_refused_form_can_be_corrected_and_sent_once(distribution, questions, questionnaire):
    client = _client()
    bad = form_data(questionnaire.current, questions, token="samma", halsa="9")
    assert client.post(_url(distribution), bad).status_code == 400
    good = form_data(questionnaire.current, questions, token="samma", halsa="4")
    assert client.post(_url(distribution), good).status_code == 302
    again = client.post(_url(distribution), good)
    assert again.status_code == 400 and "redan skickade" in again.content.decode()
    assert Response.objects.count() == 1


def test_burnt_code_after_a_refused_answer_stays_unburnt(distribution, questions, questionnaire):
    distribution.requires_code = True
    distribution.save()
    code = services.generate_codes(distribution, 1)[0].code
    client = _client()
    refused = client.post(_url(distribution), form_data(questionnaire.current, questions, token="a", code=code,
                                                        kommentar="Erik Lund, Sara Berg, Omar Nilsson"))
    assert refused.status_code == 400 and "lista med namn" in refused.content.decode()
    assert not OneTimeCode.objects.get(code=code).used and _nothing_stored()
    assert client.post(_url(distribution), form_data(questionnaire.current, questions, token="b", code=code,
                                                     halsa="4")).status_code == 302
    burnt = client.post(_url(distribution), form_data(questionnaire.current, questions, token="c", code=code,
                                                      halsa="5"))
    assert burnt.status_code == 400 and "Koden är redan använd" in burnt.content.decode()
    assert Response.objects.count() == 1


def test_closed_questionnaire_says_so_in_swedish(distribution, questions, questionnaire):
    data = form_data(questionnaire.current, questions, halsa="3")
    distribution.is_open = False
    distribution.save()
    closed = _client().post(_url(distribution), data)
    assert closed.status_code == 410 and "tar inte emot fler svar" in closed.content.decode()
    english = _client().post(_url(distribution) + "?sprak=en", data)
    assert english.status_code == 410 and "no longer accepts answers" in english.content.decode()
    assert _nothing_stored()


def test_questionnaire_never_published_is_closed(lake):
    draft_only = services.create_questionnaire(lake.association, "Bara utkast")
    distribution = services.create_distribution(lake.association, draft_only, label="Utkastgruppen")
    page = _client().get(_url(distribution))
    assert page.status_code == 200 and "Enkäten är stängd" in page.content.decode()
    post = _client().post(_url(distribution), {"version": str(draft_only.draft.pk), "skickat": "x"})
    assert post.status_code == 410 and _nothing_stored()
