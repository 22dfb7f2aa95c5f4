"""The risk rule: value = probability × consequence, level bands, matrix cells, change after follow-up."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samordna.rules import risk
from samordna.rules.risk import Assessment, RiskError

sizes = st.sampled_from(risk.SIZES)


@st.composite
def assessments(draw, size=None):
    size = size or draw(sizes)
    return Assessment(draw(st.integers(1, size)), draw(st.integers(1, size)), size)


def test_four_by_four_has_the_customary_bands():
    bands = risk.band_ranges(4)
    assert bands == {"low": [1, 2, 3], "medium": [4, 6], "high": [8, 9], "very_high": [12, 16]}


def test_five_by_five_keeps_the_same_proportions():
    bands = risk.band_ranges(5)
    assert bands["low"] == [1, 2, 3, 4]
    assert bands["medium"] == [5, 6, 8, 9]
    assert bands["high"] == [10, 12]
    assert bands["very_high"] == [15, 16, 20, 25]


def test_skaraborg_style_risk_is_explained_in_swedish():
    value = risk.evaluate(Assessment(3, 3, 4))
    assert (value.score, value.level, value.label) == (9, "high", "Hög")
    assert value.reason == "Sannolikhet 3 × konsekvens 3 = 9 av högst 16: hög risk."


def test_the_same_product_can_differ_in_level_between_matrix_sizes():
    assert risk.evaluate(Assessment(2, 2, 4)).level == "medium"
    assert risk.evaluate(Assessment(2, 2, 5)).level == "low"


@pytest.mark.parametrize("probability, consequence, field", [(5, 1, "probability"), (0, 2, "probability"),
                                                               (1, 5, "consequence"), (2, -1, "consequence")])
def test_outside_a_four_by_four_matrix_is_refused_with_the_field_named(probability, consequence, field):
    with pytest.raises(RiskError) as caught:
        risk.evaluate(Assessment(probability, consequence, 4))
    assert set(caught.value.problems) == {field}
    assert "från 1 till 4" in caught.value.problems[field]


def test_both_fields_wrong_gives_two_messages_and_non_integers_are_refused():
    found = risk.problems(Assessment(6, "3", 5))
    assert set(found) == {"probability", "consequence"}
    assert risk.problems(Assessment(True, 1, 4)) == {"probability": risk.problems(Assessment(0, 1, 4))["probability"]}


@pytest.mark.parametrize("size", [1, 11, "4"])
def test_matrix_size_must_be_sensible(size):
    with pytest.raises(RiskError) as caught:
        risk.matrix(size)
    assert "size" in caught.value.problems


def test_level_of_refuses_values_that_cannot_occur():
    with pytest.raises(RiskError):
        risk.level_of(17, 4)
    with pytest.raises(RiskError):
        risk.level_of(0, 4)


def test_matrix_is_drawn_with_the_highest_probability_on_top():
    cells = risk.matrix(4)
    assert [c.probability for c in cells[0]] == [4, 4, 4, 4]
    assert [c.consequence for c in cells[0]] == [1, 2, 3, 4]
    assert cells[0][3].score == 16 and cells[0][3].level == "very_high"
    assert cells[3][0].score == 1 and cells[3][0].level == "low"


def test_change_after_a_follow_up():
    assert risk.change(Assessment(3, 3), Assessment(4, 3)).direction == "higher"
    lower = risk.change(Assessment(3, 3), Assessment(3, 2))
    assert (lower.direction, lower.reason) == ("lower", "Risken har sänkts från 9 till 6.")
    assert risk.change(Assessment(2, 3), Assessment(3, 2)).direction == "same"


def test_labels_fall_back_to_the_defaults_unless_one_per_step():
    assert risk.labels(["a", "b", "c", "d"], 4, risk.DEFAULT_PROBABILITY_LABELS) == ("a", "b", "c", "d")
    assert risk.labels(["a", "b"], 4, risk.DEFAULT_PROBABILITY_LABELS) == risk.DEFAULT_PROBABILITY_LABELS[4]
    assert risk.labels([], 3, risk.DEFAULT_PROBABILITY_LABELS) == ("1", "2", "3")


@given(assessments())
def test_value_is_the_product_and_within_the_matrix(assessment):
    value = risk.evaluate(assessment)
    assert value.score == assessment.probability * assessment.consequence
    assert 1 <= value.score <= assessment.size ** 2
    assert value.level in risk.LEVELS


@given(assessments())
def test_probability_and_consequence_weigh_the_same(assessment):
    swapped = Assessment(assessment.consequence, assessment.probability, assessment.size)
    first, second = risk.evaluate(swapped), risk.evaluate(assessment)
    assert (first.score, first.level) == (second.score, second.level)


@given(sizes, st.data())
def test_level_never_falls_when_either_factor_rises(size, data):
    a = data.draw(assessments(size))
    p = data.draw(st.integers(a.probability, size))
    c = data.draw(st.integers(a.consequence, size))
    before, after = risk.evaluate(a), risk.evaluate(Assessment(p, c, size))
    assert risk.LEVELS.index(after.level) >= risk.LEVELS.index(before.level)


@given(sizes)
def test_the_corners_are_the_lowest_and_highest_band(size):
    assert risk.evaluate(Assessment(1, 1, size)).level == "low"
    assert risk.evaluate(Assessment(size, size, size)).level == "very_high"
    assert sum(len(row) for row in risk.matrix(size)) == size * size


@given(st.integers(-100, 100), st.integers(-100, 100), sizes)
def test_any_integer_input_is_either_valued_or_refused_with_reasons(probability, consequence, size):
    assessment = Assessment(probability, consequence, size)
    found = risk.problems(assessment)
    if found:
        with pytest.raises(RiskError):
            risk.evaluate(assessment)
        assert all(message.endswith(f"(matrisen är {size} × {size}).") for message in found.values())
    else:
        assert risk.evaluate(assessment).score == probability * consequence
