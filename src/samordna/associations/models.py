"""The tenant (Association), its Members, their population figures, and the Charter the rules read."""
from django.core.validators import MinValueValidator
from django.db import models


class Association(models.Model):
    slug = models.SlugField("kortnamn i adressen", unique=True)
    name = models.CharField("namn", max_length=200)
    address = models.CharField("kansliets adress", max_length=300, blank=True)
    website = models.URLField("webbplats", blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "samordningsförbund"
        verbose_name_plural = "samordningsförbund"

    def __str__(self):
        return self.name


class Charter(models.Model):
    """Förbundsordningen: the settings the rules read (FinsamL 9 §)."""

    class Numbering(models.TextChoices):
        CONTINUOUS = "continuous", "Löpande över alla möten"
        PER_YEAR = "per_year", "Börjar om varje år"
        PER_MEETING = "per_meeting", "Börjar om vid varje möte"

    class SubstituteOrder(models.TextChoices):
        LISTED = "listed", "I den ordning styrelsen anger"
        POPULATION = "population", "Efter befolkningsmängd, störst först"

    association = models.OneToOneField(Association, on_delete=models.CASCADE, related_name="charter")
    numbering = models.CharField("paragrafnumrering", max_length=20, choices=Numbering.choices, default=Numbering.PER_YEAR)
    quorum_all_groups = models.BooleanField(
        "varje medlem måste vara företrädd för beslutsförhet",
        default=False,
        help_text="Lagens regel är att fler än hälften av platserna tjänstgör. Förbundsordningen kan lägga till detta villkor.",
    )
    substitute_order = models.CharField(
        "ersättarnas turordning", max_length=20, choices=SubstituteOrder.choices, default=SubstituteOrder.LISTED
    )
    meetings_public = models.BooleanField("styrelsens sammanträden är offentliga", default=False)
    adjusters = models.PositiveSmallIntegerField("antal justerare", default=1, validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = "förbundsordning"
        verbose_name_plural = "förbundsordningar"

    def __str__(self):
        return f"Förbundsordning för {self.association}"


class Member(models.Model):
    class Kind(models.TextChoices):
        SOCIAL_INSURANCE = "fk", "Försäkringskassan"
        EMPLOYMENT_SERVICE = "af", "Arbetsförmedlingen"
        REGION = "region", "Region"
        MUNICIPALITY = "municipality", "Kommun"

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="members")
    name = models.CharField("namn", max_length=200)
    short_name = models.CharField("förkortning", max_length=30, blank=True)
    kind = models.CharField("slag", max_length=20, choices=Kind.choices)
    municipality_code = models.CharField("kommunkod (SCB)", max_length=4, blank=True)

    class Meta:
        ordering = ["association", "kind", "name"]
        constraints = [models.UniqueConstraint(fields=["association", "name"], name="member_unique_name")]
        verbose_name = "förbundsmedlem"
        verbose_name_plural = "förbundsmedlemmar"

    def __str__(self):
        return self.name

    def population_on(self, day):
        """The latest figure on or before `day`: the charter refers to SCB's figure at a reference date."""
        figure = self.population_figures.filter(date__lte=day).order_by("-date").first()
        return figure.population if figure else None


class PopulationFigure(models.Model):
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="population_figures")
    date = models.DateField("datum")
    population = models.PositiveIntegerField("folkmängd")

    class Meta:
        ordering = ["member", "-date"]
        constraints = [models.UniqueConstraint(fields=["member", "date"], name="population_unique_date")]
        verbose_name = "befolkningssiffra"
        verbose_name_plural = "befolkningssiffror"

    def __str__(self):
        return f"{self.member}: {self.population} ({self.date})"
