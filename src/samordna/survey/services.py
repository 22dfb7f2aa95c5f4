"""Writes for the survey: design, distribution, codes and the anonymous answers."""
import secrets
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from samordna.accounts.audit import record_created
from samordna.rules.privacy import free_text_problem

from .defaults import default_questions
from .indicators import AUDIENCES, indicator_questions
from .models import Answer, Distribution, OneTimeCode, Question, Questionnaire, Response, Version

# No 0/o, 1/l/i: codes are read off paper and typed on a phone.
ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
MAX_TEXT = 1000
MAX_CODES = 500


def period_of(day: date) -> tuple[int, int]:
    """The only time an answer keeps: year and quarter."""
    return day.year, (day.month - 1) // 3 + 1


def _random(length: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


@transaction.atomic
def create_questionnaire(association, name, *, kind=Questionnaire.Kind.EXIT, with_defaults=True,
                         publish_on: date | None = None) -> Questionnaire:
    if not (name or "").strip():
        raise ValidationError({"name": "Namn: skriv enkätens namn."})
    questionnaire = Questionnaire.objects.create(association=association, name=name.strip(), kind=kind)
    version = Version.objects.create(questionnaire=questionnaire, number=1)
    if with_defaults:
        record_created(Question.objects.bulk_create(Question(version=version, **q) for q in default_questions()))
    if publish_on:
        publish(version, publish_on)
    return questionnaire


@transaction.atomic
def create_indicator_questionnaire(association, audience: str, *, publish_on: date | None = None) -> Questionnaire:
    """One audience of the indicator surveys; its wording is locked once published."""
    if audience not in AUDIENCES:
        raise ValidationError({"audience": "Målgrupp: välj en av indikatorenkäternas målgrupper."})
    questionnaire = create_questionnaire(association, f"Indikatorenkät: {AUDIENCES[audience][0]}",
                                         kind=Questionnaire.Kind.INDICATOR, with_defaults=False)
    questionnaire.code = audience
    questionnaire.save(update_fields=["code"])
    version = questionnaire.versions.get()
    record_created(Question.objects.bulk_create(
        Question(version=version, **q) for q in indicator_questions(audience)))
    if publish_on:
        publish(version, publish_on)
    return questionnaire


def _check_draft(version: Version):
    if version.published:
        raise ValidationError("Versionen är publicerad och kan inte ändras. Skapa en ny version i stället; "
                              "svar som redan kommit in hör till den gamla versionen.")


@transaction.atomic
def add_question(version: Version, **fields) -> Question:
    _check_draft(version)
    question = Question(version=version, **fields)
    errors = {}
    if not question.text.strip():
        errors["text"] = "Fråga: skriv frågan."
    if question.kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
        if len(question.choices) < 2:
            errors["choices"] = "Svarsalternativ: ange minst två alternativ."
    else:
        question.choices = []
    if question.kind == Question.Kind.TEXT and version.questions.filter(kind=Question.Kind.TEXT).exists():
        errors["kind"] = "Frågetyp: enkäten har redan en fritextfråga (högst en är tillåten)."
    if question.key and version.questions.filter(key=question.key).exists():
        errors["key"] = f"Kod: koden {question.key} används redan i den här versionen."
    if errors:
        raise ValidationError(errors)
    if not question.order:
        last = version.questions.order_by("-order").first()
        question.order = (last.order if last else 0) + 10
    question.full_clean(exclude=["version"])
    question.save()
    return question


@transaction.atomic
def delete_question(question: Question):
    _check_draft(question.version)
    question.delete()


@transaction.atomic
def publish(version: Version, today: date) -> Version:
    _check_draft(version)
    if not version.questions.exists():
        raise ValidationError("Versionen har inga frågor att publicera.")
    version.published, version.published_on = True, today
    version.save(update_fields=["published", "published_on"])
    return version


@transaction.atomic
def new_version(questionnaire: Questionnaire) -> Version:
    """A draft copy of the current version; the published one stays as the answers knew it."""
    questionnaire = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    if questionnaire.draft:
        raise ValidationError("Det finns redan ett utkast till ny version. Publicera eller ändra det.")
    current = questionnaire.current
    if current and questionnaire.kind == Questionnaire.Kind.INDICATOR:
        raise ValidationError("Indikatorenkäter har fast formulering och kan inte ändras när de är publicerade.")
    number = (questionnaire.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    version = Version.objects.create(questionnaire=questionnaire, number=number)
    if current:
        copies = []
        for q in current.questions.all():
            q.pk, q.version = None, version
            copies.append(q)
        record_created(Question.objects.bulk_create(copies))
    return version


@transaction.atomic
def create_distribution(association, questionnaire, *, label="", intervention=None,
                        requires_code=False) -> Distribution:
    if questionnaire.association_id != association.pk:
        raise ValidationError({"questionnaire": "Enkät: välj en av förbundets enkäter."})
    if intervention is not None and intervention.association_id != association.pk:
        raise ValidationError({"intervention": "Insats: välj en av förbundets insatser."})
    if not (label or "").strip() and intervention is None:
        raise ValidationError({"label": "Benämning: skriv en benämning eller välj en insats."})
    token = _random(8)
    while Distribution.objects.filter(token=token).exists():
        token = _random(8)
    return Distribution.objects.create(association=association, questionnaire=questionnaire, label=label.strip(),
                                       intervention=intervention, token=token, requires_code=requires_code)


@transaction.atomic
def generate_codes(distribution: Distribution, count: int) -> list[OneTimeCode]:
    if not isinstance(count, int) or not 1 <= count <= MAX_CODES:
        raise ValidationError({"count": f"Antal: ange 1–{MAX_CODES} koder."})
    existing = set(distribution.codes.values_list("code", flat=True))
    fresh = set()
    while len(fresh) < count:
        code = _random(6)
        if code not in existing:
            fresh.add(code)
    return OneTimeCode.objects.bulk_create(OneTimeCode(distribution=distribution, code=c) for c in sorted(fresh))


@transaction.atomic
def blank_comment(answer: Answer):
    """Staff remove a comment that should not be kept; the rest of the response stays."""
    answer.text = ""
    answer.save(update_fields=["text"])


def _parse(question: Question, raw: list[str]) -> list[dict]:
    """The Answer rows for one question, or ValidationError naming it."""
    raw = [r.strip() for r in raw if r is not None and r.strip()]
    if not raw:
        return []
    label = question.text
    if question.kind == Question.Kind.MULTIPLE:
        codes = {c for c, _ in question.options()}
        if not set(raw) <= codes or len(set(raw)) != len(raw):
            raise ValidationError(f"”{label}”: svaret går inte att tolka. Välj bland alternativen.")
        return [{"choice": r} for r in raw]
    if len(raw) != 1:
        raise ValidationError(f"”{label}”: välj bara ett svar.")
    value = raw[0]
    if question.kind == Question.Kind.SCALE:
        if value not in {"1", "2", "3", "4", "5"}:
            raise ValidationError(f"”{label}”: välj en siffra från 1 till 5.")
        return [{"number": int(value)}]
    if question.kind == Question.Kind.YES_NO:
        if value not in {"ja", "nej"}:
            raise ValidationError(f"”{label}”: välj ja eller nej.")
        return [{"number": 1 if value == "ja" else 0}]
    if question.kind == Question.Kind.SINGLE:
        if value not in {c for c, _ in question.options()}:
            raise ValidationError(f"”{label}”: svaret går inte att tolka. Välj bland alternativen.")
        return [{"choice": value}]
    if len(value) > MAX_TEXT:
        raise ValidationError(f"Kommentaren är för lång ({len(value)} tecken). Korta den till högst {MAX_TEXT} tecken.")
    # Refused rather than blanked: the person can remove the name and still say what they meant.
    problem = free_text_problem(value, "Kommentaren")
    if problem:
        raise ValidationError(problem)
    return [{"text": value}]


@transaction.atomic
def submit_response(distribution: Distribution, version_id, answers: dict, today: date,
                    code: str = "") -> Response:
    """Store one anonymous response. `answers` maps question id (str) to the list of raw values.

    Refuses, storing nothing, a closed survey, an unknown version, values that do not fit the
    questions, an empty response, a comment with personal data, and a missing or burnt code.
    """
    distribution = Distribution.objects.select_for_update().get(pk=distribution.pk)
    if not distribution.is_open:
        raise ValidationError("Enkäten är stängd och tar inte emot fler svar. Tack ändå!")
    try:
        version = distribution.questionnaire.versions.get(pk=int(version_id), published=True)
    except (TypeError, ValueError, Version.DoesNotExist):
        raise ValidationError("Enkäten har ändrats sedan sidan öppnades. Ladda om sidan och svara igen.")
    questions = {str(q.pk): q for q in version.questions.all()}
    unknown = set(answers) - set(questions)
    if unknown:
        raise ValidationError("Svaret innehåller frågor som inte finns i enkäten. Ladda om sidan och svara igen.")
    rows, errors = [], []
    for key, question in questions.items():
        try:
            rows += [(question, values) for values in _parse(question, answers.get(key, []))]
        except ValidationError as error:
            errors += error.messages
    if errors:
        raise ValidationError(errors)
    if not rows:
        raise ValidationError("Du har inte svarat på någon fråga ännu.")
    if distribution.requires_code:
        typed = (code or "").strip().lower().replace(" ", "")
        if not typed:
            raise ValidationError("Skriv koden du fick på lappen.")
        ticket = distribution.codes.select_for_update().filter(code=typed).first()
        if ticket is None:
            raise ValidationError("Koden finns inte. Kontrollera att du skrivit den rätt.")
        if ticket.used:
            raise ValidationError("Koden är redan använd. Varje kod kan bara användas en gång.")
        ticket.used = True
        ticket.save(update_fields=["used"])
    year, quarter = period_of(today)
    response = Response.objects.create(distribution=distribution, version=version, year=year, quarter=quarter)
    Answer.objects.bulk_create(Answer(response=response, question=q, **values) for q, values in rows)
    return response
