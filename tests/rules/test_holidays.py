"""Swedish holidays and working days (Lag 1989:253, Lag 1930:173)."""
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samordna.rules.holidays import (easter_sunday, holiday_name, is_holiday, is_working_day,
                                     next_working_day, public_holidays)


@pytest.mark.parametrize("year, expected", [
    (2000, date(2000, 4, 23)), (2019, date(2019, 4, 21)), (2023, date(2023, 4, 9)),
    (2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)), (2038, date(2038, 4, 25)),  # latest possible
    (2285, date(2285, 3, 22)),  # earliest possible
])
def test_easter_sunday_known_years(year, expected):
    assert easter_sunday(year) == expected


def test_all_of_2023():
    assert public_holidays(2023) == {
        date(2023, 1, 1): "nyårsdagen", date(2023, 1, 6): "trettondedag jul",
        date(2023, 4, 7): "långfredagen", date(2023, 4, 9): "påskdagen",
        date(2023, 4, 10): "annandag påsk", date(2023, 5, 1): "första maj",
        date(2023, 5, 18): "Kristi himmelsfärdsdag", date(2023, 5, 28): "pingstdagen",
        date(2023, 6, 6): "Sveriges nationaldag", date(2023, 6, 23): "midsommarafton",
        date(2023, 6, 24): "midsommardagen", date(2023, 11, 4): "alla helgons dag",
        date(2023, 12, 24): "julafton", date(2023, 12, 25): "juldagen",
        date(2023, 12, 26): "annandag jul", date(2023, 12, 31): "nyårsafton",
    }


def test_before_2005_whit_monday_not_national_day():
    # 2003: annandag pingst (9 June) was still a holiday and 6 June (a Friday) was not.
    assert holiday_name(date(2003, 6, 9)) == "annandag pingst"
    assert is_working_day(date(2003, 6, 6))


def test_weekends_and_eves_are_not_working_days():
    assert holiday_name(date(2023, 4, 8)) == "lördag"
    assert holiday_name(date(2023, 4, 16)) == "söndag"
    assert is_holiday(date(2024, 6, 21)) and holiday_name(date(2024, 6, 21)) == "midsommarafton"
    assert is_working_day(date(2023, 4, 5))


@pytest.mark.parametrize("day, expected", [
    (date(2023, 4, 5), date(2023, 4, 5)),     # a working day is its own answer
    (date(2023, 4, 7), date(2023, 4, 11)),    # Easter weekend
    (date(2023, 12, 23), date(2023, 12, 27)),  # Saturday, julafton, juldagen, annandag jul
    (date(2022, 12, 31), date(2023, 1, 2)),
])
def test_next_working_day(day, expected):
    assert next_working_day(day) == expected


years = st.integers(min_value=1900, max_value=2400)


@given(years)
def test_floating_holidays_fall_on_their_weekday(year):
    named = {name: d for d, name in public_holidays(year).items()}
    assert named["påskdagen"].weekday() == 6
    assert date(year, 3, 22) <= named["påskdagen"] <= date(year, 4, 25)
    assert named["midsommardagen"].weekday() == 5
    assert date(year, 6, 20) <= named["midsommardagen"] <= date(year, 6, 26)
    assert named["midsommarafton"] == named["midsommardagen"] - timedelta(days=1)
    assert named["alla helgons dag"].weekday() == 5
    assert date(year, 10, 31) <= named["alla helgons dag"] <= date(year, 11, 6)


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2300, 12, 31)))
def test_next_working_day_is_the_first_one(day):
    result = next_working_day(day)
    assert result >= day and is_working_day(result)
    assert all(is_holiday(day + timedelta(days=i)) for i in range((result - day).days))
    assert (result - day).days <= 5  # longest run: julafton on a Wednesday, through Sunday
