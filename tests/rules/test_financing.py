"""Member contributions and fees (rules.md §1, R6.2; T1–T4, T17)."""
import random
from decimal import Decimal as D
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samordna.rules.financing import contributions, largest_remainder, matched_total, service_fee

QUARTERS = {"Försäkringskassan": D("0.25"), "Arbetsförmedlingen": D("0.25"),
            "Västra Götalandsregionen": D("0.25"), "municipalities": D("0.25")}
# Sjuhärad's published municipal rows for 2024, tkr (used as weights: T2).
SJUHARAD_2024 = {"Bollebygd": D("191.0"), "Borås": D("2252.1"), "Herrljunga": D("186.6"),
                 "Mark": D("693.1"), "Svenljunga": D("211.9"), "Tranemo": D("234.2"),
                 "Ulricehamn": D("494.4"), "Vårgårda": D("242.2")}


def test_quarters_of_the_sjuharad_total():
    # T1: 18 022 tkr in four equal quarters; FK pays its own and Arbetsförmedlingen's.
    parts = largest_remainder(18022, QUARTERS, D("0.1"))
    assert set(parts.values()) == {D("4505.5")}


def test_municipal_rows_reproduce_the_published_figures():
    # T2: splitting the quarter with the published rows as weights gives them back exactly.
    parts = largest_remainder(D("4505.5"), SJUHARAD_2024, D("0.1"))
    assert parts == SJUHARAD_2024 and sum(parts.values()) == D("4505.5")


def test_whole_plan_with_population_proportional_to_the_rows():
    population = {name: int(amount * 10) for name, amount in SJUHARAD_2024.items()}
    parts = contributions(18022, QUARTERS, population, D("0.1"))
    assert list(parts)[:3] == ["Försäkringskassan", "Arbetsförmedlingen", "Västra Götalandsregionen"]
    assert {k: parts[k] for k in SJUHARAD_2024} == SJUHARAD_2024
    assert sum(parts.values()) == 18022


def test_three_equal_weights():
    # T3: the leftover tenth goes to the first name.
    assert largest_remainder(D("100.0"), {"Cid": 1, "Ale": 1, "Bo": 1}, D("0.1")) == {
        "Cid": D("33.3"), "Ale": D("33.4"), "Bo": D("33.3")}


def test_equal_remainders_favour_the_larger_weight_then_swedish_order():
    assert largest_remainder(2, {"a": 1, "b": 3}, 1) == {"a": 0, "b": 2}
    assert largest_remainder(1, {"Ö": 1, "Ä": 1, "Å": 1, "Z": 1}, 1) == {"Ö": 0, "Ä": 0, "Å": 0, "Z": 1}
    assert largest_remainder(1, {"Ö": 1, "Ä": 1, "Å": 1}, 1) == {"Ö": 0, "Ä": 0, "Å": 1}


def test_matching_follows_the_smallest_offer():
    # T4: the region's 2 000 limits the total to 8 000.
    total = matched_total(10000, 2000, 2500)
    assert total == 8000
    parts = contributions(total, {"Försäkringskassan": D("0.5"), "Regionen": D("0.25"),
                                  "municipalities": D("0.25")}, {"Kommunen": 1}, 1)
    assert parts == {"Försäkringskassan": 4000, "Regionen": 2000, "Kommunen": 2000}


def test_nns_fee():
    # T17: 2 ‰ and 3,5 ‰ of 17 143 tkr.
    assert service_fee(17143, 2) == 34
    assert service_fee(17143, D("3.5")) == 60
    assert service_fee(17143, 2, D("0.1")) == D("34.3")


def test_floats_mean_what_they_say():
    parts = contributions(18022, {k: 0.25 for k in QUARTERS}, {"A": 1, "B": 1}, 0.1)
    assert parts["A"] + parts["B"] == D("4505.5")


@pytest.mark.parametrize("shares, population, total, unit, message", [
    ({"FK": D("0.5"), "municipalities": D("0.4")}, {"A": 1}, 100, 1, "summera till 1"),
    ({"FK": D("1.5"), "municipalities": D("-0.5")}, {"A": 1}, 100, 1, "icke-negativa"),
    (QUARTERS, {"A": -1, "B": 5}, 100, 1, "Folkmängden för A får inte vara negativ"),
    (QUARTERS, {}, 100, 1, "ingen folkmängd"),
    (QUARTERS, {"A": 0}, 100, 1, "ingen folkmängd"),
    (QUARTERS, {"A": 1}, D("18022.05"), D("0.1"), "hela enheter om 0,1"),
    (QUARTERS, {"A": 1}, 100, 0, "större än noll"),
    (QUARTERS, {"A": 1}, "hundra", 1, "måste vara ett tal"),
    (QUARTERS, {"A": 1.5}, 100, 1, "heltal"),
    (QUARTERS, {"Försäkringskassan": 1}, 100, 1, "både som part och som kommun"),
])
def test_bad_input_is_refused_in_swedish(shares, population, total, unit, message):
    with pytest.raises(ValueError, match=message):
        contributions(total, shares, population, unit)


units = st.sampled_from([D("1"), D("0.1"), D("0.01"), D("0.5")])


@st.composite
def plans(draw):
    unit = draw(units)
    total = draw(st.integers(min_value=0, max_value=10**8)) * unit
    cuts = sorted(draw(st.lists(st.integers(0, 100), min_size=1, max_size=4)))
    bounds = [0, *cuts, 100]
    shares = {f"Part {i}": D(b - a) / 100 for i, (a, b) in enumerate(zip(bounds, bounds[1:]))}
    shares["municipalities"] = shares.pop("Part 0")
    population = draw(st.dictionaries(st.text("abcåäö", min_size=1, max_size=6),
                                      st.integers(0, 2_000_000), min_size=1, max_size=10))
    if not any(population.values()):
        population[next(iter(population))] = 1
    return total, shares, population, unit


@given(plans())
def test_contributions_add_up_exactly(plan):
    total, shares, population, unit = plan
    parts = contributions(total, shares, population, unit)
    assert sum(parts.values()) == total
    assert all(amount % unit == 0 and amount >= 0 for amount in parts.values())


@given(plans())
def test_larger_population_never_pays_less(plan):
    total, shares, population, unit = plan
    parts = contributions(total, shares, population, unit)
    for a in population:
        for b in population:
            if population[a] > population[b]:
                assert parts[a] >= parts[b]


@given(st.dictionaries(st.text(min_size=1, max_size=4), st.integers(0, 1000), min_size=1, max_size=8),
       st.integers(0, 10**6), st.randoms())
def test_each_part_within_one_unit_and_order_free(weights, units_total, rnd):
    if not any(weights.values()):
        weights[next(iter(weights))] = 1
    parts = largest_remainder(units_total, weights, 1)
    assert sum(parts.values()) == units_total
    for name, part in parts.items():
        assert abs(Fraction(part) - Fraction(units_total * weights[name], sum(weights.values()))) < 1
    names = list(weights)
    rnd.shuffle(names)
    assert largest_remainder(units_total, {n: weights[n] for n in names}, 1) == parts
