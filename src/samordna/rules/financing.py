"""Member contributions (medelsfördelning) and per-mille fees.

Sources (rules.md §1 and R6.2):
- FinsamL 5 §: Försäkringskassan pays the state half (Arbetsförmedlingen's quarter too), the
  region(s) a quarter, the municipalities together a quarter (R1.1); a party offering less
  shrinks the whole total (partial matching).
- FinsamL 9 § p. 8: the charter states how costs are split among the municipalities; in
  practice by SCB population at a reference date (R1.2), rounded to the charter's unit with
  the largest-remainder method so the rows add up exactly.
- NNS service fee as per mille of the association's allocation (R6.2, no legal source).
"""
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

__all__ = ["MUNICIPALITIES", "largest_remainder", "contributions", "matched_total", "service_fee"]

MUNICIPALITIES = "municipalities"  # the key in `shares` for the municipalities' common share
# Swedish alphabet order for the last tie-break (å, ä, ö come after z).
_SV_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}"})


def _dec(value, what: str) -> Decimal:
    """Decimal from int/str/Decimal, and from float via its shortest repr so 0.1 means 0.1."""
    if isinstance(value, bool):
        raise ValueError(f"{what} måste vara ett tal, inte {value!r}.")
    try:
        result = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise ValueError(f"{what} måste vara ett tal, inte {value!r}.") from None
    if not result.is_finite():
        raise ValueError(f"{what} måste vara ett ändligt tal, inte {value!r}.")
    return result


def _sv(value) -> str:
    """A number as Swedish text writes it: decimal comma."""
    return str(value).replace(".", ",")


def _units(total: Decimal, unit: Decimal) -> int:
    if unit <= 0:
        raise ValueError(f"Avrundningsenheten måste vara större än noll (fick {_sv(unit)}).")
    if total < 0:
        raise ValueError(f"Beloppet får inte vara negativt (fick {_sv(total)}).")
    count, rest = divmod(total, unit)
    if rest:
        raise ValueError(f"Beloppet {_sv(total)} kan inte uttryckas i hela enheter om {_sv(unit)}; "
                         "välj en mindre avrundningsenhet.")
    return int(count)


def largest_remainder(total, weights: Mapping[str, object], unit) -> dict[str, Decimal]:
    """Split `total` in proportion to `weights`, each part a whole number of `unit`s, sum exact.

    Leftover units go to the largest remainders; equal remainders go to the larger weight, then
    by name, so the result never depends on the order of `weights`.
    """
    total, unit = _dec(total, "Beloppet"), _dec(unit, "Avrundningsenheten")
    n = _units(total, unit)
    exact = {name: Fraction(_dec(w, f"Vikten för {name}")) for name, w in weights.items()}
    if any(w < 0 for w in exact.values()):
        bad = ", ".join(name for name, w in exact.items() if w < 0)
        raise ValueError(f"Vikterna får inte vara negativa ({bad}).")
    weight_sum = sum(exact.values())
    if n and not weight_sum:
        raise ValueError("Det finns inget att fördela efter: alla vikter är noll eller saknas.")
    quotas = {name: n * w / weight_sum for name, w in exact.items()} if n else dict.fromkeys(exact, 0)
    parts = {name: int(q) for name, q in quotas.items()}  # floor: quotas are never negative
    order = sorted(exact, key=lambda k: (-(quotas[k] - parts[k]), -exact[k],
                                         k.casefold().translate(_SV_ORDER), k))
    for name in order[: n - sum(parts.values())]:
        parts[name] += 1
    return {name: parts[name] * unit for name in exact}


def contributions(total, shares: Mapping[str, object], population: Mapping[str, int],
                  unit) -> dict[str, Decimal]:
    """Each party's contribution; the "municipalities" share is split by `population`.

    Returns the parties in `shares` order (without the "municipalities" key), then the
    municipalities in `population` order.
    """
    exact = {name: _dec(s, f"Andelen för {name}") for name, s in shares.items()}
    if any(s < 0 for s in exact.values()) or sum(exact.values()) != 1:
        listed = " + ".join(_sv(s) for s in exact.values()) or "inga andelar"
        raise ValueError(f"Andelarna måste vara icke-negativa och summera till 1 ({listed} = "
                         f"{_sv(sum(exact.values()))}).")
    for name, people in population.items():
        if isinstance(people, bool) or not isinstance(people, int):
            raise ValueError(f"Folkmängden för {name} måste vara ett heltal (fick {people!r}).")
        if people < 0:
            raise ValueError(f"Folkmängden för {name} får inte vara negativ ({people}).")
    if exact.get(MUNICIPALITIES, 0) and not any(population.values()):
        raise ValueError("Kommunerna har en andel men ingen folkmängd är angiven att fördela efter.")
    clash = sorted(set(population) & set(exact))
    if clash:
        raise ValueError(f"Samma namn både som part och som kommun: {', '.join(clash)}.")

    parts = largest_remainder(total, exact, unit)
    municipal = parts.pop(MUNICIPALITIES, None)
    if municipal is not None:  # no municipal share: population figures are not used
        parts.update(largest_remainder(municipal, population, unit))
    return parts


def matched_total(state_offer, region_offer, municipal_offer) -> Decimal:
    """The largest total every party can match: T = min(2·state, 4·region, 4·municipalities) (T4)."""
    offers = [_dec(state_offer, "Statens bud"), _dec(region_offer, "Regionens bud"),
              _dec(municipal_offer, "Kommunernas bud")]
    if any(o < 0 for o in offers):
        raise ValueError("Ett bud om medel får inte vara negativt.")
    state, region, municipal = offers
    return min(2 * state, 4 * region, 4 * municipal)


def service_fee(base, per_mille, unit=1) -> Decimal:
    """`base` × `per_mille` ‰, rounded half up to `unit` (T17: 17 143 tkr at 2 ‰ → 34)."""
    base, rate = _dec(base, "Underlaget"), _dec(per_mille, "Promillesatsen")
    unit = _dec(unit, "Avrundningsenheten")
    if unit <= 0:
        raise ValueError(f"Avrundningsenheten måste vara större än noll (fick {_sv(unit)}).")
    if base < 0 or rate < 0:
        raise ValueError("Underlag och promillesats får inte vara negativa.")
    return (base * rate / 1000 / unit).to_integral_value(ROUND_HALF_UP) * unit
