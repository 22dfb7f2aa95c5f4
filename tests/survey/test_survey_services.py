"""Designing questionnaires and storing answers (survey/services.py): success and every refusal."""
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from survey_helpers import posted

from samordna.survey import services
from samordna.survey.models import Answer, OneTimeCode, Question, Questionnaire, Response, Version

DAY = date(2024, 5, 17)


def test_default_questionnaire_has_the_issues_questions(questionnaire):
    version = questionnaire.current
    keys = list(version.questions.values_list("key", flat=True))
    assert keys == ["halsa", "aktivitetsformaga", "narmare_arbete", "respekt", "rekommendera",
                    "kon", "alder", "forsorjning", "tid", "kommentar"]
    background = version.questions.filter(background=True)
    assert set(background.values_list("key", flat=True)) == {"kon", "alder", "forsorjning", "tid"}
    age = version.questions.get(key="alder")
    assert [c[0] for c in age.choices] == ["16-19", "20-29", "30-39", "40-49", "50-59", "60-66"]
    assert all(q.text_easy and q.text_en for q in version.questions.all())
    assert version.questions.filter(kind="text").count() == 1
    assert "namn" in version.questions.get(kind="text").text


def test_published_version_cannot_be_changed(questionnaire):
    version = questionnaire.current
    with pytest.raises(ValidationError, match="publicerad"):
        services.add_question(version, kind="yes_no", text="Ny fråga?", key="ny")
    with pytest.raises(ValidationError, match="publicerad"):
        services.delete_question(version.questions.first())
    assert version.questions.count() == 10


def test_new_version_copies_questions_and_keeps_old_answers(questionnaire, distribution, questions):
    first = questionnaire.current
    response = services.submit_response(distribution, first.pk, posted(questions, halsa="4"), DAY)
    draft = services.new_version(questionnaire)
    assert draft.number == 2 and draft.questions.count() == 10
    services.add_question(draft, kind="single", text="Hur fick du veta om insatsen?", key="kanal",
                          choices=[["af", "Arbetsförmedlingen", "", ""], ["fk", "Försäkringskassan", "", ""]])
    with pytest.raises(ValidationError, match="redan ett utkast"):
        services.new_version(questionnaire)
    services.publish(draft, DAY)
    assert questionnaire.current == draft
    response.refresh_from_db()
    assert response.version == first and first.questions.count() == 10


def test_add_question_refusals(questionnaire):
    draft = services.new_version(questionnaire)
    with pytest.raises(ValidationError) as error:
        services.add_question(draft, kind="text", text="En till fritext", key="fritext2")
    assert "högst en" in str(error.value)
    with pytest.raises(ValidationError, match="minst två"):
        services.add_question(draft, kind="single", text="Välj", key="val", choices=[["a", "A", "", ""]])
    with pytest.raises(ValidationError, match="används redan"):
        services.add_question(draft, kind="yes_no", text="Hälsa?", key="halsa")
    with pytest.raises(ValidationError, match="skriv frågan"):
        services.add_question(draft, kind="yes_no", text="  ", key="tom")
    assert draft.questions.count() == 10


def test_publish_needs_questions_and_indicator_wording_is_fixed(lake):
    empty = services.create_questionnaire(lake.association, "Tom", with_defaults=False)
    with pytest.raises(ValidationError, match="inga frågor"):
        services.publish(empty.draft, DAY)
    assert not empty.versions.filter(published=True).exists()
    indicator = services.create_questionnaire(lake.association, "Indikator deltagare",
                                              kind=Questionnaire.Kind.INDICATOR, publish_on=DAY)
    with pytest.raises(ValidationError, match="fast formulering"):
        services.new_version(indicator)
    assert indicator.versions.count() == 1
    with pytest.raises(ValidationError, match="Namn"):
        services.create_questionnaire(lake.association, " ")


def test_submit_stores_only_the_quarter(distribution, questions, questionnaire):
    response = services.submit_response(
        distribution, questionnaire.current.pk,
        posted(questions, halsa="4", rekommendera="ja", kon="kvinna", alder="30-39", kommentar="Bra stöd."), DAY)
    response.refresh_from_db()
    assert (response.year, response.quarter) == (2024, 2)
    rows = {a.question.key: a for a in response.answers.select_related("question")}
    assert rows["halsa"].number == 4 and rows["rekommendera"].number == 1
    assert rows["kon"].choice == "kvinna" and rows["kommentar"].text == "Bra stöd."
    assert services.period_of(date(2024, 12, 31)) == (2024, 4) and services.period_of(date(2024, 1, 1)) == (2024, 1)


@pytest.mark.parametrize(("values", "message"), [
    ({"halsa": "6"}, "från 1 till 5"),
    ({"halsa": ["3", "4"]}, "bara ett svar"),
    ({"rekommendera": "kanske"}, "ja eller nej"),
    ({"kon": "robot"}, "går inte att tolka"),
    ({"kommentar": "x" * 1001}, "för lång"),
    ({"kommentar": "Min handläggare har pnr 811228-9874"}, "personnummer"),
    ({"kommentar": "Anna Svensson, Erik Johansson, Karl Berg"}, "lista med namn"),
    ({}, "inte svarat på någon fråga"),
    ({"kommentar": "   "}, "inte svarat på någon fråga"),
])
def test_bad_answers_store_nothing(distribution, questions, questionnaire, values, message):
    with pytest.raises(ValidationError, match=message):
        services.submit_response(distribution, questionnaire.current.pk, posted(questions, **values), DAY)
    assert Response.objects.count() == 0 and Answer.objects.count() == 0


def test_unknown_question_or_version_and_closed_survey(distribution, questions, questionnaire):
    with pytest.raises(ValidationError, match="inte finns i enkäten"):
        services.submit_response(distribution, questionnaire.current.pk, {"99999": ["1"]}, DAY)
    with pytest.raises(ValidationError, match="ändrats"):
        services.submit_response(distribution, "abc", posted(questions, halsa="3"), DAY)
    draft = services.new_version(questionnaire)
    with pytest.raises(ValidationError, match="ändrats"):  # a draft takes no answers
        services.submit_response(distribution, draft.pk, posted(questions, halsa="3"), DAY)
    distribution.is_open = False
    distribution.save()
    with pytest.raises(ValidationError, match="stängd"):
        services.submit_response(distribution, questionnaire.current.pk, posted(questions, halsa="3"), DAY)
    assert Response.objects.count() == 0


def test_one_time_codes_are_burnt_on_use(distribution, questions, questionnaire):
    distribution.requires_code = True
    distribution.save()
    codes = services.generate_codes(distribution, 3)
    assert len({c.code for c in codes}) == 3 and all(len(c.code) == 6 for c in codes)
    assert not set("01ilo") & set("".join(c.code for c in codes))
    version = questionnaire.current.pk
    with pytest.raises(ValidationError, match="Skriv koden"):
        services.submit_response(distribution, version, posted(questions, halsa="3"), DAY)
    with pytest.raises(ValidationError, match="finns inte"):
        services.submit_response(distribution, version, posted(questions, halsa="3"), DAY, code="zzzzzz")
    services.submit_response(distribution, version, posted(questions, halsa="3"), DAY, code=codes[0].code.upper())
    with pytest.raises(ValidationError, match="redan använd"):
        services.submit_response(distribution, version, posted(questions, halsa="5"), DAY, code=codes[0].code)
    assert Response.objects.count() == 1
    assert OneTimeCode.objects.filter(used=True).count() == 1
    # A refused answer does not burn the code.
    with pytest.raises(ValidationError):
        services.submit_response(distribution, version, posted(questions, halsa="9"), DAY, code=codes[1].code)
    assert not OneTimeCode.objects.get(pk=codes[1].pk).used
    # Nothing links a code to a response.
    assert not [f for f in OneTimeCode._meta.get_fields() if f.is_relation and f.related_model is Response]


def test_code_count_limits(distribution):
    for bad in (0, 501, "10"):
        with pytest.raises(ValidationError, match="Antal"):
            services.generate_codes(distribution, bad)
    assert distribution.codes.count() == 0


def test_distribution_refusals(lake, questionnaire):
    from samordna.associations import services as association_services

    other = association_services.create_association(slug="annat", name="Annat förbund", numbering="continuous")
    foreign = services.create_questionnaire(other, "Deras enkät")
    with pytest.raises(ValidationError, match="förbundets enkäter"):
        services.create_distribution(lake.association, foreign, label="X")
    with pytest.raises(ValidationError, match="Benämning"):
        services.create_distribution(lake.association, questionnaire, label=" ")
    assert lake.association.survey_distributions.count() == 0


def test_blank_comment(distribution, questions, questionnaire):
    response = services.submit_response(distribution, questionnaire.current.pk,
                                         posted(questions, halsa="2", kommentar="Lite rörigt ibland."), DAY)
    answer = response.answers.get(question__key="kommentar")
    services.blank_comment(answer)
    answer.refresh_from_db()
    assert answer.text == "" and response.answers.get(question__key="halsa").number == 2


def test_version_numbers_are_unique(questionnaire):
    assert list(Version.objects.filter(questionnaire=questionnaire).values_list("number", flat=True)) == [1]
    assert Question.objects.filter(version__questionnaire=questionnaire).count() == 10


def test_indicator_questionnaire_wording_is_locked_after_publication(lake):
    draft = services.create_indicator_questionnaire(lake.association, "remittenter")
    assert draft.kind == "indicator" and draft.name == "Indikatorenkät: Remittenter"
    assert draft.draft.questions.count() == 3 and draft.current is None
    published = services.create_indicator_questionnaire(lake.association, "deltagare_avslut", publish_on=DAY)
    version = published.current
    assert list(version.questions.values_list("kind", flat=True)) == ["scale"] * 4
    with pytest.raises(ValidationError, match="publicerad"):
        services.add_question(version, kind="yes_no", text="Extra?", key="extra")
    with pytest.raises(ValidationError, match="fast formulering"):
        services.new_version(published)
    with pytest.raises(ValidationError, match="Målgrupp"):
        services.create_indicator_questionnaire(lake.association, "okänd")
    assert Questionnaire.objects.filter(kind="indicator").count() == 2


def test_admin_cannot_change_a_published_wording(lake, rf):
    from django.contrib.admin.sites import site
    from django.contrib.auth.models import User

    from samordna.survey.admin import QuestionInline, VersionAdmin

    published = services.create_indicator_questionnaire(lake.association, "chefer", publish_on=DAY)
    request = rf.get("/")
    request.user = User.objects.create_superuser("granskare", password="hemligt-lösen-2")
    inline = QuestionInline(Version, site)
    version = published.current
    assert not inline.has_change_permission(request, version)
    assert not inline.has_add_permission(request, version) and not inline.has_delete_permission(request, version)
    assert "published" in VersionAdmin(Version, site).get_readonly_fields(request, version)
    draft = services.create_indicator_questionnaire(lake.association, "personal").draft
    assert inline.has_change_permission(request, draft) and inline.has_add_permission(request, draft)
