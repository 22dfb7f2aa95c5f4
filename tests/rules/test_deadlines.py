"""Adjustment, notice and appeal dates (rules.md §5; T14–T16)."""
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samordna.rules.deadlines import (NoticeDates, adjustment_deadline, deadline_warnings,
                                      notice_dates, posting_deadline)
from samordna.rules.holidays import is_working_day, next_working_day


def test_goteborg_adjusted_and_posted_the_same_day():
    # T14: meeting 24 March 2023, adjusted on day 12 and posted at once.
    meeting = date(2023, 3, 24)
    assert date(2023, 4, 5) <= adjustment_deadline(meeting)
    assert notice_dates(date(2023, 4, 5), date(2023, 4, 5)) == NoticeDates(
        posted=date(2023, 4, 5), appeal_last_day=date(2023, 4, 26), remove_after=date(2023, 4, 27))


def test_posting_defaults_to_the_adjustment_day():
    assert notice_dates(date(2023, 4, 5)).posted == date(2023, 4, 5)


def test_adjustment_deadline_on_good_friday_warns():
    # T15: 14 days after 24 March 2023 is långfredagen.
    due = adjustment_deadline(date(2023, 3, 24))
    assert due == date(2023, 4, 7)
    (warning,) = deadline_warnings(due, "justering")
    assert "långfredagen" in warning and "2023-04-11" in warning
    assert deadline_warnings(date(2023, 4, 5), "justering") == ()


def test_appeal_day_past_christmas():
    # T16: posted Monday 4 December 2023; three weeks later is juldagen.
    dates = notice_dates(date(2023, 12, 4), date(2023, 12, 4))
    assert (dates.appeal_last_day, dates.remove_after) == (date(2023, 12, 27), date(2023, 12, 28))


def test_posting_before_adjustment_is_refused():
    with pytest.raises(ValueError, match="före justeringen"):
        notice_dates(date(2023, 4, 5), date(2023, 4, 4))


def test_late_posting_is_reported_but_still_counts():
    dates = notice_dates(date(2023, 4, 3), date(2023, 4, 12))
    assert dates.appeal_last_day == date(2023, 5, 3)
    (warning,) = dates.warnings
    assert "efter sista tillåtna dagen 2023-04-05" in warning


def test_posting_deadline_on_a_saturday_may_wait_until_monday():
    # Adjusted Thursday 13 April 2023: the second day after is a Saturday (Lag 1930:173).
    assert posting_deadline(date(2023, 4, 13)) == date(2023, 4, 15)
    assert notice_dates(date(2023, 4, 13), date(2023, 4, 17)).warnings == ()
    assert notice_dates(date(2023, 4, 13), date(2023, 4, 18)).warnings != ()


days = st.dates(min_value=date(1990, 1, 1), max_value=date(2200, 12, 31))


@given(days, st.integers(min_value=0, max_value=60))
def test_appeal_last_day_is_the_first_working_day_from_three_weeks(adjusted, delay):
    posted = adjusted + timedelta(days=delay)
    dates = notice_dates(adjusted, posted)
    earliest = posted + timedelta(days=21)
    assert dates.appeal_last_day >= earliest and is_working_day(dates.appeal_last_day)
    assert not any(is_working_day(earliest + timedelta(days=i))
                   for i in range((dates.appeal_last_day - earliest).days))
    assert dates.remove_after == dates.appeal_last_day + timedelta(days=1)
    on_time = posted <= next_working_day(adjusted + timedelta(days=2))
    assert (dates.warnings == ()) == on_time
