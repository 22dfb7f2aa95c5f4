"""Paragraph numbers: continuous, per year, per meeting."""
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from samordna.rules.numbering import NumberedMeeting, Scheme, conflicts, next_number, same_scope

D = dt.date


def test_same_scope():
    a = NumberedMeeting("a", D(2021, 11, 25))
    b = NumberedMeeting("b", D(2022, 2, 4))
    c = NumberedMeeting("c", D(2021, 9, 10))
    assert same_scope(Scheme.CONTINUOUS, a, b)
    assert not same_scope(Scheme.PER_YEAR, a, b) and same_scope(Scheme.PER_YEAR, a, c)
    assert not same_scope(Scheme.PER_MEETING, a, c) and same_scope(Scheme.PER_MEETING, a, a)
    assert same_scope("per_year", a, c)  # the charter may store the plain value


def test_continuous_numbering_runs_on_across_years():
    # Insjöriket numbers on and on: 2021-11-25 ended with § 1136.
    autumn = NumberedMeeting("2021-11", D(2021, 11, 25), tuple(range(1121, 1137)))
    february = NumberedMeeting("2022-02", D(2022, 2, 4))
    assert next_number(Scheme.CONTINUOUS, february, [autumn]) == 1137
    assert next_number(Scheme.PER_YEAR, february, [autumn]) == 1


def test_next_number_continues_the_meetings_own_numbers():
    m = NumberedMeeting("x", D(2023, 3, 24), (34, 35, 36))
    assert next_number(Scheme.PER_MEETING, m, []) == 37
    assert next_number(Scheme.CONTINUOUS, m, []) == 37


def test_per_year_takes_the_latest_earlier_meeting_of_the_year():
    sept = NumberedMeeting("sep", D(2023, 9, 13), tuple(range(38, 50)))
    last_year = NumberedMeeting("dec", D(2022, 12, 2), tuple(range(60, 75)))
    nov = NumberedMeeting("nov", D(2023, 11, 29))
    assert next_number(Scheme.PER_YEAR, nov, [sept, last_year]) == 50


def test_first_number_when_nothing_before():
    m = NumberedMeeting("first", D(2023, 1, 1))
    assert next_number(Scheme.PER_MEETING, m, [NumberedMeeting("other", D(2022, 1, 1), (1, 2))]) == 1
    assert next_number(Scheme.CONTINUOUS, m, [], first_number=1121) == 1121


def test_a_protocol_entered_after_the_fact_never_reuses_a_later_number():
    early = NumberedMeeting("a", D(2021, 2, 1), (1, 2, 3))
    late = NumberedMeeting("c", D(2021, 6, 1), (4, 5))
    middle = NumberedMeeting("b", D(2021, 4, 1))
    assert next_number(Scheme.CONTINUOUS, middle, [early, late]) == 6


def test_conflicts_in_swedish():
    old = NumberedMeeting("old", D(2021, 11, 25), (1127, 1128, 1129))
    new = NumberedMeeting("new", D(2022, 2, 4), (1128, 1130, 1130))
    assert conflicts(Scheme.CONTINUOUS, new, [old, new]) == [
        "§ 1130 förekommer 2 gånger i protokollet",
        "§ 1128 finns redan i protokollet från 2021-11-25",
    ]
    assert conflicts(Scheme.PER_YEAR, new, [old]) == ["§ 1130 förekommer 2 gånger i protokollet"]
    assert conflicts(Scheme.PER_MEETING, NumberedMeeting("k", D(2022, 1, 1), (1, 2)), [old]) == []


# ---- properties ------------------------------------------------------------------------

meetings = st.lists(
    st.builds(
        NumberedMeeting,
        key=st.integers(0, 6),
        date=st.dates(D(2020, 1, 1), D(2023, 12, 31)),
        numbers=st.lists(st.integers(1, 40), max_size=6, unique=True).map(tuple),
    ),
    max_size=8,
)


@given(st.sampled_from(list(Scheme)), st.integers(0, 6), st.dates(D(2020, 1, 1), D(2023, 12, 31)),
       st.lists(st.integers(1, 40), max_size=5, unique=True), meetings, st.integers(1, 30))
def test_property_next_number_never_repeats_within_its_scope(scheme, key, date, own, others, first):
    meeting = NumberedMeeting(key, date, tuple(own))
    n = next_number(scheme, meeting, others, first_number=first)
    assert n not in meeting.numbers
    assert all(n not in o.numbers for o in others if o.key != key and same_scope(scheme, meeting, o))
    # ... and adding it creates no conflict that was not already there.
    with_n = NumberedMeeting(key, date, meeting.numbers + (n,))
    assert len(conflicts(scheme, with_n, others)) == len(conflicts(scheme, meeting, others))
