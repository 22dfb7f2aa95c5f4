"""May the board decide at this paragraph? (beslutförhet)

Legal sources:
- finsam.se, Styrelsen > Styrelsearbetet: "Styrelsen är beslutsför när fler än hälften av
  ledamöterna är närvarande"; serving ersättare count (rules.md R3.1). The board is set
  up under FinsamL 10 §; KL 6 kap. 28–32 §§ (jäv) is why presence is judged per ärende.
- FinsamL 9 § p. 6 and finsam.se: the förbundsordning may demand qualified majority for
  listed matters, but "krav på konsensusbeslut inte är möjligt" (R3.2, test T10). The law
  has no "every party present" rule; a charter may add one (`require_all_groups`).
- Who fills a seat: `substitutes.serving` (FinsamL 10 §, 12 §; nvsam.se reglemente § 6).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Collection, Sequence

from .substitutes import Representative, SeatGroup, Serving, serving


@dataclass(frozen=True)
class QuorumRule:
    """The charter's quorum settings."""

    require_all_groups: bool = False  # a charter may add: every seat group represented
    require_consensus: bool = False  # modelled only so that it can be refused

    def __post_init__(self):
        if self.require_consensus:
            raise ValueError(
                "Krav på konsensus (enhälligt beslut) är inte tillåtet i ett samordningsförbund; "
                "förbundsordningen kan bara kräva kvalificerad majoritet för särskilt angivna ärenden "
                "(FinsamL 9 § p. 6)"
            )


@dataclass(frozen=True)
class Verdict:
    quorate: bool
    serving: tuple[Serving, ...]
    serving_count: int
    seats: int
    required: int
    reasons: tuple[str, ...]  # always at least the count line


def required_seats(total_seats: int) -> int:
    """Smallest number that is more than half of the seats: 8 → 5, 7 → 4, 4 → 3."""
    if total_seats < 0:
        raise ValueError("Antalet platser kan inte vara negativt")
    return total_seats // 2 + 1


def assess(
    groups: Sequence[SeatGroup],
    roster: Sequence[Representative],
    present: Collection[str],
    rule: QuorumRule = QuorumRule(),
) -> Verdict:
    """Quorum verdict with the reasons a secretary can read in the protocol view."""
    holders = tuple(serving(groups, roster, present))
    seats = sum(g.seats for g in groups)
    required = required_seats(seats)
    reasons = [f"{len(holders)} av {seats} platser tjänstgör; minst {required} krävs"]
    quorate = len(holders) >= required
    if rule.require_all_groups:
        represented = {s.group for s in holders}
        missing = [g.name for g in groups if g.name not in represented]
        reasons += [f"{name} ej företrädd" for name in missing]
        quorate = quorate and not missing
    return Verdict(quorate, holders, len(holders), seats, required, tuple(reasons))
