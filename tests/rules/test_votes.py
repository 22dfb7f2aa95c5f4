"""Counting roll-call votes (rules.md R3.3; T9)."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samordna.rules.votes import Ballot, VoteResult, check_stated, count


def ballots_from_counts(yes, no, abstain):
    votes = ["yes"] * yes + ["no"] * no + ["abstain"] * abstain
    return [Ballot(f"Ledamot {i + 1}", vote) for i, vote in enumerate(votes)]


def test_harryda_roll_call():
    result = count(ballots_from_counts(35, 12, 3))
    assert result == VoteResult(35, 12, 3, "yes", "yes") and result.total == 50
    assert check_stated(result, 35, 12, 3) == []


def test_stated_counts_that_do_not_match():
    messages = check_stated(count(ballots_from_counts(35, 12, 3)), 34, 12, 4)
    assert messages == [
        "Antalet ja-röster stämmer inte: protokollet anger 34, röstlistan ger 35.",
        "Antalet avstående stämmer inte: protokollet anger 4, röstlistan ger 3.",
    ]


def test_tie_on_an_ordinary_matter_goes_the_chairs_way():
    # T9: 3–3 on an intervention; the chair voted no.
    ballots = ballots_from_counts(3, 3, 0)
    result = count(ballots, chair="Ledamot 4")
    assert (result.outcome, result.winner) == ("tie_chair", "no")
    assert count(ballots, chair="Ledamot 1").winner == "yes"


@pytest.mark.parametrize("kind", ["election", "personnel"])
def test_tie_in_elections_and_personnel_matters_is_a_lot(kind):
    result = count(ballots_from_counts(3, 3, 1), chair="Ledamot 1", kind=kind)
    assert (result.outcome, result.winner) == ("tie_lot", None)


@pytest.mark.parametrize("ballots, chair, kind, message", [
    (ballots_from_counts(2, 2, 1), "Ledamot 5", "ordinary", "avstod"),
    (ballots_from_counts(2, 2, 0), "Någon annan", "ordinary", "finns inte bland de röstande"),
    (ballots_from_counts(2, 2, 0), None, "ordinary", "ingen ordförande"),
    ([("Anna", "yes"), ("Anna", "no")], None, "ordinary", "Anna har röstat mer än en gång"),
    ([("Anna", "ja")], None, "ordinary", "Ogiltig röst för Anna"),
    ([("", "yes")], None, "ordinary", "namn"),
    ([], None, "ordinary", "inga röster"),
    ([("Anna", "yes")], None, "budget", "Okänd typ"),
])
def test_bad_input_is_refused_in_swedish(ballots, chair, kind, message):
    with pytest.raises(ValueError, match=message):
        count(ballots, chair=chair, kind=kind)


def test_mapping_and_json_shapes():
    assert count({"Anna": "no", "Bo": "no", "Cid": "yes"}).outcome == "no"
    assert count([{"name": "Anna", "vote": "abstain"}, {"name": "Bo", "vote": "yes"}]).yes == 1


@given(st.dictionaries(st.text(min_size=1).filter(str.strip), st.sampled_from(["yes", "no", "abstain"]),
                       min_size=1),
       st.sampled_from(["ordinary", "election", "personnel"]))
def test_counts_add_up_to_the_ballots(votes, kind):
    chair = next((name for name, vote in votes.items() if vote != "abstain"), None)
    try:
        result = count(votes, chair=chair, kind=kind)
    except ValueError:
        # only an ordinary tie with no chair's yes/no can be undecidable
        assert kind == "ordinary" and chair is None
        return
    assert result.total == len(votes)
    assert check_stated(result, result.yes, result.no, result.abstain) == []
    if result.yes != result.no:
        assert result.outcome == result.winner == ("yes" if result.yes > result.no else "no")
    else:
        assert result.outcome == ("tie_chair" if kind == "ordinary" else "tie_lot")
