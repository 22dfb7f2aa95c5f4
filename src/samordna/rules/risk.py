"""Risk assessment for the internal control plan: probability × consequence on a square matrix.

Source: Kommunallagen (2017:725) 6 kap. 6 § makes a board responsible for internal control being
sufficient; samordningsförbund apply it through their förbundsordning and the board adopts a yearly
internkontrollplan (Skaraborg's table "Vad kan gå fel? / Åtgärdsplan / Bedömning"). The scale is
the one SKR's guidance and most municipalities use: a 4 × 4 matrix (1–4 for probability and for
consequence, risk value = product), which an association may widen to 5 × 5.

Level bands are proportions of the largest value, so that 4 × 4 gives the customary bands
1–3 låg, 4–6 medel, 8–9 hög, 12–16 mycket hög, and 5 × 5 keeps the same proportions
(1–4, 5–9, 10–12, 15–25).

No Django here: dataclasses in, dataclasses out, reasons in Swedish.
"""
from __future__ import annotations

from dataclasses import dataclass

SIZES = (4, 5)
DEFAULT_SIZE = 4
MIN_SIZE, MAX_SIZE = 2, 10

LOW, MEDIUM, HIGH, VERY_HIGH = "low", "medium", "high", "very_high"
LEVELS = (LOW, MEDIUM, HIGH, VERY_HIGH)
LEVEL_LABELS = {LOW: "Låg", MEDIUM: "Medel", HIGH: "Hög", VERY_HIGH: "Mycket hög"}
# Upper bound of each band as sixteenths of the largest value (3/16, 6/16, 9/16, 16/16).
_BANDS = ((3, LOW), (6, MEDIUM), (9, HIGH), (16, VERY_HIGH))

DEFAULT_PROBABILITY_LABELS = {
    4: ("Osannolik", "Mindre sannolik", "Möjlig", "Sannolik"),
    5: ("Mycket osannolik", "Osannolik", "Möjlig", "Sannolik", "Mycket sannolik"),
}
DEFAULT_CONSEQUENCE_LABELS = {
    4: ("Försumbar", "Lindrig", "Kännbar", "Allvarlig"),
    5: ("Försumbar", "Lindrig", "Kännbar", "Allvarlig", "Mycket allvarlig"),
}


@dataclass(frozen=True)
class Assessment:
    """One assessment of a risk: how likely (1..size) and how bad (1..size)."""

    probability: int
    consequence: int
    size: int = DEFAULT_SIZE


@dataclass(frozen=True)
class RiskValue:
    score: int
    level: str
    label: str
    reason: str


@dataclass(frozen=True)
class Cell:
    """One square of the heat map."""

    probability: int
    consequence: int
    score: int
    level: str


@dataclass(frozen=True)
class Change:
    before: int
    after: int
    direction: str  # "lower", "same", "higher"
    reason: str


class RiskError(ValueError):
    """An assessment outside the matrix; `problems` maps field name to a Swedish message."""

    def __init__(self, problems: dict[str, str]):
        super().__init__("; ".join(problems.values()))
        self.problems = problems


def check_size(size: int) -> None:
    if not isinstance(size, int) or isinstance(size, bool) or not MIN_SIZE <= size <= MAX_SIZE:
        raise RiskError({"size": f"Matrisens storlek ska vara ett heltal mellan {MIN_SIZE} och {MAX_SIZE}."})


def problems(assessment: Assessment) -> dict[str, str]:
    """Every way the assessment falls outside its matrix, as Swedish messages naming the field."""
    check_size(assessment.size)
    found = {}
    for field, name in (("probability", "Sannolikheten"), ("consequence", "Konsekvensen")):
        value = getattr(assessment, field)
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= assessment.size:
            found[field] = (f"{name} ska vara ett heltal från 1 till {assessment.size} "
                            f"(matrisen är {assessment.size} × {assessment.size}).")
    return found


def level_of(score: int, size: int = DEFAULT_SIZE) -> str:
    check_size(size)
    largest = size * size
    if not 1 <= score <= largest:
        raise RiskError({"score": f"Riskvärdet ska vara mellan 1 och {largest}."})
    for sixteenths, level in _BANDS:
        if score * 16 <= sixteenths * largest:
            return level
    return VERY_HIGH  # pragma: no cover - the last band always matches


def evaluate(assessment: Assessment) -> RiskValue:
    """Risk value = probability × consequence, with its level and a one-line reason."""
    found = problems(assessment)
    if found:
        raise RiskError(found)
    score = assessment.probability * assessment.consequence
    level = level_of(score, assessment.size)
    reason = (f"Sannolikhet {assessment.probability} × konsekvens {assessment.consequence} = {score} "
              f"av högst {assessment.size * assessment.size}: {LEVEL_LABELS[level].lower()} risk.")
    return RiskValue(score=score, level=level, label=LEVEL_LABELS[level], reason=reason)


def matrix(size: int = DEFAULT_SIZE) -> list[list[Cell]]:
    """The heat map's cells, one row per probability from the highest down (as the matrix is drawn)."""
    check_size(size)
    return [[Cell(p, c, p * c, level_of(p * c, size)) for c in range(1, size + 1)] for p in range(size, 0, -1)]


def band_ranges(size: int = DEFAULT_SIZE) -> dict[str, list[int]]:
    """Which risk values occur in each band on this matrix (for the legend)."""
    values = sorted({p * c for p in range(1, size + 1) for c in range(1, size + 1)})
    ranges = {level: [] for level in LEVELS}
    for value in values:
        ranges[level_of(value, size)].append(value)
    return ranges


def change(before: Assessment, after: Assessment) -> Change:
    """How a follow-up moved the risk (scores compared on the same matrix)."""
    old, new = evaluate(before).score, evaluate(after).score
    if new < old:
        return Change(old, new, "lower", f"Risken har sänkts från {old} till {new}.")
    if new > old:
        return Change(old, new, "higher", f"Risken har ökat från {old} till {new}.")
    return Change(old, new, "same", f"Risken är oförändrad ({old}).")


def labels(given: list[str] | tuple[str, ...], size: int, defaults: dict[int, tuple[str, ...]]) -> tuple[str, ...]:
    """The association's labels if there is one per step, otherwise the defaults (numbers beyond them)."""
    cleaned = tuple(label.strip() for label in given if label and label.strip())
    if len(cleaned) == size:
        return cleaned
    fallback = defaults.get(size)
    return fallback if fallback else tuple(str(step) for step in range(1, size + 1))
