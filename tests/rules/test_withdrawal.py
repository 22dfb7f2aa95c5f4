"""When a Member's withdrawal takes effect (rules.md R4.1; T11)."""
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samordna.rules.deadlines import withdrawal_effective


def test_harryda_notice_in_june_2020_ends_with_2023():
    # T11: three years from the end of the year of notice.
    assert withdrawal_effective(date(2020, 6, 15)) == date(2023, 12, 31)
    assert withdrawal_effective(date(2020, 6, 15), 3, "end_of_notice_year") == date(2023, 12, 31)


def test_counted_from_the_notice_day():
    assert withdrawal_effective(date(2020, 6, 15), rule="from_notice") == date(2023, 6, 15)
    assert withdrawal_effective(date(2020, 2, 29), rule="from_notice") == date(2023, 2, 28)


def test_a_charter_may_shorten_the_period():
    assert withdrawal_effective(date(2020, 6, 15), years=1) == date(2021, 12, 31)


@pytest.mark.parametrize("years, rule, message", [
    (4, "end_of_notice_year", "högst|mellan 0 och 3"),
    (-1, "from_notice", "mellan 0 och 3"),
    (True, "from_notice", "helt antal år"),
    (3, "end_of_year", "Okänd regel"),
])
def test_bad_settings_are_refused_in_swedish(years, rule, message):
    with pytest.raises(ValueError, match=message):
        withdrawal_effective(date(2020, 6, 15), years, rule)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(9000, 12, 31)),
       st.integers(min_value=0, max_value=3), st.sampled_from(["end_of_notice_year", "from_notice"]))
def test_never_before_the_notice(notice, years, rule):
    effective = withdrawal_effective(notice, years, rule)
    assert effective >= notice
    assert effective.year == notice.year + years
    # counting from the end of the year can only be later than counting from the day
    assert withdrawal_effective(notice, years, "end_of_notice_year") >= withdrawal_effective(
        notice, years, "from_notice")
