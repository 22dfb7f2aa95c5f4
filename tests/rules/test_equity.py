"""Equity against the association's floor and the national guideline's tier table (configuration)."""
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samordna.rules.equity import GUIDELINE_TIERS, Tier, assess, ceiling


def test_tiers():
    assert ceiling(D(10_000)) == (D(2000), D(20))
    assert ceiling(D(15_000)) == (D(3000), D(20))
    assert ceiling(D(18_022)) == (D("2703.3"), D(15))
    assert ceiling(D(69_000)) == (D(6900), D(10))


def test_sjuharad_goal_of_2000_tkr():
    low = assess(D(1_900), D(18_022), minimum=D(2_000))
    assert low.warnings == ("Eget kapital 1\u00a0900 tkr understiger förbundets lägsta nivå 2\u00a0000 tkr.",)
    assert assess(D(2_500), D(18_022), minimum=D(2_000)).ok


def test_goteborg_above_ceiling():
    result = assess(D(12_600), D(69_000))
    assert not result.ok and "överstiger den nationella riktlinjens tak 6\u00a0900 tkr (10 %" in result.warnings[0]


def test_tier_table_is_configuration():
    assert ceiling(D(10_000), (Tier(None, D(30)),)) == (D(3000), D(30))
    with pytest.raises(ValueError):
        ceiling(D(1), (Tier(D(5), D(10)),))
    with pytest.raises(ValueError):
        ceiling(D(-1))


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=10**6))
def test_ceiling_never_falls_as_funds_grow_within_a_tier(a, b):
    low, high = sorted((a, b))
    (c1, p1), (c2, p2) = ceiling(D(low)), ceiling(D(high))
    if p1 == p2:
        assert c1 <= c2
    assert p2 <= p1 and p1 in {t.percent for t in GUIDELINE_TIERS}
