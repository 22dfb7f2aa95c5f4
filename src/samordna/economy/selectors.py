"""Reads: financing plans with each Member's contribution, budget tables, outcome per tertial, equity."""
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from samordna.associations.models import Member
from samordna.rules import equity as equity_rules
from samordna.rules.financing import MUNICIPALITIES, contributions, largest_remainder, service_fee

from .models import Actual, Budget, BudgetLine, EconomySettings, Fee, FinancingPlan, Withdrawal

ZERO = Decimal(0)
TERTIALS = ((1, "Tertial 1 (jan–apr)", range(1, 5)), (2, "Tertial 2 (maj–aug)", range(5, 9)),
            (3, "Tertial 3 (sep–dec)", range(9, 13)))
MONTHS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def settings_for(association) -> EconomySettings:
    """The saved settings, or the law's defaults (unsaved) when the association has none yet."""
    try:
        return association.economy_settings
    except EconomySettings.DoesNotExist:
        return EconomySettings(association=association)


def population_date(plan, settings=None) -> date:
    settings = settings or settings_for(plan.association)
    return plan.population_date or settings.reference_date(plan.year)


def withdrawals(association):
    settings = settings_for(association)
    rows = Withdrawal.objects.filter(association=association).select_related("member")
    return [(w, w.effective(settings)) for w in rows]


def members_in_year(association, year):
    """Members that still belong on 1 January of `year`: a withdrawal not revoked takes them out after its effective date."""
    gone = {w.member_id for w, effective in withdrawals(association) if w.revoked_on is None and effective < date(year, 1, 1)}
    return [m for m in Member.objects.filter(association=association) if m.pk not in gone]


@dataclass
class PlanRow:
    member: Member
    label: str
    share: Decimal          # of the total (the municipalities' part of the quarter for a municipality)
    amount: Decimal
    population: int | None = None
    payer: str = ""
    within: Decimal | None = None  # a municipality's part of the municipalities' quarter, as the plans print it

    @property
    def display_share(self):
        return self.within if self.within is not None else self.share


@dataclass
class PlanResult:
    plan: FinancingPlan
    population_date: date
    basis: str
    unit: Decimal = Decimal("0.1")
    rows: list[PlanRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def places(self):
        return max(0, -self.unit.normalize().as_tuple().exponent)

    @property
    def total(self):
        return sum((r.amount for r in self.rows), ZERO)

    def amount_for(self, member):
        return next((r.amount for r in self.rows if r.member.pk == member.pk), None)


def plan_result(plan: FinancingPlan) -> PlanResult:
    """Each Member's contribution: state half (FK, shown as FK and AF), region quarter, municipal quarter by population."""
    settings = settings_for(plan.association)
    reference = population_date(plan, settings)
    total = plan.total
    basis = (f"Statens tilldelning {_fmt(plan.state_allocation)} tkr × 2 = {_fmt(total)} tkr (parterna matchar staten)."
             if plan.state_allocation is not None else
             f"Äskandet {_fmt(total)} tkr (statens tilldelning är inte beslutad ännu).")
    unit = plan.unit or settings.unit
    result = PlanResult(plan, reference, basis, unit)
    members = members_in_year(plan.association, plan.year)
    by_kind = {kind: [m for m in members if m.kind == kind] for kind in Member.Kind.values}
    fk, af = by_kind[Member.Kind.SOCIAL_INSURANCE], by_kind[Member.Kind.EMPLOYMENT_SERVICE]
    regions, municipalities = by_kind[Member.Kind.REGION], by_kind[Member.Kind.MUNICIPALITY]
    if not fk:
        result.errors.append("Försäkringskassan är inte förbundsmedlem; statens hälft kan inte fördelas.")
    if not regions:
        result.errors.append("Förbundet har ingen region bland medlemmarna.")
    if not municipalities:
        result.errors.append("Förbundet har ingen kommun bland medlemmarna.")
    population = {}
    for m in municipalities:
        people = m.population_on(reference)
        if people is None:
            result.errors.append(f"Folkmängd per {reference.isoformat()} saknas för {m.name}.")
        else:
            population[m.name] = people
    if result.errors:
        return result
    region_key = regions[0].name if len(regions) == 1 else "Regionerna"
    split = settings.split_state_share and af
    shares = ({fk[0].name: Decimal("0.25"), af[0].name: Decimal("0.25")} if split else {fk[0].name: Decimal("0.5")})
    shares |= {region_key: Decimal("0.25"), MUNICIPALITIES: Decimal("0.25")}
    try:
        parts = contributions(total, shares, population, unit)
        if len(regions) > 1:
            weights = {r.name: r.population_on(reference) or 1 for r in regions}
            parts |= largest_remainder(parts.pop(region_key), weights, unit)
    except ValueError as error:
        result.errors.append(str(error))
        return result
    people_sum = sum(population.values())
    for m in fk + af + regions + municipalities:
        if m.name not in parts:
            continue
        share = shares.get(m.name) or (Decimal("0.25") / len(regions) if m in regions else None)
        within = None
        if m.name in population:
            within = Decimal(population[m.name]) / people_sum if people_sum else Decimal(0)
            share = Decimal("0.25") * within
        payer = "betalas av Försäkringskassan" if split and m in af else ""
        result.rows.append(PlanRow(m, m.name, share, parts[m.name], population.get(m.name), payer, within))
    return result


def plans_ahead(association, year, count=3):
    """The plan for `year` and the following years' plans (a three-year plan as the associations adopt it)."""
    plans = FinancingPlan.objects.filter(association=association, year__gte=year, year__lt=year + count).order_by("year")
    return [plan_result(p) for p in plans]


def plan_matrix(results):
    """Rows (Member, [amount per plan]) across several years, Members in the first plan's order."""
    members, seen = [], set()
    for result in results:
        for row in result.rows:
            if row.member.pk not in seen:
                seen.add(row.member.pk)
                members.append(row)
    return [(row, [(r.amount_for(row.member), r.places) for r in results]) for row in members]


def _fmt(amount):
    text = f"{Decimal(amount).normalize():f}".replace(".", ",")
    whole, _, frac = text.partition(",")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return sign + "\u00a0".join(groups or ["0"]) + ("," + frac if frac else "")


# Budget and outcome ----------------------------------------------------------------------------------------

@dataclass
class LineOutcome:
    line: BudgetLine
    months: list[Decimal]

    @property
    def tertials(self):
        return [sum((self.months[m - 1] for m in months), ZERO) for _, _, months in TERTIALS]

    @property
    def actual(self):
        return sum(self.months, ZERO)

    @property
    def forecast(self):
        return self.line.forecast if self.line.forecast is not None else self.line.amount

    @property
    def deviation(self):
        return self.line.amount - self.forecast if not self.line.is_income else self.forecast - self.line.amount


@dataclass
class Section:
    key: str
    title: str
    lines: list
    with_outcome: bool = False

    @property
    def totals(self):
        """Sums per measure; lines without a previous outcome count as zero."""
        def line(x):
            return x if isinstance(x, BudgetLine) else x.line
        previous = [line(x).previous_outcome for x in self.lines]
        # A sum over lines of which some lack last year's outcome would mislead: show none instead.
        out = {"amount": sum((line(x).amount for x in self.lines), ZERO),
               "previous_outcome": None if None in previous else sum(previous, ZERO)}
        if self.with_outcome:
            out["forecast"] = sum((x.forecast for x in self.lines), ZERO)
            out["actual"] = sum((x.actual for x in self.lines), ZERO)
            out["tertials"] = [sum((x.tertials[i] for x in self.lines), ZERO) for i in range(3)]
            out["months"] = [sum((x.months[i] for x in self.lines), ZERO) for i in range(12)]
        else:
            out["forecast"] = sum(((line(x).forecast if line(x).forecast is not None else line(x).amount)
                                   for x in self.lines), ZERO)
        return out


def budget_sections(budget: Budget, with_outcome=False):
    lines = list(budget.lines.select_related("member", "intervention"))
    actuals = {}
    if with_outcome:
        for a in Actual.objects.filter(line__budget=budget, association=budget.association):
            actuals.setdefault(a.line_id, [ZERO] * 12)[a.month - 1] += a.amount
    sections = []
    for key, title in BudgetLine.Section.choices:
        chosen = [ln for ln in lines if ln.section == key]
        if with_outcome:
            chosen = [LineOutcome(ln, actuals.get(ln.pk, [ZERO] * 12)) for ln in chosen]
        sections.append(Section(key, title, chosen, with_outcome))
    return sections


@dataclass
class Summary:
    income: Decimal | None
    costs: Decimal | None
    opening_equity: Decimal | None

    @property
    def result(self):
        return None if self.income is None or self.costs is None else self.income - self.costs

    @property
    def closing_equity(self):
        return None if self.opening_equity is None or self.result is None else self.opening_equity + self.result


def summarise(budget, sections, measure):
    """Income, costs and result for one measure: "amount" (budget), "previous_outcome", "forecast" or "actual"."""
    def total(values):
        values = list(values)
        return None if None in values else sum(values, ZERO)
    income = total(s.totals[measure] for s in sections if s.key == BudgetLine.Section.INCOME)
    costs = total(s.totals[measure] for s in sections if s.key != BudgetLine.Section.INCOME)
    return Summary(income, costs, budget.opening_equity)


def funds_for_year(budget):
    """The year's total funds for the equity guideline: the financing plan's total, else budgeted income."""
    plan = FinancingPlan.objects.filter(association=budget.association, year=budget.year).first()
    if plan is not None:
        return plan.total
    return sum((ln.amount for ln in budget.lines.filter(section=BudgetLine.Section.INCOME)), ZERO)


def equity_assessment(budget, summary):
    if summary.closing_equity is None:
        return None
    settings = settings_for(budget.association)
    return equity_rules.assess(summary.closing_equity, funds_for_year(budget), settings.minimum_equity)


def fees(association):
    rows = []
    for fee in Fee.objects.filter(association=association).select_related("member"):
        if fee.per_mille is not None and fee.base is not None:
            rows.append((fee, service_fee(fee.base, fee.per_mille)))
        else:
            rows.append((fee, fee.fixed_amount))
    return rows


# Budget execution (read by the board's dashboard and the follow-up's national export) ----------------------------

MONTH_NAMES = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
               "november", "december")


@dataclass(frozen=True)
class ExecutionLine:
    """One budget line in tkr. `deviation` is forecast against budget, positive when it helps the result
    (costs under budget, income over budget)."""
    line_id: int
    label: str
    intervention_id: int | None
    municipality_id: int | None
    section: str            # BudgetLine.Section value: income, individual, structural, overhead
    section_label: str
    category: str           # BudgetLine.Category value for overhead lines, "" otherwise
    category_label: str
    is_income: bool
    budget: Decimal
    outcome: Decimal        # booked so far this year
    forecast: Decimal       # the line's forecast, or the budget when none is given
    deviation: Decimal


@dataclass(frozen=True)
class ExecutionTotals:
    budget: Decimal
    outcome: Decimal
    forecast: Decimal
    deviation: Decimal


@dataclass(frozen=True)
class BudgetExecution:
    year: int
    lines: list[ExecutionLine]
    income: ExecutionTotals
    costs: ExecutionTotals
    latest_month: int | None    # last month with booked outcome (1–12), None when nothing is booked yet

    @property
    def result(self) -> ExecutionTotals:
        """Income minus costs per measure (deviation as for the result: positive is better)."""
        return ExecutionTotals(self.income.budget - self.costs.budget, self.income.outcome - self.costs.outcome,
                               self.income.forecast - self.costs.forecast, self.income.deviation + self.costs.deviation)

    @property
    def period_label(self) -> str:
        """"januari–augusti 2024" (or "inget utfall bokfört ännu")."""
        if self.latest_month is None:
            return "inget utfall bokfört ännu"
        if self.latest_month == 1:
            return f"januari {self.year}"
        return f"januari–{MONTH_NAMES[self.latest_month - 1]} {self.year}"

    @property
    def latest_tertial(self) -> int | None:
        """The last complete tertial (1–3) covered by the booked outcome, or None."""
        return None if self.latest_month is None or self.latest_month < 4 else self.latest_month // 4

    def by_intervention(self) -> dict[int, ExecutionTotals]:
        """Budget, outcome, forecast and deviation summed over the lines linked to each intervention."""
        sums = {}
        for x in self.lines:
            if x.intervention_id is None:
                continue
            old = sums.get(x.intervention_id, ExecutionTotals(ZERO, ZERO, ZERO, ZERO))
            sums[x.intervention_id] = ExecutionTotals(old.budget + x.budget, old.outcome + x.outcome,
                                                      old.forecast + x.forecast, old.deviation + x.deviation)
        return sums


def _totals(lines):
    return ExecutionTotals(sum((x.budget for x in lines), ZERO), sum((x.outcome for x in lines), ZERO),
                           sum((x.forecast for x in lines), ZERO), sum((x.deviation for x in lines), ZERO))


def budget_execution(association, year) -> BudgetExecution | None:
    """The year's budget against booked outcome and forecast, line by line (tkr); None when there is no budget."""
    budget = Budget.objects.filter(association=association, year=year).first()
    if budget is None:
        return None
    sections = budget_sections(budget, with_outcome=True)
    section_labels, category_labels = dict(BudgetLine.Section.choices), dict(BudgetLine.Category.choices)
    lines = []
    for section in sections:
        for x in section.lines:
            ln = x.line
            lines.append(ExecutionLine(
                line_id=ln.pk, label=ln.label, intervention_id=ln.intervention_id, municipality_id=ln.member_id,
                section=ln.section, section_label=section_labels[ln.section], category=ln.category,
                category_label=category_labels.get(ln.category, ""), is_income=ln.is_income, budget=ln.amount,
                outcome=x.actual, forecast=x.forecast, deviation=x.deviation))
    months = Actual.objects.filter(line__budget=budget, association=association).values_list("month", flat=True)
    latest = max(months, default=None)
    return BudgetExecution(year=year, lines=lines, income=_totals([x for x in lines if x.is_income]),
                           costs=_totals([x for x in lines if not x.is_income]), latest_month=latest)
