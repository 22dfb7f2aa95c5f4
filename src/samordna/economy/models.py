"""Money: financing plans per year, budgets with their lines, actuals, fees, and Members' notices of withdrawal.

All amounts are in tkr (thousands of kronor), as the associations' plans and protocols write them.
"""
from datetime import date
from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models

from samordna.associations.models import Association, Member
from samordna.rules.deadlines import withdrawal_effective

AMOUNT = {"max_digits": 16, "decimal_places": 3}


class EconomySettings(models.Model):
    """The charter's economic clauses the rules read (FinsamL 9 § p. 8 and the notice period of R4.1)."""

    class Reference(models.TextChoices):
        JUNE_30 = "06-30", "30 juni året före"
        DECEMBER_31 = "12-31", "31 december året före"
        NOVEMBER_1 = "11-01", "1 november året före"

    class WithdrawalRule(models.TextChoices):
        END_OF_NOTICE_YEAR = "end_of_notice_year", "Från utgången av det år då uppsägningen gjordes"
        FROM_NOTICE = "from_notice", "Från dagen för uppsägningen"

    association = models.OneToOneField(Association, on_delete=models.CASCADE, related_name="economy_settings")
    unit = models.DecimalField("avrundningsenhet (tkr)", max_digits=8, decimal_places=3, default=Decimal("0.1"),
                               validators=[MinValueValidator(0.001)],
                               help_text="Bidragen avrundas till hela enheter så att summan stämmer exakt, t.ex. 0,1 tkr.")
    population_reference = models.CharField("folkmängd enligt SCB per", max_length=5, choices=Reference.choices,
                                            default=Reference.JUNE_30)
    split_state_share = models.BooleanField("visa statens hälft som rader för Försäkringskassan och Arbetsförmedlingen",
                                            default=True,
                                            help_text="Försäkringskassan betalar hela statens andel; raderna är bara en redovisning.")
    minimum_equity = models.DecimalField("lägsta egna kapital (tkr)", null=True, blank=True, **AMOUNT,
                                         help_text="Förbundets eget mål, t.ex. ”minst 2000 tkr eget kapital”.")
    notice_years = models.PositiveSmallIntegerField("uppsägningstid (år)", default=3,
                                                    help_text="Lagen ger tre år; förbundsordningen får ange en kortare tid.")
    withdrawal_rule = models.CharField("uppsägningstiden räknas", max_length=20, choices=WithdrawalRule.choices,
                                       default=WithdrawalRule.END_OF_NOTICE_YEAR)

    class Meta:
        verbose_name = "ekonomiska inställningar"
        verbose_name_plural = "ekonomiska inställningar"

    def reference_date(self, year):
        month, day = (int(x) for x in self.population_reference.split("-"))
        return date(year - 1, month, day)


class FinancingPlan(models.Model):
    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="financing_plans")
    year = models.PositiveSmallIntegerField("år", validators=[MinValueValidator(2004)])
    requested_total = models.DecimalField("äskande, total (tkr)", **AMOUNT, validators=[MinValueValidator(0)],
                                          help_text="Medlemmarnas gemensamma nivå för äskandet om statlig tilldelning.")
    state_allocation = models.DecimalField("statlig tilldelning (tkr)", null=True, blank=True, **AMOUNT,
                                           validators=[MinValueValidator(0)],
                                           help_text="Som i Försäkringskassans beslut. Tom tills beslutet kommit.")
    population_date = models.DateField("folkmängd per", null=True, blank=True, help_text="Lämna tomt för förbundsordningens datum.")
    unit = models.DecimalField("avrundningsenhet (tkr)", max_digits=8, decimal_places=3, null=True, blank=True,
                               validators=[MinValueValidator(0.001)],
                               help_text="Lämna tomt för förbundets enhet. Planer för senare år avrundas ofta till hela tkr.")
    decision = models.CharField("beslut", max_length=200, blank=True, help_text="T.ex. ”Styrelsen 2023-11-29 § 56”.")
    note = models.TextField("kommentar", blank=True)

    class Meta:
        ordering = ["association", "year"]
        constraints = [models.UniqueConstraint(fields=["association", "year"], name="financing_plan_unique_year")]
        verbose_name = "finansieringsplan"
        verbose_name_plural = "finansieringsplaner"

    def __str__(self):
        return f"Finansieringsplan {self.year}"

    @property
    def total(self):
        """The parties match the state: with an allocation the total is twice it (FinsamL 5 §), else the request."""
        return self.state_allocation * 2 if self.state_allocation is not None else self.requested_total


class Budget(models.Model):
    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="budgets")
    year = models.PositiveSmallIntegerField("år", validators=[MinValueValidator(2004)])
    opening_equity = models.DecimalField("eget kapital vid årets början (tkr)", null=True, blank=True, **AMOUNT)
    decision = models.CharField("beslut", max_length=200, blank=True)

    class Meta:
        ordering = ["association", "year"]
        constraints = [models.UniqueConstraint(fields=["association", "year"], name="budget_unique_year")]
        verbose_name = "budget"
        verbose_name_plural = "budgetar"

    def __str__(self):
        return f"Budget {self.year}"


class BudgetLine(models.Model):
    class Section(models.TextChoices):
        INCOME = "income", "Intäkter"
        INDIVIDUAL = "individual", "Individinriktade insatser"
        STRUCTURAL = "structural", "Strukturövergripande insatser"
        OVERHEAD = "overhead", "Styrning, ledning och administration"

    class Category(models.TextChoices):
        BOARD_FEES = "board_fees", "Styrelsearvoden och omkostnader"
        OFFICE_STAFF = "office_staff", "Kanslipersonal"
        PREMISES = "premises", "Lokaler"
        IT = "it", "IT och material"
        PROJECT_MANAGEMENT = "project_management", "Projektledning"
        FINANCE_AUDIT = "finance_audit", "Ekonomiservice och revision"
        OTHER = "other", "Övrigt"

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="budget_lines")
    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="lines")
    section = models.CharField("del", max_length=20, choices=Section.choices)
    category = models.CharField("kostnadsslag", max_length=30, choices=Category.choices, blank=True,
                                help_text="Bara för styrning, ledning och administration.")
    # The link is what follow-up and the national export read; SET_NULL because deleting an intervention must not
    # take the year's money with it: the line keeps its label and its actuals.
    intervention = models.ForeignKey("interventions.Intervention", on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="economy_lines", verbose_name="insats i insatsregistret")
    # Free text for lines that name several interventions or one not in the register ("Aktiv kraft; Gröna vägen").
    intervention_label = models.CharField("insats (fritext)", max_length=200, blank=True)
    member = models.ForeignKey(Member, on_delete=models.PROTECT, null=True, blank=True, related_name="budget_lines",
                               verbose_name="kommun")
    label = models.CharField("benämning", max_length=200)
    amount = models.DecimalField("budget (tkr)", **AMOUNT)
    previous_outcome = models.DecimalField("utfall föregående år (tkr)", null=True, blank=True, **AMOUNT)
    forecast = models.DecimalField("prognos helår (tkr)", null=True, blank=True, **AMOUNT)
    accounts = models.CharField("konton", max_length=200, blank=True,
                                help_text="Bokföringens konton som hör till raden, t.ex. ”5410, 6540-6549”.")
    participants = models.PositiveIntegerField("antal deltagare", null=True, blank=True)
    position = models.PositiveSmallIntegerField("ordning", default=0)

    class Meta:
        ordering = ["budget", "position", "id"]
        verbose_name = "budgetrad"
        verbose_name_plural = "budgetrader"

    def __str__(self):
        return self.label

    @property
    def is_income(self):
        return self.section == self.Section.INCOME


class Actual(models.Model):
    """Booked outcome of one budget line in one month (tkr, income positive, costs positive)."""

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="actuals")
    line = models.ForeignKey(BudgetLine, on_delete=models.CASCADE, related_name="actuals")
    month = models.PositiveSmallIntegerField("månad")
    amount = models.DecimalField("utfall (tkr)", max_digits=18, decimal_places=5)
    source = models.CharField("källa", max_length=200, blank=True)

    class Meta:
        ordering = ["line", "month"]
        constraints = [models.UniqueConstraint(fields=["line", "month"], name="actual_unique_month")]
        verbose_name = "utfall"
        verbose_name_plural = "utfall"


class Fee(models.Model):
    """A fee the association pays or charges: fixed, or per mille of a base (the NNS service fee, R6.2)."""

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="fees")
    year = models.PositiveSmallIntegerField("år", validators=[MinValueValidator(2004)])
    name = models.CharField("avgift", max_length=200)
    member = models.ForeignKey(Member, on_delete=models.PROTECT, null=True, blank=True, related_name="fees",
                               verbose_name="förbundsmedlem", help_text="För en medlemsavgift: vilken medlem som betalar.")
    base = models.DecimalField("underlag (tkr)", null=True, blank=True, **AMOUNT)
    per_mille = models.DecimalField("promille", max_digits=6, decimal_places=3, null=True, blank=True)
    fixed_amount = models.DecimalField("fast belopp (tkr)", null=True, blank=True, **AMOUNT)
    decision = models.CharField("beslut", max_length=200, blank=True, help_text="Paragrafen som fastställde avgiften.")

    class Meta:
        ordering = ["association", "-year", "name"]
        verbose_name = "avgift"
        verbose_name_plural = "avgifter"

    def __str__(self):
        return f"{self.name} {self.year}"


class Withdrawal(models.Model):
    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="withdrawals")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="withdrawals", verbose_name="förbundsmedlem")
    notice_date = models.DateField("uppsägningen gjord", help_text="Dagen då medlemmen sade upp sig (t.ex. fullmäktiges beslut).")
    received_on = models.DateField("uppsägningen inkom", null=True, blank=True)
    decision = models.CharField("medlemmens beslut", max_length=200, help_text="T.ex. ”Kommunfullmäktige 2020-06-15 § 128”.")
    revoked_on = models.DateField("återkallad", null=True, blank=True)
    revocation_decision = models.CharField("beslut om återkallelse", max_length=200, blank=True)

    class Meta:
        ordering = ["association", "-notice_date"]
        verbose_name = "uppsägning"
        verbose_name_plural = "uppsägningar"

    def __str__(self):
        return f"{self.member}: uppsägning {self.notice_date}"

    def effective(self, settings):
        return withdrawal_effective(self.notice_date, settings.notice_years, settings.withdrawal_rule)


class BusinessPlan(models.Model):
    """The year's verksamhetsplan: text sections written by the office, everything else generated from the data.

    Adopting it by a board paragraph freezes it like an adjusted protocol: the generated document is stored as JSON
    (`content`) with its SHA-256, and from then on it is printed from that copy and can no longer be edited.
    """

    SECTIONS = (
        ("introduction", "Inledning", "Vad förbundet är till för och vad planen omfattar."),
        ("vision", "Vision", "Förbundets vision eller ledord."),
        ("foundations", "Grundläggande förutsättningar", "Lag, förbundsordning, finansiering och arbetssätt."),
        ("focus", "Fokusområden", "Årets prioriteringar. En rad per område blir en punktlista."),
        ("structure", "Verksamhetsstruktur", "Hur insatserna följs upp och vem som redovisar vad."),
        ("individual", "Individinriktade insatser: målgrupp och förutsättningar", ""),
        ("structural", "Strukturövergripande insatser: målgrupp", ""),
        ("governance", "Styrning, ledning och administration", "Styrelse, beredning, kansli och uppföljning."),
        ("economy", "Kommentar till ekonomin", "T.ex. om kostnaderna överstiger intäkterna och vad det betyder."),
        ("follow_up", "Uppföljning av planen", "Hur och när budgeten och målen följs upp."),
    )

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="business_plans")
    year = models.PositiveSmallIntegerField("år", validators=[MinValueValidator(2004)])
    texts = models.JSONField("texter", default=dict, blank=True)
    paragraph = models.ForeignKey("board.Paragraph", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                  verbose_name="antagen genom paragraf")
    adopted_by = models.CharField("antagen genom", max_length=300, blank=True)
    adopted_on = models.DateField("antagen", null=True, blank=True)
    content = models.JSONField("antagen lydelse", null=True, blank=True)
    content_hash = models.CharField("SHA-256 av den antagna lydelsen", max_length=64, blank=True)

    class Meta:
        ordering = ["association", "-year"]
        constraints = [models.UniqueConstraint(fields=["association", "year"], name="business_plan_unique_year")]
        verbose_name = "verksamhetsplan"
        verbose_name_plural = "verksamhetsplaner"

    def __str__(self):
        return f"Verksamhetsplan {self.year}"

    @property
    def adopted(self):
        return self.adopted_on is not None


class PlanGoal(models.Model):
    """A goal of the business plan with its indicators; a sub-goal (delmål) such as "minst 2000 tkr eget kapital"."""

    class Level(models.TextChoices):
        GOAL = "goal", "Mål"
        SUBGOAL = "subgoal", "Delmål"

    plan = models.ForeignKey(BusinessPlan, on_delete=models.CASCADE, related_name="goals")
    level = models.CharField("nivå", max_length=10, choices=Level.choices, default=Level.GOAL)
    text = models.CharField("mål", max_length=300)
    indicators = models.TextField("indikatorer", blank=True, help_text="En indikator per rad.")
    position = models.PositiveSmallIntegerField("ordning", default=0)

    class Meta:
        ordering = ["plan", "level", "position", "id"]
        verbose_name = "mål"
        verbose_name_plural = "mål"

    def __str__(self):
        return self.text

    @property
    def indicator_list(self):
        return [line.strip() for line in self.indicators.splitlines() if line.strip()]
