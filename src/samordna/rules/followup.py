"""Follow-up of interventions with counts only: categories, consistency of a period's report, periods, goal verdicts.

Sources: Lag (2003:1210) om finansiell samordning av rehabiliteringsinsatser 7 § (the association shall follow up and
evaluate the interventions it funds) and Finsam's guidance on personal data (the association is not responsible for
participants' personal data, so only aggregated counts are kept). The breakdowns follow the categories of the
national follow-up (Uppföljning Finsam): gender, age band and main source of support; exit reasons as in the
associations' half-year templates. No Django imports: data in, verdicts with Swedish reasons out.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

GENDERS = (("woman", "Kvinna"), ("man", "Man"), ("other", "Annat/ej angivet"))
AGE_BANDS = (("16-19", "16–19 år"), ("20-29", "20–29 år"), ("30-39", "30–39 år"), ("40-49", "40–49 år"),
             ("50-59", "50–59 år"), ("60-66", "60–66 år"))
SUPPORT_SOURCES = (("sickness_benefit", "Sjukpenning"), ("activity_compensation", "Aktivitetsersättning"),
                   ("sickness_compensation", "Sjukersättning"), ("social_assistance", "Försörjningsstöd"),
                   ("unemployment", "A-kassa/aktivitetsstöd"), ("none", "Ingen ersättning"), ("other", "Annan"))
DIMENSIONS = (("gender", "kön", GENDERS), ("age", "åldersgrupp", AGE_BANDS), ("support", "huvudsaklig försörjning", SUPPORT_SOURCES))
MEASURES = (("participants_end", "Deltagare vid periodens slut"), ("started", "Påbörjade"), ("ended", "Avslutade"))
MEASURE_LABELS = dict(MEASURES)

# (name, counts as a positive exit): the association edits its own list; these are the defaults.
DEFAULT_EXIT_REASONS = (
    ("Arbete", True), ("Studier", True), ("Arbetssökande", True),
    ("Annan insats/arbetsträning hos Af, FK eller arbetsgivare", True), ("Fortsatt medicinsk behandling", False),
    ("Sjukersättning", False), ("Flyttat", False), ("Avbrott", False), ("Övrigt", False),
)
DEFAULT_ORIENTATIONS = {
    "individual": ("Förberedande", "Arbetslivsinriktade", "Kartläggande/utredande", "Samordnande"),
    "structural": ("Kompetensutveckling", "Dialog och kommunikation", "Metod- och verksamhetsutveckling"),
}


def breakdown_field(measure: str, dimension: str, category: str) -> str:
    """The one name a breakdown cell has in forms, errors and storage."""
    return f"{measure}__{dimension}__{category}"


@dataclass(frozen=True)
class ReportFigures:
    """One period's counts for one intervention. Mappings are category key → count."""

    participants_end: int
    started: int
    ended: int
    breakdowns: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)  # measure → dimension → category
    exits: dict[str, int] = field(default_factory=dict)  # exit reason key → count
    queue_end: int = 0
    median_wait_days: int | None = None
    goals: dict[str, tuple[int, int]] = field(default_factory=dict)  # goal key → (reached, asked)
    referrals: dict[str, int] = field(default_factory=dict)  # referring Member key → count
    correction_note: str = ""


@dataclass(frozen=True)
class Problem:
    field: str
    message: str


def _label(measure):
    return MEASURE_LABELS[measure]


def check_report(figures: ReportFigures, previous_end: int | None, *, labels: dict[str, str] | None = None) -> list[Problem]:
    """Every inconsistency in a report, each naming the field it concerns. Empty list = the report adds up.

    `previous_end` is the participants at the end of the previous period (None when there is no earlier report).
    `labels` names exit reasons, goals and referrers for the messages (key → Swedish name).
    """
    labels = labels or {}
    problems: list[Problem] = []

    def negative(name, value, label):
        if value is not None and value < 0:
            problems.append(Problem(name, f"{label}: antalet kan inte vara negativt ({value})."))
            return True
        return False

    totals = {"participants_end": figures.participants_end, "started": figures.started, "ended": figures.ended}
    for measure, value in totals.items():
        negative(measure, value, _label(measure))
    negative("queue_end", figures.queue_end, "Kö vid periodens slut")
    negative("median_wait_days", figures.median_wait_days, "Mediantid i kö (dagar)")

    for measure, label in MEASURES:
        per_dimension = figures.breakdowns.get(measure, {})
        for dimension, dimension_label, categories in DIMENSIONS:
            cells = per_dimension.get(dimension, {})
            bad = False
            for key, category_label in categories:
                if cells.get(key, 0) < 0:  # the message only when needed: this loop runs for every cell of every month
                    bad |= negative(breakdown_field(measure, dimension, key), cells[key], f"{label}, {category_label.lower()}")
            total = sum(cells.get(key, 0) for key, _ in categories)
            if not bad and total != totals[measure]:
                first = breakdown_field(measure, dimension, categories[0][0])
                problems.append(Problem(first, f"{label}: summan per {dimension_label} ({total}) stämmer inte med totalen "
                                               f"({totals[measure]})."))

    bad = False
    for key, count in figures.exits.items():
        bad |= negative(f"exit__{key}", count, f"Avslutsanledning {labels.get(f'exit__{key}', key).lower()}")
    exit_total = sum(figures.exits.values())
    if not bad and exit_total != figures.ended:
        first = f"exit__{next(iter(figures.exits))}" if figures.exits else "ended"
        problems.append(Problem(first, f"Avslutsanledningar: summan ({exit_total}) stämmer inte med antalet avslutade "
                                       f"({figures.ended})."))

    for key, (reached, asked) in figures.goals.items():
        label = labels.get(f"goal__{key}", "Målet")
        if negative(f"goal__{key}__reached", reached, f"{label}, uppnått") | negative(f"goal__{key}__asked", asked, f"{label}, tillfrågade"):
            continue
        if reached > asked:
            problems.append(Problem(f"goal__{key}__reached", f"{label}: fler har nått målet ({reached}) än som "
                                                              f"tillfrågats ({asked})."))
    for key, count in figures.referrals.items():
        negative(f"referral__{key}", count, f"Remisser från {labels.get(f'referral__{key}', key)}")

    if previous_end is not None and all(v >= 0 for v in totals.values()):
        expected = previous_end + figures.started - figures.ended
        if expected != figures.participants_end and not figures.correction_note.strip():
            problems.append(Problem("participants_end", f"Deltagare vid periodens slut: förra periodens {previous_end} + "
                                    f"{figures.started} påbörjade − {figures.ended} avslutade = {expected}, men rapporten "
                                    f"anger {figures.participants_end}. Rätta siffrorna eller förklara korrigeringen."))
    return problems


# Periods --------------------------------------------------------------------------------------------------------

PERIOD_KINDS = (("month", "Månad"), ("tertial", "Tertial"), ("half", "Halvår"), ("year", "År"))
MONTH_NAMES = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
               "november", "december")
_LENGTH = {"month": 1, "tertial": 4, "half": 6, "year": 12}


@dataclass(frozen=True)
class Period:
    kind: str
    year: int
    number: int  # month 1–12, tertial 1–3, half 1–2, year 1

    @property
    def months(self) -> list[date]:
        length = _LENGTH[self.kind]
        first = (self.number - 1) * length + 1
        return [date(self.year, m, 1) for m in range(first, first + length)]

    @property
    def label(self) -> str:
        if self.kind == "month":
            return f"{MONTH_NAMES[self.number - 1]} {self.year}"
        if self.kind == "tertial":
            return f"tertial {self.number} {self.year}"
        if self.kind == "half":
            return f"{'första' if self.number == 1 else 'andra'} halvåret {self.year}"
        return f"helåret {self.year}"


def make_period(kind: str, year: int, number: int) -> Period:
    """A period; a number out of range for the kind is refused with a Swedish reason."""
    if kind not in _LENGTH:
        raise ValueError(f"Okänd periodtyp: {kind}.")
    count = 12 // _LENGTH[kind]
    if not 1 <= number <= count:
        raise ValueError(f"{dict(PERIOD_KINDS)[kind]} nummer {number} finns inte (1–{count}).")
    return Period(kind, year, number)


def period_containing(kind: str, day: date) -> Period:
    return Period(kind, day.year, (day.month - 1) // _LENGTH[kind] + 1)


# Aggregation over a period ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class MonthFigures:
    month: date
    participants_end: int
    started: int
    ended: int
    queue_end: int
    median_wait_days: int | None


@dataclass(frozen=True)
class PeriodSummary:
    months_reported: int
    participants_start: int
    participants_end: int
    started: int
    ended: int
    served: int  # everyone who took part at some time in the period
    average_participants: Decimal
    queue_end: int
    median_wait_days: int | None


def summarise(months: list[MonthFigures], previous_end: int | None) -> PeriodSummary | None:
    """The period's figures from its monthly reports (in month order); None when nothing was reported."""
    if not months:
        return None
    months = sorted(months, key=lambda m: m.month)
    start = previous_end if previous_end is not None else months[0].participants_end - months[0].started + months[0].ended
    start = max(start, 0)
    started = sum(m.started for m in months)
    ended = sum(m.ended for m in months)
    average = Decimal(sum(m.participants_end for m in months)) / len(months)
    return PeriodSummary(len(months), start, months[-1].participants_end, started, ended, start + started,
                         average.quantize(Decimal("0.1")), months[-1].queue_end, months[-1].median_wait_days)


def percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("1"))


# Goals ----------------------------------------------------------------------------------------------------------

COMPARISONS = (("gte", "≥"), ("lte", "≤"))
AMBER_MARGIN = Decimal(10)  # percentage points (or units) short of the target that still count as "nära målet"


@dataclass(frozen=True)
class GoalVerdict:
    status: str  # green, amber, red, none
    label: str   # "Uppnått", "Nära målet", "Ej uppnått", "Inget utfall"
    text: str    # one line with the figures


def goal_verdict(comparison: str, target: Decimal, unit: str, reached: int, asked: int) -> GoalVerdict:
    """Outcome against target. For a percentage goal the outcome is reached/asked in %; otherwise the count reached."""
    symbol = dict(COMPARISONS)[comparison]
    target_text = f"mål {symbol} {_num(target)} {unit}".rstrip()
    if unit == "%":
        if not asked:
            return GoalVerdict("none", "Inget utfall", f"Ingen har tillfrågats ännu ({target_text}).")
        value = Decimal(100) * reached / asked
        shown = f"{_num(value.quantize(Decimal('1')))} % ({reached} av {asked})"
    else:
        value = Decimal(reached)
        shown = f"{reached} {unit}".rstrip()
    met = value >= target if comparison == "gte" else value <= target
    if met:
        return GoalVerdict("green", "Uppnått", f"Utfall {shown}, {target_text}.")
    gap = target - value if comparison == "gte" else value - target
    if gap <= AMBER_MARGIN:
        return GoalVerdict("amber", "Nära målet", f"Utfall {shown}, {target_text}.")
    return GoalVerdict("red", "Ej uppnått", f"Utfall {shown}, {target_text}.")


def _num(value: Decimal) -> str:
    text = f"{value.normalize():f}" if isinstance(value, Decimal) else str(value)
    return text.replace(".", ",")
