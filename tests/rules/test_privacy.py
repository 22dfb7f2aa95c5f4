"""Identity-number and name-list screening, and small-count suppression (rules/privacy.py)."""
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samordna.rules.privacy import (
    Published, display, find_identity_numbers, free_text_problem, is_valid_identity_number,
    looks_like_name_list, luhn_ok, suppress, suppress_table, suppression_note,
)


# ------------------------------------------------------------ identity numbers

@pytest.mark.parametrize("number", [
    "19121212-1212", "191212121212", "121212-1212", "1212121212", "811228-9874", "8112289874",
    "19811228-9874", "121212+1212",
    "701063-2391",  # samordningsnummer: day 03 + 60
])
def test_valid_identity_numbers_are_found(number):
    assert is_valid_identity_number(number)
    assert find_identity_numbers(f"Deltagaren ({number}) slutade i maj.") == [number]


@pytest.mark.parametrize("number", [
    "19121212-1213",  # wrong check digit
    "811228-9875",
    "811328-9874",  # month 13
    "810230-1234",  # 30 February
    "701093-2391",  # samordningsnummer day 33
    "212000-1355",  # a municipality's organisation number (month 00)
])
def test_invalid_identity_numbers_are_not(number):
    assert not is_valid_identity_number(number)
    assert find_identity_numbers(number) == []


@pytest.mark.parametrize("text", [
    "Budgeten är 1 150 tkr för 2024.",
    "Beslut 2023-04-05 i ärende 2022VFN360.",
    "Ring 0701234568 eller 070-123 45 68.",
    "Deltagare: 12, avslut 9 av 12, kö 31 dagar.",
    "Org.nr 222000-1560, bg 5050-1055",
    "",
])
def test_ordinary_text_has_no_identity_numbers(text):
    assert find_identity_numbers(text) == []


def test_several_numbers_in_one_text_and_inside_longer_digit_runs():
    text = "Anna 19121212-1212, Erik 811228-9874; kontonummer 98112289874123"
    assert find_identity_numbers(text) == ["19121212-1212", "811228-9874"]


def test_luhn():
    assert luhn_ok("8112289874") and luhn_ok("1212121212")
    assert not luhn_ok("8112289873") and not luhn_ok("81122898x4")


@given(st.from_regex(r"\A[0-9]{9}\Z"))
def test_exactly_one_check_digit_passes_luhn(nine):
    assert sum(luhn_ok(nine + str(d)) for d in range(10)) == 1


# ------------------------------------------------------------ name lists

@pytest.mark.parametrize("text", [
    "Anna Svensson, Erik Johansson, Karl-Johan Berg",
    "Maria Lind\nPer Olsson\nAhmed Hassan\n",
    "Anna Svensson och Erik Johansson",
    "Deltagare: Lisa Ek; Omar Ali; Kim Nyberg",
])
def test_name_lists(text):
    assert looks_like_name_list(text)
    assert "lista med namn" in free_text_problem(text)


@pytest.mark.parametrize("text", [
    "Jag fick mycket bra hjälp av Anna på Move On. Tack!",
    "Försäkringskassan, Arbetsförmedlingen, Västra Götalandsregionen och kommunerna",
    "Bra bemötande, tydlig plan, lagom långa träffar.",
    "Mölndals stad, Härryda kommun, Partille kommun",
    "Jag vill tacka Karin Berg för allt.",
    "",
])
def test_not_name_lists(text):
    assert not looks_like_name_list(text)
    assert free_text_problem(text) is None


def test_identity_number_message_names_the_field():
    assert free_text_problem("mitt nr 811228-9874", "Kommentar").startswith("Kommentar: ")


# ------------------------------------------------------------ one-way suppression

def test_small_cells_hidden_with_complement():
    result = suppress({"arbete": 3, "studier": 10, "avbrott": 12, "flyttat": 0})
    assert result == {"arbete": None, "studier": None, "avbrott": 12, "flyttat": 0}
    assert result.total == 25 and result.hidden_keys == ["arbete", "studier"]


def test_two_ones_are_not_enough_protection():
    # Zeros are shown, so two hidden cells that sum to 2 would both be 1.
    result = suppress({"a": 1, "b": 1, "c": 10})
    assert result == {"a": None, "b": None, "c": None} and result.total == 12


def test_small_total_is_hidden():
    result = suppress({"kvinna": 3, "man": 0})
    assert result == {"kvinna": None, "man": 0} and result.total is None


def test_a_zero_is_the_last_complement_before_the_total():
    result = suppress({"kvinna": 3, "man": 0, "annat": 4})
    assert result == {"kvinna": None, "man": 0, "annat": None} and result.total == 7
    result = suppress({"kvinna": 3, "man": 0}, total=9)
    assert result == {"kvinna": None, "man": None} and result.total is None


def test_single_cell_hides_the_total():
    result = suppress({"kvinna": 3}, total=9)
    assert result["kvinna"] is None and result.total is None


def test_hidden_cells_together_make_a_large_enough_group():
    result = suppress({"a": 1, "b": 2, "c": 30, "d": 40})
    assert result == {"a": None, "b": None, "c": None, "d": 40} and result.total == 73


def test_nothing_to_hide():
    result = suppress({"a": 7, "b": 0, "c": 5})
    assert result == {"a": 7, "b": 0, "c": 5} and result.total == 12


def test_threshold_is_configurable_but_never_below_three():
    assert suppress({"a": 5, "b": 9}, threshold=6) == {"a": None, "b": None}
    assert suppress({"a": 3, "b": 4, "c": 9}, threshold=3) == {"a": 3, "b": 4, "c": 9}
    with pytest.raises(ValueError, match="inte vara lägre än 3"):
        suppress({"a": 1}, threshold=2)
    with pytest.raises(ValueError, match="negativt"):
        suppress({"a": -1})
    with pytest.raises(ValueError, match="mindre än summan"):
        suppress({"a": 8}, total=7)


def test_display():
    assert display(None) == "<5" and display(None, 3) == "<3"
    assert display(1150) == "1 150" and display(0) == "0"
    assert str(Published(None, 4)) == "<4" and str(Published(12)) == "12"
    assert Published(None).hidden and "<5 betyder färre än 5" in suppression_note()


counts = st.integers(min_value=0, max_value=40)
thresholds = st.integers(min_value=3, max_value=8)


def _alternative_exists(hidden_values: list[int], index: int) -> bool:
    """Another assignment (each hidden cell >= 1, since zeros are shown) with the same sum."""
    total, n = sum(hidden_values), len(hidden_values)
    return any(v != hidden_values[index] for v in range(1, total - (n - 1) + 1))


@settings(max_examples=300)
@given(st.dictionaries(st.sampled_from("abcdefgh"), counts, min_size=1), thresholds)
def test_one_way_properties(cells, threshold):
    result = suppress(cells, threshold=threshold)
    # No published cell in 1..threshold-1, and the published ones are the true values.
    for key, value in result.items():
        assert value is None or not 0 < value < threshold
        assert value is None or value == cells[key]
    hidden = [cells[k] for k, v in result.items() if v is None]
    if result.total is not None:
        assert result.total == sum(cells.values())
        assert not 0 < result.total < threshold
        # With the total published: none hidden or at least two, and none can be worked out.
        assert len(hidden) != 1
        # Together the hidden cells are a group no smaller than the threshold.
        assert not hidden or sum(hidden) >= threshold
        assert all(_alternative_exists(hidden, i) for i in range(len(hidden)))


# ------------------------------------------------------------ two-way suppression

def test_two_by_two_with_one_small_cell_hides_all_four():
    table = {("k", "x"): 3, ("k", "y"): 10, ("m", "x"): 8, ("m", "y"): 12}
    result = suppress_table(table)
    assert set(result.cells.values()) == {None}
    assert result.row_totals == {"k": 13, "m": 20} and result.col_totals == {"x": 11, "y": 22}
    assert result.grand_total == 33


def test_three_by_three_hides_the_cheapest_rectangle():
    table = {(r, c): 9 for r in "kmn" for c in "xyz"}
    table[("k", "x")] = 3
    table[("m", "y")] = 12
    result = suppress_table(table)
    hidden = {key for key, value in result.cells.items() if value is None}
    assert hidden == {("k", "x"), ("k", "y"), ("m", "x"), ("m", "y")} or len(hidden) == 4
    assert ("k", "x") in hidden


def _lines(result, rows, cols):
    """Each published equation as a list of 'is hidden' flags, totals included."""
    lines = []
    for r in rows:
        lines.append([result.cells[(r, c)] is None for c in cols] + [result.row_totals[r] is None])
    for c in cols:
        lines.append([result.cells[(r, c)] is None for r in rows] + [result.col_totals[c] is None])
    lines.append([result.row_totals[r] is None for r in rows] + [result.grand_total is None])
    lines.append([result.col_totals[c] is None for c in cols] + [result.grand_total is None])
    return lines


def _derivable(result, rows, cols) -> bool:
    """Try to shift +1/-1 round a cycle of hidden entries; an entry on no cycle is derivable."""
    nodes = {}
    for (r, c), v in result.cells.items():
        if v is None:
            nodes[("cell", r, c)] = (("r", r), ("c", c))
    for r in rows:
        if result.row_totals[r] is None:
            nodes[("row", r)] = (("r", r), ("c", "T"))
    for c in cols:
        if result.col_totals[c] is None:
            nodes[("col", c)] = (("r", "T"), ("c", c))
    if result.grand_total is None:
        nodes[("grand",)] = (("r", "T"), ("c", "T"))
    for entry, (a, b) in nodes.items():
        others = [ends for e, ends in nodes.items() if e != entry]
        reach, todo = {a}, [a]
        while todo:
            node = todo.pop()
            for u, v in others:
                for x, y in ((u, v), (v, u)):
                    if x == node and y not in reach:
                        reach.add(y)
                        todo.append(y)
        if b not in reach:
            return True
    return False


tables = st.tuples(st.integers(1, 4), st.integers(1, 4)).flatmap(
    lambda shape: st.tuples(st.just(shape), st.lists(
        st.integers(0, 30), min_size=shape[0] * shape[1], max_size=shape[0] * shape[1])))


@settings(max_examples=300)
@given(tables, thresholds)
def test_two_way_properties(table_spec, threshold):
    (n_rows, n_cols), values = table_spec
    rows, cols = [f"r{i}" for i in range(n_rows)], [f"c{j}" for j in range(n_cols)]
    table = dict(zip(itertools.product(rows, cols), values))
    result = suppress_table(table, threshold=threshold)
    published = [*result.cells.values(), *result.row_totals.values(),
                 *result.col_totals.values(), result.grand_total]
    assert all(v is None or not 0 < v < threshold for v in published)
    for flags in _lines(result, rows, cols):
        assert sum(flags) != 1
    assert not _derivable(result, rows, cols)


@given(tables, thresholds)
def test_two_way_without_row_totals(table_spec, threshold):
    (n_rows, n_cols), values = table_spec
    rows, cols = [f"r{i}" for i in range(n_rows)], [f"c{j}" for j in range(n_cols)]
    table = dict(zip(itertools.product(rows, cols), values))
    result = suppress_table(table, threshold=threshold, row_totals=False)
    assert result.row_totals is None
    for c in cols:
        flags = [result.cells[(r, c)] is None for r in rows] + [result.col_totals[c] is None]
        assert sum(flags) != 1
        assert all(v is None or not 0 < v < threshold for v in result.cells.values())
