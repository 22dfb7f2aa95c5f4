"""Presence at a paragraph: clock intervals half-open, paragraph bounds inclusive."""
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from samordna.rules.presence import (
    Interval,
    Moment,
    describe,
    estimate_times,
    interval_errors,
    is_present,
    overlapping,
)


def t(s: str) -> dt.time:
    return dt.time.fromisoformat(s)


def test_no_intervals_means_the_whole_meeting():
    assert is_present([], Moment(t("09:00"), 1))
    assert is_present((), Moment())


def test_clock_interval_is_half_open():
    # Insjöriket 2021-11-25: AF's member is there 13:30–14:00; at 14:00 she is gone.
    hallberg = [Interval(t("13:30"), t("14:00"))]
    assert is_present(hallberg, Moment(t("13:30")))
    assert is_present(hallberg, Moment(t("13:59")))
    assert not is_present(hallberg, Moment(t("14:00")))
    assert not is_present(hallberg, Moment(t("13:29")))


def test_paragraph_bounds_are_inclusive():
    guest = [Interval(from_paragraph=41, to_paragraph=43)]
    assert [is_present(guest, Moment(paragraph=p)) for p in (40, 41, 43, 44)] == [False, True, True, False]


def test_missing_bounds_mean_from_start_or_to_end():
    assert is_present([Interval(end=t("15:00"))], Moment(t("08:00")))
    assert is_present([Interval(start=t("15:00"))], Moment(t("23:00")))
    assert is_present([Interval(from_paragraph=1130)], Moment(paragraph=1136))


def test_a_bound_without_the_matching_coordinate_does_not_exclude():
    # A paragraph with no clock time cannot be placed outside 13:30–14:00.
    assert is_present([Interval(t("13:30"), t("14:00"))], Moment(paragraph=1128))
    assert is_present([Interval(from_paragraph=5, to_paragraph=5)], Moment(time=t("10:00")))


def test_several_intervals_left_and_came_back():
    iv = [Interval(t("13:00"), t("14:00")), Interval(t("15:00"), None)]
    assert is_present(iv, Moment(t("13:10")))
    assert not is_present(iv, Moment(t("14:30")))
    assert is_present(iv, Moment(t("15:00")))


def test_overlapping_pairs():
    ivs = [
        Interval(t("13:00"), t("14:00")),
        Interval(t("14:00"), t("15:00")),  # touches the first: no overlap (half-open)
        Interval(t("14:30"), t("16:00")),
        Interval(from_paragraph=3, to_paragraph=5),
        Interval(from_paragraph=5, to_paragraph=7),  # § 5 in both
    ]
    assert overlapping(ivs) == [(1, 2), (3, 4)]
    assert overlapping([Interval(), Interval(t("10:00"), t("11:00"))]) == [(0, 1)]


def test_interval_errors_in_swedish():
    errors = interval_errors(
        [Interval(t("13:00"), t("14:00")), Interval(t("15:00"), t("14:30")), Interval(t("16:00"), t("17:00"))],
        t("13:30"),
        t("16:30"),
    )
    assert "13:00 ligger före mötets start 13:30" in errors
    assert "Sluttiden 14:30 ligger inte efter starttiden 15:00" in errors
    assert "17:00 ligger efter mötets slut 16:30" in errors


def test_interval_errors_overlap_and_paragraph_order():
    errors = interval_errors(
        [Interval(t("13:30"), t("14:30")), Interval(t("14:00"), t("15:00")), Interval(from_paragraph=9, to_paragraph=7)],
        None,
        None,
    )
    assert "Närvaroperioderna 13:30–14:30 och 14:00–15:00 överlappar varandra" in errors
    assert "§ 7 ligger före § 9 i samma närvaroperiod" in errors
    assert interval_errors([Interval(t("13:30"), t("14:00"))], t("13:30"), t("16:30")) == []


def test_describe():
    assert describe(Interval()) == "hela mötet"
    assert describe(Interval(start=t("13:30"))) == "från 13:30"
    assert describe(Interval(from_paragraph=41, to_paragraph=41)) == "§ 41"
    assert describe(Interval(from_paragraph=41, to_paragraph=43)) == "§§ 41–43"


def test_estimate_times_carries_forward():
    known = [None, None, t("14:00"), None, None, t("15:45"), None]
    assert estimate_times(known, None, t("13:30")) == [
        t("13:30"), t("13:30"), t("14:00"), t("14:00"), t("14:00"), t("15:45"), t("15:45")
    ]
    # The meeting's own start wins over the fallback.
    assert estimate_times([None, t("10:00")], t("09:00"), t("08:00")) == [t("09:00"), t("10:00")]
    assert estimate_times([None], None) == [None]
    assert estimate_times([], t("09:00")) == []


times = st.times().map(lambda x: x.replace(second=0, microsecond=0))


@given(start=times, end=times, at=times)
def test_property_clock_membership_is_half_open(start, end, at):
    assert is_present([Interval(start, end)], Moment(at)) == (start <= at < end)


@given(known=st.lists(st.one_of(st.none(), times)), start=st.one_of(st.none(), times))
def test_property_estimate_keeps_known_times_and_fills_after_the_first(known, start):
    out = estimate_times(known, start)
    assert len(out) == len(known)
    assert all(o == k for o, k in zip(out, known) if k is not None)
    first = next((i for i, k in enumerate(known) if k is not None), len(known))
    assert all(o is not None for o in out[first:])
