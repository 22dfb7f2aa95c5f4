"""The anonymous exit survey.

Anonymity by construction: `Response` and `Answer` hold no address, user agent, cookie, session,
referrer or time of day, and their primary keys are random UUIDs so not even the insertion order
can be matched against a web log or the order of exit talks. A response carries only the
questionnaire version, the distribution (hence the intervention) and the calendar quarter.
"""
import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.text import slugify

from samordna.associations.models import Association
from samordna.rules.privacy import DEFAULT_THRESHOLD, MIN_THRESHOLD


class Questionnaire(models.Model):
    class Kind(models.TextChoices):
        EXIT = "exit", "Avslutsenkät"
        INDICATOR = "indicator", "Indikatorenkät (fast formulering)"

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="questionnaires")
    name = models.CharField("namn", max_length=200)
    kind = models.CharField("typ", max_length=20, choices=Kind.choices, default=Kind.EXIT)
    code = models.SlugField("kod", max_length=40, blank=True,
                            help_text="Enkätens kod i exporten, t.ex. målgruppen för en indikatorenkät.")
    intro = models.TextField("inledning", blank=True)
    min_group = models.PositiveSmallIntegerField(
        "minsta grupp som visas", default=DEFAULT_THRESHOLD,
        validators=[MinValueValidator(MIN_THRESHOLD)],
        help_text=f"Grupper med färre svar visas inte. Lägst {MIN_THRESHOLD}.")

    class Meta:
        ordering = ["name"]
        verbose_name = "enkät"
        verbose_name_plural = "enkäter"

    def __str__(self):
        return self.name

    @property
    def export_code(self):
        """The questionnaire's code in the CSV export: stable across renames once set."""
        return self.code or slugify(self.name)

    @property
    def current(self):
        """The latest published version, the one new answers go to."""
        return self.versions.filter(published=True).order_by("-number").first()

    @property
    def draft(self):
        return self.versions.filter(published=False).order_by("-number").first()


class Version(models.Model):
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField("version")
    published = models.BooleanField("publicerad", default=False)
    published_on = models.DateField("publicerad den", null=True, blank=True)

    class Meta:
        ordering = ["questionnaire", "number"]
        constraints = [models.UniqueConstraint(fields=["questionnaire", "number"], name="survey_version_unique")]

    def __str__(self):
        return f"{self.questionnaire.name}, version {self.number}"


class Question(models.Model):
    class Kind(models.TextChoices):
        SCALE = "scale", "Skala 1–5"
        YES_NO = "yes_no", "Ja/nej"
        SINGLE = "single", "Ett svarsalternativ"
        MULTIPLE = "multiple", "Flera svarsalternativ"
        TEXT = "text", "Fritext (högst en per enkät)"

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField("ordning", default=0)
    key = models.SlugField("kod", max_length=40, help_text="Kort kod för export, t.ex. halsa.")
    kind = models.CharField("frågetyp", max_length=20, choices=Kind.choices)
    text = models.CharField("fråga", max_length=300)
    text_easy = models.CharField("fråga på lättläst svenska", max_length=300, blank=True)
    text_en = models.CharField("fråga på engelska", max_length=300, blank=True)
    low_label = models.CharField("text vid 1", max_length=80, blank=True)
    high_label = models.CharField("text vid 5", max_length=80, blank=True)
    # [[code, svenska, lättläst, english], ...] for single and multiple choice.
    choices = models.JSONField("svarsalternativ", default=list, blank=True)
    background = models.BooleanField("bakgrundsfråga", default=False)

    class Meta:
        ordering = ["version", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["version", "key"], name="survey_question_key_unique")]

    def __str__(self):
        return self.text

    def label(self, language="sv"):
        return {"easy": self.text_easy, "en": self.text_en}.get(language) or self.text

    def options(self, language="sv"):
        """(code, label) pairs in the reader's language."""
        index = {"sv": 1, "easy": 2, "en": 3}.get(language, 1)
        return [(c[0], (c[index] if len(c) > index and c[index] else c[1])) for c in self.choices]


class Distribution(models.Model):
    """A short link and QR code for one intervention, never for one person."""
    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="survey_distributions")
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.PROTECT, related_name="distributions",
                                      verbose_name="enkät")
    intervention = models.ForeignKey("interventions.Intervention", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="survey_distributions",
                                     verbose_name="insats")
    label = models.CharField("benämning", max_length=200, blank=True,
                             help_text="Visas för deltagaren, t.ex. insatsens namn.")
    token = models.SlugField("kortlänk", max_length=16, unique=True)
    requires_code = models.BooleanField("kräv engångskod", default=False,
                                        help_text="Varje kod kan användas en gång och är inte kopplad till någon person.")
    is_open = models.BooleanField("öppen för svar", default=True)

    class Meta:
        ordering = ["label", "pk"]
        verbose_name = "utskick"

    def __str__(self):
        return self.title

    @property
    def title(self):
        if self.label:
            return self.label
        if self.intervention_id:
            return self.intervention.name
        return self.questionnaire.name


class OneTimeCode(models.Model):
    """Printed on a sheet for the exit talk. Nothing links a code to a person or to an answer."""
    distribution = models.ForeignKey(Distribution, on_delete=models.CASCADE, related_name="codes")
    code = models.CharField("kod", max_length=12)
    used = models.BooleanField("använd", default=False)

    class Meta:
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["distribution", "code"], name="survey_code_unique")]


class Response(models.Model):
    """One person's answers. Deliberately minimal: see the module docstring."""
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    distribution = models.ForeignKey(Distribution, on_delete=models.PROTECT, related_name="responses")
    version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="responses")
    year = models.PositiveSmallIntegerField("år")
    quarter = models.PositiveSmallIntegerField("kvartal", validators=[MinValueValidator(1), MaxValueValidator(4)])

    class Meta:
        ordering = ["id"]  # random: never the order of answering
        indexes = [models.Index(fields=["distribution", "year", "quarter"])]


class Answer(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    number = models.PositiveSmallIntegerField(null=True, blank=True)  # scale 1–5; yes = 1, no = 0
    choice = models.CharField(max_length=40, blank=True)  # one row per chosen option
    text = models.TextField(blank=True)  # the one free-text question, screened on the way in

    class Meta:
        ordering = ["id"]
