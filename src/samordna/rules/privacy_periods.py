"""Joint suppression across overlapping periods: the same flows published per month, tertial, half-year and year.

Sources and threshold as in rules/privacy.py (issue 5: counts below the threshold are hidden, with complementary
suppression so a hidden cell cannot be worked out from totals).
"""
from collections.abc import Mapping

# Overlapping periods ----------------------------------------------------------------------------------------------
#
# The follow-up publishes the same flows (started, ended) for a month, its tertial, its half-year and its year. Each
# period's figure is the sum of its months, so a month hidden in the month table could be worked out as the tertial
# minus the other months, or as the half-year minus a tertial and a month (tertials and half-years overlap without
# nesting). Here a period is the set of base units (months) it sums; the periods to hide are chosen for all of them
# at once so that no hidden period's sum follows from the published ones (exact linear algebra over the months).

__all__ = ["derivable_sums", "suppress_overlapping"]


# Exact rank over the rationals, computed modulo a prime: every minor of a 0/1 matrix with at most 12 columns is at
# most 4 245 in size (Hadamard's bound), far below the prime, so a rank modulo it is the rank over the rationals.
_PRIME = (1 << 61) - 1
_MAX_EXACT_UNITS = 32  # up to here the bound stays below the prime (36 would be the limit)


def _reduce(vector, basis):
    for col, row in basis:
        factor = vector[col]
        if factor:
            vector = [(x - factor * y) % _PRIME for x, y in zip(vector, row)]
    return vector


def _basis(vectors, width):
    basis = []
    for vector in vectors:
        vector = _reduce(list(vector), basis)
        col = next((i for i, x in enumerate(vector) if x), None)
        if col is not None:
            inverse = pow(vector[col], -1, _PRIME)
            basis.append((col, [(x * inverse) % _PRIME for x in vector]))
    return basis


def _vectors(parts: Mapping):
    index = {u: i for i, u in enumerate(sorted({u for units in parts.values() for u in units}, key=repr))}
    if len(index) > _MAX_EXACT_UNITS:
        raise ValueError("För många månader (enheter) för den exakta beräkningen.")
    vectors = {}
    for p, units in parts.items():
        vector = [0] * len(index)
        for u in units:
            vector[index[u]] = 1
        vectors[p] = vector
    return vectors, len(index)


def _derivable(vectors, width, hidden, targets) -> set:
    basis = _basis((v for p, v in vectors.items() if p not in hidden), width)
    return {p for p in targets if any(vectors[p]) and not any(_reduce(vectors[p], basis))}


def derivable_sums(parts: Mapping, hidden) -> set:
    """The hidden periods whose sum follows from the published periods' sums. `parts` maps a period to the base
    units it sums (e.g. month numbers); a period with no units is empty and never counts as hidden information."""
    vectors, width = _vectors(parts)
    return _derivable(vectors, width, set(hidden), [p for p in hidden if p in vectors])


def suppress_overlapping(parts: Mapping, primary, cost: Mapping | None = None) -> set:
    """The periods to hide: every `primary` one, and complements until no hidden period's sum can be worked out from
    the published ones (`derivable_sums` is empty). Complements are taken cheapest first by `cost` (period -> any
    sortable, default: the number of units, so months give way before the year the board reads)."""
    units = {p: frozenset(u) for p, u in parts.items()}
    vectors, width = _vectors(units)
    order = {p: i for i, p in enumerate(units)}
    rank = {p: ((cost or {}).get(p, len(units[p])), order[p]) for p in units}
    hidden = {p for p in primary if p in units}

    def protects(extra, target):
        return not _derivable(vectors, width, hidden | extra, [target])

    while True:
        leaks = _derivable(vectors, width, hidden, [p for p in hidden])
        if not leaks:
            return hidden
        target = min(leaks, key=rank.get)
        candidates = sorted((p for p in units if p not in hidden and units[p]), key=rank.get)
        # Prefer one complement that protects the target on its own, then the cheapest pair (a year is the sum of
        # its half-years and of its tertials alike: one of each must go); else the cheapest that shares a unit.
        choice = next(({p} for p in candidates if protects({p}, target)), None)
        if choice is None:
            pairs = sorted(((a, b) for i, a in enumerate(candidates) for b in candidates[i + 1:]
                            if units[a] & units[target] or units[b] & units[target]),
                           key=lambda pair: (rank[pair[0]][0] + rank[pair[1]][0], rank[pair[0]], rank[pair[1]]))
            choice = next((set(pair) for pair in pairs if protects(set(pair), target)), None)
        if choice is None:
            choice = {next((p for p in candidates if units[p] & units[target]), candidates[0])}
        hidden |= choice
