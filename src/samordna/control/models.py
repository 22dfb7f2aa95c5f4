"""The internal control plan: per year the risks (what can go wrong), their action plans and follow-ups."""
from django.db import models

from samordna.associations.models import Association
from samordna.board.models import Paragraph, Person
from samordna.rules import risk as rules


class ControlSettings(models.Model):
    """The association's risk matrix: 4 × 4 by default, 5 × 5 if it prefers, with its own step labels."""

    association = models.OneToOneField(Association, on_delete=models.CASCADE, related_name="control_settings")
    matrix_size = models.PositiveSmallIntegerField(
        "riskmatrisens storlek", choices=[(size, f"{size} × {size}") for size in rules.SIZES], default=rules.DEFAULT_SIZE
    )
    probability_labels = models.TextField("benämningar för sannolikhet", blank=True,
                                          help_text="En per rad, från lägst till högst. Lämna tomt för standard.")
    consequence_labels = models.TextField("benämningar för konsekvens", blank=True,
                                          help_text="En per rad, från lägst till högst. Lämna tomt för standard.")

    class Meta:
        verbose_name = "inställning för intern kontroll"
        verbose_name_plural = "inställningar för intern kontroll"

    def __str__(self):
        return f"{self.association}: {self.matrix_size} × {self.matrix_size}"

    @property
    def probability_steps(self):
        return rules.labels(self.probability_labels.splitlines(), self.matrix_size, rules.DEFAULT_PROBABILITY_LABELS)

    @property
    def consequence_steps(self):
        return rules.labels(self.consequence_labels.splitlines(), self.matrix_size, rules.DEFAULT_CONSEQUENCE_LABELS)


class ControlPlan(models.Model):
    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="control_plans")
    year = models.PositiveSmallIntegerField("år")
    adopted_at = models.ForeignKey(Paragraph, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                   verbose_name="antagen vid")
    reported_at = models.ForeignKey(Paragraph, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                    verbose_name="uppföljningen redovisad vid")
    note = models.TextField("kommentar", blank=True)

    class Meta:
        ordering = ["association", "-year"]
        constraints = [models.UniqueConstraint(fields=["association", "year"], name="control_plan_unique_year")]
        verbose_name = "internkontrollplan"
        verbose_name_plural = "internkontrollplaner"

    def __str__(self):
        return f"Internkontrollplan {self.year}"


class Risk(models.Model):
    class Frequency(models.TextChoices):
        CONTINUOUS = "continuous", "Löpande"
        EVERY_MEETING = "every_meeting", "Vid varje styrelsemöte"
        MONTHLY = "monthly", "Varje månad"
        QUARTERLY = "quarterly", "Varje kvartal"
        TERTIAL = "tertial", "Varje tertial"
        HALF_YEARLY = "half_yearly", "Varje halvår"
        YEARLY = "yearly", "En gång om året"

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(ControlPlan, on_delete=models.CASCADE, related_name="risks")
    position = models.PositiveSmallIntegerField("ordning", default=0)
    title = models.CharField("vad kan gå fel?", max_length=300)
    process = models.CharField("process eller område", max_length=200, blank=True, help_text="T.ex. uppföljning, ekonomi, personal")
    probability = models.PositiveSmallIntegerField("sannolikhet")
    consequence = models.PositiveSmallIntegerField("konsekvens")
    action_plan = models.TextField("åtgärdsplan", blank=True)
    control_method = models.TextField("kontrollmetod", blank=True, help_text="Hur kontrollen görs")
    frequency = models.CharField("frekvens", max_length=20, choices=Frequency.choices, default=Frequency.YEARLY)
    responsible = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                    verbose_name="ansvarig")

    class Meta:
        ordering = ["plan", "position", "id"]
        verbose_name = "risk"
        verbose_name_plural = "risker"

    def __str__(self):
        return self.title


class FollowUp(models.Model):
    class Status(models.TextChoices):
        DONE = "done", "Genomförd"
        ONGOING = "ongoing", "Pågår"
        NOT_STARTED = "not_started", "Ej påbörjad"
        DEVIATION = "deviation", "Avvikelse"

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="+")
    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="follow_ups")
    date = models.DateField("datum")
    assessment = models.TextField("bedömning")
    status = models.CharField("status", max_length=20, choices=Status.choices)
    new_probability = models.PositiveSmallIntegerField("ny sannolikhet", null=True, blank=True)
    new_consequence = models.PositiveSmallIntegerField("ny konsekvens", null=True, blank=True)

    class Meta:
        ordering = ["risk", "date", "id"]
        verbose_name = "uppföljning"
        verbose_name_plural = "uppföljningar"

    def __str__(self):
        return f"{self.risk}: {self.get_status_display()} {self.date:%Y-%m-%d}"
