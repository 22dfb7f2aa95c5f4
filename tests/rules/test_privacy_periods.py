"""Suppression over overlapping periods (months, tertials, half-years, the year): no hidden sum can be worked out.

The oracle here is independent of rules.privacy: exact rank over the rationals with fractions.Fraction.
"""
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samordna.rules.privacy_periods import derivable_sums, suppress_overlapping

PERIODS = {("month", m): {m} for m in range(1, 13)}
PERIODS |= {("tertial", t): set(range(4 * t - 3, 4 * t + 1)) for t in (1, 2, 3)}
PERIODS |= {("half", h): set(range(6 * h - 5, 6 * h + 1)) for h in (1, 2)}
PERIODS |= {("year", 1): set(range(1, 13))}


def rank(rows, width):
    rows = [[Fraction(x) for x in row] for row in rows]
    r = 0
    for col in range(width):
        pivot = next((i for i in range(r, len(rows)) if rows[i][col]), None)
        if pivot is None:
            continue
        rows[r], rows[pivot] = rows[pivot], rows[r]
        for i in range(len(rows)):
            if i != r and rows[i][col]:
                factor = rows[i][col] / rows[r][col]
                rows[i] = [a - factor * b for a, b in zip(rows[i], rows[r])]
        r += 1
    return r


def vector(units):
    return [1 if m in units else 0 for m in range(1, 13)]


def leaks(parts, hidden):
    """Hidden periods whose indicator vector lies in the span of the published ones."""
    published = [vector(parts[p]) for p in parts if p not in hidden]
    base = rank(published, 12)
    return {p for p in hidden if parts[p] and rank(published + [vector(parts[p])], 12) == base}


def test_a_hidden_month_is_not_left_to_the_tertial():
    hidden = suppress_overlapping(PERIODS, {("month", 5)})
    assert ("month", 5) in hidden and len(hidden) >= 2
    assert not leaks(PERIODS, hidden)


def test_a_hidden_year_needs_a_half_year_and_a_tertial():
    hidden = suppress_overlapping(PERIODS, {("year", 1)})
    assert any(p[0] == "half" for p in hidden) and any(p[0] in ("tertial", "month") for p in hidden - {("year", 1)})
    assert not leaks(PERIODS, hidden)


def test_derivable_sums_finds_the_tertial_difference():
    hidden = {("month", 1)}
    assert derivable_sums(PERIODS, hidden) == {("month", 1)} == leaks(PERIODS, hidden)
    assert derivable_sums(PERIODS, {("month", 1), ("month", 2)}) == set()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reported=st.sets(st.integers(1, 12), min_size=1), primary=st.sets(st.sampled_from(sorted(PERIODS))))
def test_no_hidden_period_follows_from_the_published(reported, primary):
    parts = {p: units & reported for p, units in PERIODS.items()}
    primary = {p for p in primary if parts[p]}
    hidden = suppress_overlapping(parts, primary)
    assert primary <= hidden
    assert not leaks(parts, hidden)
    assert derivable_sums(parts, hidden) == set()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(primary=st.sets(st.sampled_from(sorted(PERIODS)), max_size=4), extra=st.sets(st.sampled_from(sorted(PERIODS))))
def test_derivable_sums_agrees_with_the_oracle(primary, extra):
    hidden = primary | extra
    assert derivable_sums(PERIODS, hidden) == leaks(PERIODS, hidden)
