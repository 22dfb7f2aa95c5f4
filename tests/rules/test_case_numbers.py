"""Case numbers: the default "16/23", configurable formats, imported numbers kept, duplicates refused."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samordna.rules.case_numbers import (
    DEFAULT_FORMAT,
    Parsed,
    check_new,
    format_errors,
    format_number,
    key,
    next_number,
    parse_number,
)


def test_default_format_is_running_number_slash_two_digit_year():
    assert format_number(DEFAULT_FORMAT, 2023, 16) == "16/23"
    assert format_number(DEFAULT_FORMAT, 2020, 3) == "03/20"
    assert next_number(DEFAULT_FORMAT, 2023, ["84/22", "38/23", "41/23", "43/23"]) == "44/23"


def test_running_number_restarts_each_year():
    assert next_number(DEFAULT_FORMAT, 2024, ["84/22", "43/23"]) == "01/24"


def test_other_formats():
    assert format_number("{yyyy}-{nr:3}", 2023, 16) == "2023-016"
    assert format_number("SOF {yyyy}/{nr}", 2023, 16) == "SOF 2023/16"
    assert next_number("{yyyy}-{nr:3}", 2023, ["2023-015", "2022-099"]) == "2023-016"
    assert next_number("SOF {yyyy}/{nr}", 2023, ["SOF 2023/9", "SOF 2023/15"]) == "SOF 2023/16"


def test_format_without_year_runs_on():
    assert next_number("KS-{nr}", 2024, ["KS-41", "KS-7"]) == "KS-42"


def test_imported_numbers_are_kept_and_do_not_disturb_the_sequence():
    existing = ["2019KS742", "2022VFN360", "12/23"]
    assert parse_number(DEFAULT_FORMAT, "2019KS742") is None
    assert next_number(DEFAULT_FORMAT, 2023, existing) == "13/23"
    assert check_new(DEFAULT_FORMAT, "2022VFN 361", existing).ok


def test_parse_number_reads_year_and_sequence():
    assert parse_number(DEFAULT_FORMAT, "16/23") == Parsed(2023, 16)
    assert parse_number(DEFAULT_FORMAT, "Dnr 16/23") == Parsed(2023, 16)
    assert parse_number("{yyyy}-{nr:3}", "2023-016") == Parsed(2023, 16)
    assert parse_number("SOF {yyyy}/{nr}", "sof 2023/16") == Parsed(2023, 16)


def test_duplicates_are_refused_with_a_swedish_reason():
    verdict = check_new(DEFAULT_FORMAT, "16/23", ["15/23", "16/23"])
    assert not verdict.ok and verdict.duplicate_of == "16/23"
    assert verdict.reasons == ("Diarienumret 16/23 finns redan i diariet (16/23). Välj ett annat nummer.",)
    # The same case written differently is still the same case.
    assert not check_new(DEFAULT_FORMAT, "Dnr 16/23", ["16/23"]).ok
    assert not check_new(DEFAULT_FORMAT, "6/23", ["06/23"]).ok
    assert not check_new(DEFAULT_FORMAT, "2019ks742", ["2019KS742"]).ok
    assert check_new(DEFAULT_FORMAT, "16/22", ["16/23"]).ok


def test_empty_and_too_long_numbers_are_refused():
    assert check_new(DEFAULT_FORMAT, "  ", []).reasons == ("Ange ett diarienummer.",)
    assert not check_new(DEFAULT_FORMAT, "x" * 51, []).ok


@pytest.mark.parametrize(
    "template, message",
    [
        ("", "Ange ett format"),
        ("{yy}", "exakt en gång"),
        ("{nr}/{nr}", "exakt en gång"),
        ("{nr}/{år}", "Okänd platshållare {år}"),
        ("{nr}{yy}", "Skilj löpnumret och året åt"),
        ("{nr}/{yy}/{yyyy}", "högst en gång"),
        ("{nr/{yy}", "inte är stängd"),
    ],
)
def test_bad_formats_are_explained(template, message):
    assert any(message in e for e in format_errors(template))


def test_key_ignores_case_spaces_and_prefix():
    assert key("Dnr 16/23") == key("16 / 23") == "16/23"


FORMATS = st.sampled_from([DEFAULT_FORMAT, "{nr}/{yy}", "{yyyy}-{nr:3}", "SOF {yyyy}/{nr}", "Dnr {nr:2}-{yyyy}", "KS-{nr}"])


@given(FORMATS, st.integers(2000, 2099), st.integers(1, 99_999))
def test_formatted_numbers_read_back(template, year, sequence):
    parsed = parse_number(template, format_number(template, year, sequence))
    assert parsed is not None and parsed.sequence == sequence
    assert parsed.year in (year, None)


@given(FORMATS, st.integers(2000, 2099), st.lists(st.integers(1, 500), max_size=20), st.lists(st.text(max_size=12), max_size=5))
def test_next_number_is_always_free(template, year, sequences, imported):
    existing = [format_number(template, year, s) for s in sequences] + imported
    proposed = next_number(template, year, existing)
    assert check_new(template, proposed, existing).ok
