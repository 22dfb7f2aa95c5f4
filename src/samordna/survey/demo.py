"""Demo: Skaraborg's board decided on a voluntary, anonymous exit survey answered by phone at the exit talk.

A year of invented answers through the real service, so every figure on the results page is
produced the way a participant's answer would be. One small group is left below the threshold
on purpose, to show the suppression.
"""
import random
from datetime import date, timedelta

from .models import Question
from .services import create_distribution, create_questionnaire, generate_codes, submit_response

COMMENTS = [
    "Bra att få träffa andra i samma situation.",
    "Personalen lyssnade och hade tid.",
    "Jag hade velat ha fler träffar i början.",
    "Svårt att ta sig dit med buss.",
    "Skönt att få gå i egen takt.",
]


def _answers(version, rng, mood):
    answers = {}
    for q in version.questions.all():
        if rng.random() < 0.05:
            continue  # some skip a question
        if q.kind == Question.Kind.SCALE:
            value = max(1, min(5, round(rng.gauss(mood, 1.0))))
            answers[str(q.pk)] = [str(value)]
        elif q.kind == Question.Kind.YES_NO:
            answers[str(q.pk)] = ["ja" if rng.random() < 0.2 + mood / 6 else "nej"]
        elif q.kind == Question.Kind.SINGLE:
            answers[str(q.pk)] = [rng.choice(q.choices)[0]]
        elif q.kind == Question.Kind.TEXT and rng.random() < 0.25:
            answers[str(q.pk)] = [rng.choice(COMMENTS)]
    return answers


def load(association, today):
    rng = random.Random(6)
    start = date(today.year - 1, 1, 1)
    questionnaire = create_questionnaire(association, "Avslutsenkät", publish_on=start)
    questionnaire.intro = ("Förbundet följer upp insatserna med deltagarnas egna svar. "
                           "Svaren visas bara sammanräknade.")
    questionnaire.save(update_fields=["intro"])
    version = questionnaire.current
    interventions = list(association.interventions.all()[:2]) if hasattr(association, "interventions") else []
    distributions = [create_distribution(association, questionnaire, label="Avslutningssamtal, alla insatser")]
    for intervention in interventions:
        distributions.append(create_distribution(association, questionnaire, intervention=intervention))
    if not interventions:
        distributions.append(create_distribution(association, questionnaire, label="Gruppinsats för hälsa och arbete",
                                                 requires_code=True))
    main, second = distributions[0], distributions[1]
    if second.requires_code:
        generate_codes(second, 40)
    day = start
    while day <= today:
        # About one exit talk in three ends with an answer; the second group is small.
        for _ in range(rng.randint(6, 12)):
            submit_response(main, version.pk, _answers(version, rng, 3.8), day + timedelta(days=rng.randint(0, 27)))
        if day.month in (2, 5, 9, 11):
            for _ in range(rng.randint(1, 4) if day.month == 11 else rng.randint(4, 8)):
                code = ""
                if second.requires_code:
                    ticket = second.codes.filter(used=False).first()
                    code = ticket.code if ticket else ""
                    if not code:
                        break
                submit_response(second, version.pk, _answers(version, rng, 4.1), day, code=code)
        day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return questionnaire
