"""Interventions the association funds, their contracts and goals, and monthly count reports.

Follow-up data holds counts only: no participant's name, personal identity number, IP address or exact time is
stored (FinsamL gives the association no right to process participants' personal data). Report periods are months.
"""
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models

from samordna.associations.models import Association, Member


class Kind(models.TextChoices):
    INDIVIDUAL = "individual", "Individinriktad"
    STRUCTURAL = "structural", "Strukturövergripande"


class Orientation(models.Model):
    """Preciserad inriktning: the association's own list, seeded with the national defaults."""

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="orientations")
    kind = models.CharField("inriktning", max_length=20, choices=Kind.choices)
    name = models.CharField("namn", max_length=100)
    position = models.PositiveSmallIntegerField("ordning", default=0)

    class Meta:
        ordering = ["association", "kind", "position", "name"]
        constraints = [models.UniqueConstraint(fields=["association", "kind", "name"], name="orientation_unique")]
        verbose_name = "preciserad inriktning"
        verbose_name_plural = "preciserade inriktningar"

    def __str__(self):
        return f"{self.name} ({self.get_kind_display().lower()})"


class ExitReason(models.Model):
    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="exit_reasons")
    name = models.CharField("namn", max_length=100)
    positive = models.BooleanField("räknas som positivt avslut", default=False)
    position = models.PositiveSmallIntegerField("ordning", default=0)

    class Meta:
        ordering = ["association", "position", "name"]
        constraints = [models.UniqueConstraint(fields=["association", "name"], name="exitreason_unique")]
        verbose_name = "avslutsanledning"
        verbose_name_plural = "avslutsanledningar"

    def __str__(self):
        return self.name


class Intervention(models.Model):
    class FollowUpMethod(models.TextChoices):
        COUNTS = "counts", "Antal deltagare utan personuppgifter"
        NATIONAL = "national", "Deltagare registreras i Uppföljning Finsam"
        STRUCTURAL = "structural", "Antal deltagande personal (strukturövergripande)"

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="interventions")
    name = models.CharField("namn", max_length=200)
    kind = models.CharField("inriktning", max_length=20, choices=Kind.choices, default=Kind.INDIVIDUAL)
    orientation = models.ForeignKey(Orientation, on_delete=models.PROTECT, related_name="+", verbose_name="preciserad inriktning")
    follow_up_method = models.CharField("uppföljningsmetod", max_length=20, choices=FollowUpMethod.choices, default=FollowUpMethod.COUNTS)
    esf_funded = models.BooleanField("ESF-finansierad", default=False)
    owners = models.ManyToManyField(Member, related_name="owned_interventions", verbose_name="insatsägare")
    provider = models.CharField("utförare", max_length=200, blank=True)
    municipalities = models.ManyToManyField(Member, blank=True, related_name="served_by", verbose_name="kommuner som omfattas")
    description = models.TextField("vad insatsen erbjuder", blank=True)
    target_group = models.TextField("målgrupp", blank=True)
    start = models.DateField("startdatum")
    end = models.DateField("slutdatum", null=True, blank=True)
    capacity_at_once = models.PositiveIntegerField("platser samtidigt", null=True, blank=True)
    capacity_per_year = models.PositiveIntegerField("deltagare per år", null=True, blank=True)
    group_based = models.BooleanField("gruppbaserad med fasta gruppstarter", default=False)
    places_per_group = models.PositiveIntegerField("platser per grupp", null=True, blank=True)
    place = models.CharField("plats", max_length=200, blank=True, help_text="Var insatsen bedrivs, t.ex. ort eller adress.")
    contact = models.TextField("kontakt", blank=True, help_text="Funktion, telefon och e-post till insatsen (inga privatpersoners uppgifter).")
    referral = models.TextField("så blir man remitterad", blank=True)
    published = models.BooleanField("visas i den offentliga insatskatalogen", default=True)

    class Meta:
        ordering = ["association", "name"]
        constraints = [models.UniqueConstraint(fields=["association", "name"], name="intervention_unique_name")]
        verbose_name = "insats"
        verbose_name_plural = "insatser"

    def __str__(self):
        return self.name


class GroupStart(models.Model):
    intervention = models.ForeignKey(Intervention, on_delete=models.CASCADE, related_name="group_starts")
    date = models.DateField("gruppstart")
    places = models.PositiveIntegerField("platser", null=True, blank=True)

    class Meta:
        ordering = ["intervention", "date"]
        constraints = [models.UniqueConstraint(fields=["intervention", "date"], name="groupstart_unique")]
        verbose_name = "gruppstart"
        verbose_name_plural = "gruppstarter"


class BudgetLine(models.Model):
    """Förbundsmedel for one year, for the whole intervention (no municipality) or one municipality's share."""

    intervention = models.ForeignKey(Intervention, on_delete=models.CASCADE, related_name="budget_lines")
    year = models.PositiveSmallIntegerField("år", validators=[MinValueValidator(2000)])
    municipality = models.ForeignKey(Member, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="kommun")
    amount = models.PositiveIntegerField("belopp (kr)")
    planned_participants = models.PositiveIntegerField("planerat antal deltagare", null=True, blank=True)

    class Meta:
        ordering = ["intervention", "year", "municipality__name"]
        constraints = [models.UniqueConstraint(fields=["intervention", "year", "municipality"], name="budgetline_unique")]
        verbose_name = "budgetrad"
        verbose_name_plural = "budget"


class Contract(models.Model):
    intervention = models.ForeignKey(Intervention, on_delete=models.CASCADE, related_name="contracts")
    provider = models.CharField("leverantör", max_length=200)
    start = models.DateField("avtalet gäller från")
    end = models.DateField("avtalet gäller till")
    extension_options = models.CharField("förlängningsoption", max_length=300, blank=True,
                                         help_text="T.ex. ”kan förlängas ett år, därefter ny upphandling”.")
    decide_by = models.DateField("styrelsen ska besluta om förlängning senast", null=True, blank=True)
    extended_until = models.DateField("förlängt till", null=True, blank=True)
    decided = models.BooleanField("beslut om förlängning är fattat", default=False)
    decision_paragraph = models.ForeignKey("board.Paragraph", on_delete=models.SET_NULL, null=True, blank=True,
                                           related_name="+", verbose_name="beslutsparagraf")

    class Meta:
        ordering = ["intervention", "start"]
        verbose_name = "avtal"
        verbose_name_plural = "avtal"

    def __str__(self):
        return f"{self.provider} {self.start:%Y-%m-%d}–{self.end:%Y-%m-%d}"


class Goal(models.Model):
    class Comparison(models.TextChoices):
        AT_LEAST = "gte", "minst (≥)"
        AT_MOST = "lte", "högst (≤)"

    intervention = models.ForeignKey(Intervention, on_delete=models.CASCADE, related_name="goals")
    indicator = models.CharField("indikator", max_length=200, help_text="T.ex. ”andel som upplever förbättrad hälsa”.")
    comparison = models.CharField("jämförelse", max_length=3, choices=Comparison.choices, default=Comparison.AT_LEAST)
    target = models.DecimalField("målvärde", max_digits=8, decimal_places=1)
    unit = models.CharField("enhet", max_length=20, default="%")

    class Meta:
        ordering = ["intervention", "id"]
        verbose_name = "mål"
        verbose_name_plural = "mål"

    def __str__(self):
        target = f"{Decimal(self.target).normalize():f}".replace(".", ",")
        return f"{self.indicator} {'≥' if self.comparison == 'gte' else '≤'} {target} {self.unit}"


class ReporterAssignment(models.Model):
    """A user with the reporter role who may enter counts for this intervention (and no other)."""

    intervention = models.ForeignKey(Intervention, on_delete=models.CASCADE, related_name="reporters")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="intervention_assignments")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["intervention", "user"], name="reporter_unique")]
        verbose_name = "rapportör för insats"
        verbose_name_plural = "rapportörer för insatser"


class PeriodLock(models.Model):
    """A month the association has closed: its reports can no longer change."""

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="locked_periods")
    month = models.DateField("månad (första dagen)")

    class Meta:
        ordering = ["association", "-month"]
        constraints = [models.UniqueConstraint(fields=["association", "month"], name="periodlock_unique")]
        verbose_name = "låst period"
        verbose_name_plural = "låsta perioder"


class Report(models.Model):
    """One month's counts for one intervention. Who saved it is a staff user; when is kept as a date only."""

    intervention = models.ForeignKey(Intervention, on_delete=models.CASCADE, related_name="reports")
    month = models.DateField("månad (första dagen)")
    participants_end = models.PositiveIntegerField("deltagare vid periodens slut")
    started = models.PositiveIntegerField("påbörjade")
    ended = models.PositiveIntegerField("avslutade")
    queue_end = models.PositiveIntegerField("kö vid periodens slut", default=0)
    median_wait_days = models.PositiveIntegerField("mediantid i kö (dagar)", null=True, blank=True)
    correction_note = models.TextField("förklaring till korrigering", blank=True)
    comment = models.TextField("kommentar", blank=True)
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="sparad av")
    saved_on = models.DateField("sparad datum")

    class Meta:
        ordering = ["intervention", "month"]
        constraints = [models.UniqueConstraint(fields=["intervention", "month"], name="report_unique_month")]
        verbose_name = "månadsrapport"
        verbose_name_plural = "månadsrapporter"

    def __str__(self):
        return f"{self.intervention} {self.month:%Y-%m}"


class ReportCount(models.Model):
    """One breakdown cell: e.g. started × gender × woman = 3."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="counts")
    measure = models.CharField(max_length=20)
    dimension = models.CharField(max_length=20)
    category = models.CharField(max_length=30)
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "measure", "dimension", "category"], name="reportcount_unique")]


class ReportExit(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="exits")
    exit_reason = models.ForeignKey(ExitReason, on_delete=models.PROTECT, related_name="+")
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "exit_reason"], name="reportexit_unique")]


class GoalOutcome(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="goal_outcomes")
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="outcomes")
    reached = models.PositiveIntegerField("uppnått")
    asked = models.PositiveIntegerField("tillfrågade")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "goal"], name="goaloutcome_unique")]


class Referral(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="referrals")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+", verbose_name="remittent")
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "member"], name="referral_unique")]


class FollowUpSettings(models.Model):
    """The association's small-count threshold: counts below it are hidden outside its staff (never below 3)."""

    association = models.OneToOneField(Association, on_delete=models.CASCADE, related_name="follow_up_settings")
    threshold = models.PositiveSmallIntegerField("gräns för små tal", default=5, validators=[MinValueValidator(3)],
                                                 help_text="Antal under gränsen visas som ”<gränsen” utanför kansliet. Lägst 3.")

    class Meta:
        verbose_name = "inställningar för uppföljning"
        verbose_name_plural = "inställningar för uppföljning"
