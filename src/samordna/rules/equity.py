"""Equity (eget kapital) against the charter's floor and the national guideline's ceiling.

Sources (rules.md R6.1):
- Nationella rådets rekommendation 2013-10-02 defines a "beräkningsmodell/trappa" for a reasonable
  level of equity relative to the association's size; equity above it limits the next year's state
  allocation (Försäkringskassan's memo "Fördelningsmodell för statens medelstilldelning till
  samordningsförbunden", 2015-01-22). The tier percentages could not be retrieved from a primary
  source, so they are configuration (`GUIDELINE_TIERS`), not law: the defaults are the commonly quoted
  steps (20 % of the year's total funds below 15 mnkr, 15 % up to 25 mnkr, 10 % above). Confidence L.
- The floor is the association's own goal or charter clause, e.g. Sjuhärad's business plan
  "minst 2000 tkr eget kapital"; it is a setting per association.
All amounts are in tkr.
"""
from dataclasses import dataclass
from decimal import Decimal

__all__ = ["Tier", "GUIDELINE_TIERS", "EquityAssessment", "ceiling", "assess"]


@dataclass(frozen=True)
class Tier:
    up_to: Decimal | None  # the year's total funds (tkr) up to and including this; None = no upper bound
    percent: Decimal


GUIDELINE_TIERS: tuple[Tier, ...] = (
    Tier(Decimal(15_000), Decimal(20)),
    Tier(Decimal(25_000), Decimal(15)),
    Tier(None, Decimal(10)),
)


@dataclass(frozen=True)
class EquityAssessment:
    equity: Decimal
    funds: Decimal           # the year's total funds from the Members (the guideline's size measure)
    ceiling: Decimal         # the highest reasonable equity by the guideline
    percent: Decimal         # the tier's percentage
    minimum: Decimal | None  # the association's own floor, if it has one
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.warnings


def _sv(amount: Decimal) -> str:
    text = f"{amount.quantize(Decimal('0.1')):,}".replace(",", "\u00a0").replace(".", ",")
    return text[:-2] if text.endswith(",0") else text


def ceiling(funds, tiers=GUIDELINE_TIERS) -> tuple[Decimal, Decimal]:
    """(highest reasonable equity, percentage) for an association whose year's funds are `funds` tkr."""
    funds = Decimal(funds)
    if funds < 0:
        raise ValueError("Årets medel kan inte vara negativa.")
    if not tiers or tiers[-1].up_to is not None:
        raise ValueError("Trappan måste sluta med ett steg utan övre gräns.")
    for tier in tiers:
        if tier.up_to is None or funds <= tier.up_to:
            return funds * tier.percent / 100, tier.percent
    raise AssertionError("unreachable: the last tier has no upper bound")


def assess(equity, funds, minimum=None, tiers=GUIDELINE_TIERS) -> EquityAssessment:
    """Warn (in Swedish, with the reason) when equity is below the floor or above the guideline."""
    equity, funds = Decimal(equity), Decimal(funds)
    minimum = None if minimum is None else Decimal(minimum)
    top, percent = ceiling(funds, tiers)
    warnings = []
    if minimum is not None and equity < minimum:
        warnings.append(f"Eget kapital {_sv(equity)} tkr understiger förbundets lägsta nivå {_sv(minimum)} tkr.")
    if equity > top:
        warnings.append(f"Eget kapital {_sv(equity)} tkr överstiger den nationella riktlinjens tak "
                        f"{_sv(top)} tkr ({percent.normalize():f} % av årets medel {_sv(funds)} tkr); "
                        "det kan minska nästa års statliga tilldelning.")
    return EquityAssessment(equity, funds, top, percent, minimum, tuple(warnings))
