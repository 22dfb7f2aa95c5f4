"""Which substitute (ersättare) serves for an absent member (ledamot).

Legal sources:
- FinsamL 10 § (and 9 § p. 3): every förbundsmedlem appoints at least one ledamot and as
  many ersättare; a ledamot for one Member cannot represent another (Nationella rådet,
  finsam.se 2022-02-07 "Minst en ledamot och en ersättare i förbundsstyrelse").
- FinsamL 12 § 1 st.: each Member appoints its own representatives, so only the same
  Member's ersättare can fill its seat.
- Order of service "i den ordning som styrelsen anger": nvsam.se, styrelsens reglemente § 6
  (rules.md R2.5). A charter may let several Members share seats (Sjuhärad: the eight
  municipalities hold one seat together and their ersättare serve by population,
  largest first).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Collection, Mapping, Sequence

MEMBER = "member"
SUBSTITUTE = "substitute"


@dataclass(frozen=True)
class SeatGroup:
    """Seats held by one Member, or shared by several (e.g. "Kommunerna")."""

    name: str
    seats: int = 1


@dataclass(frozen=True)
class Representative:
    """Someone holding a mandate in the body."""

    name: str
    role: str  # MEMBER | SUBSTITUTE
    group: str  # SeatGroup.name
    order: int = 0  # substitutes' order within the group; lower serves first
    replaces: str | None = None  # the secretary's explicit choice


@dataclass(frozen=True)
class Serving:
    """One occupied seat: a present member, or a substitute and whom they replace."""

    name: str
    group: str
    replaces: str | None


# Swedish alphabet: å, ä, ö come after z (in that order); é sorts as e, ü as y.
_SV = str.maketrans({"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}", "é": "e", "è": "e", "ü": "y"})


def swedish_key(text: str) -> str:
    """Sort key following Swedish alphabetical order (Å Ä Ö last)."""
    return text.casefold().translate(_SV)


def _serving_in_group(group: SeatGroup, roster: Sequence[Representative], present: Collection[str]) -> list[Serving]:
    mine = [r for r in roster if r.group == group.name]
    members = [r for r in mine if r.role == MEMBER]
    present_members = list({m.name: m for m in members if m.name in present}.values())[: group.seats]
    out = [Serving(m.name, group.name, None) for m in present_members]
    vacancies = group.seats - len(present_members)
    if vacancies <= 0:
        return out

    absent = list(dict.fromkeys(m.name for m in members if m.name not in present))
    # One person holds one seat, even if listed twice or as both member and substitute.
    taken = {s.name for s in out}
    ordered = []
    for r in sorted(mine, key=lambda r: r.order):  # stable: ties keep roster order
        if r.role == SUBSTITUTE and r.name in present and r.name not in taken:
            ordered.append(r)
            taken.add(r.name)
    # The secretary's explicit choice comes first, but only for a member who really is
    # absent and belongs to this group; each member can be replaced once.
    chosen: list[tuple[Representative, str | None]] = []
    claimed: set[str] = set()
    for r in ordered:
        if r.replaces in absent and r.replaces not in claimed:
            chosen.append((r, r.replaces))
            claimed.add(r.replaces)
    explicit = {id(r) for r, _ in chosen}
    free = [name for name in absent if name not in claimed]
    for r in ordered:
        if id(r) not in explicit:
            chosen.append((r, None))

    for r, replaces in chosen[:vacancies]:
        if replaces is None and free:
            replaces = free.pop(0)
        out.append(Serving(r.name, group.name, replaces))
    return out


def serving(
    groups: Sequence[SeatGroup], roster: Sequence[Representative], present: Collection[str]
) -> list[Serving]:
    """Who holds each seat, group by group (R2.5).

    Present members serve first (at most `seats`); each remaining seat goes to a present
    substitute of the same group: explicit `replaces` choices first, then by `order`
    (ties: roster order). Another group's substitute never serves.
    """
    present = set(present)
    return [s for g in groups for s in _serving_in_group(g, roster, present)]


def order_by_population(substitutes: Sequence[tuple[str, str]], population: Mapping[str, int]) -> list[str]:
    """Names of (name, organisation) pairs, largest organisation first, then by name.

    An organisation without a population figure comes last: it cannot claim a place.
    """
    return [
        name
        for name, org in sorted(substitutes, key=lambda p: (-population.get(p[1], -1), swedish_key(p[0])))
    ]


def replacement_errors(
    roster: Sequence[Representative], substitute: str, member: str, present: Collection[str]
) -> list[str]:
    """Swedish reasons why `substitute` may not replace `member`; empty list = fine."""
    subs = [r for r in roster if r.name == substitute and r.role == SUBSTITUTE]
    members = [r for r in roster if r.name == member and r.role == MEMBER]
    errors = []
    if not subs:
        errors.append(f"{substitute} är inte ersättare i styrelsen")
    if not members:
        errors.append(f"{member} är inte ledamot i styrelsen")
    if subs and members and subs[0].group != members[0].group:
        errors.append(
            f"{substitute} är ersättare för {subs[0].group} och kan inte ersätta en ledamot för {members[0].group}"
        )
    if members and member in present:
        errors.append(f"{member} är närvarande och kan inte ersättas")
    return errors
