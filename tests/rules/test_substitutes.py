"""Which substitute serves: same seat group only, explicit choice first, then turordning."""
from hypothesis import given
from hypothesis import strategies as st

from samordna.rules.substitutes import (
    Representative,
    SeatGroup,
    order_by_population,
    replacement_errors,
    serving,
    swedish_key,
)

M, S = "member", "substitute"

# Insjöriket 2021-11-25, Mölndal and Lerum only (facts from the protocol; the Lerum
# substitute's name is invented).
MOLNDAL_LERUM = [SeatGroup("Mölndals stad"), SeatGroup("Lerums kommun")]
MOLNDAL_LERUM_ROSTER = [
    Representative("Siv Borg", M, "Mölndals stad"),
    Representative("Ylva Wik", S, "Mölndals stad"),
    Representative("Elin Vallin", M, "Lerums kommun"),
    Representative("Olof Sandell", S, "Lerums kommun"),
]


def test_t7_alternate_serves_neither_for_molndal_nor_for_lerum():
    # His own member is present, and Lerum's vacancy is not his to fill.
    result = serving(MOLNDAL_LERUM, MOLNDAL_LERUM_ROSTER, {"Siv Borg", "Ylva Wik"})
    assert [(s.name, s.group) for s in result] == [("Siv Borg", "Mölndals stad")]


def test_t7_an_explicit_choice_across_groups_is_ignored():
    chosen = Representative("Ylva Wik", S, "Mölndals stad", replaces="Elin Vallin")
    roster = [chosen if r.name == chosen.name else r for r in MOLNDAL_LERUM_ROSTER]
    names = [s.name for s in serving(MOLNDAL_LERUM, roster, {"Siv Borg", "Ylva Wik"})]
    assert "Ylva Wik" not in names


def test_substitute_serves_for_the_absent_member_of_its_own_group():
    result = serving(MOLNDAL_LERUM, MOLNDAL_LERUM_ROSTER, {"Ylva Wik", "Olof Sandell"})
    assert [(s.name, s.group, s.replaces) for s in result] == [
        ("Ylva Wik", "Mölndals stad", "Siv Borg"),
        ("Olof Sandell", "Lerums kommun", "Elin Vallin"),
    ]


def test_goteborg_explicit_replaces_comes_before_order():
    # Göteborg 2023-03-24: FK holds two seats; Iris Ulfsdotter serves for Andreas Pettersson.
    # A second FK substitute (invented) comes first by order but was not chosen.
    groups = [SeatGroup("Försäkringskassan", 2)]
    roster = [
        Representative("Hedda Hägg", M, "Försäkringskassan"),
        Representative("Andreas Pettersson", M, "Försäkringskassan"),
        Representative("Nils Ahl", S, "Försäkringskassan", order=0),
        Representative("Iris Ulfsdotter", S, "Försäkringskassan", order=1, replaces="Andreas Pettersson"),
    ]
    result = serving(groups, roster, {"Hedda Hägg", "Nils Ahl", "Iris Ulfsdotter"})
    assert [(s.name, s.replaces) for s in result] == [("Hedda Hägg", None), ("Iris Ulfsdotter", "Andreas Pettersson")]


def test_explicit_choice_for_a_present_member_falls_back_to_order():
    groups = [SeatGroup("Försäkringskassan", 2)]
    roster = [
        Representative("Hedda Hägg", M, "Försäkringskassan"),
        Representative("Andreas Pettersson", M, "Försäkringskassan"),
        Representative("Iris Ulfsdotter", S, "Försäkringskassan", order=2, replaces="Hedda Hägg"),
        Representative("Nils Ahl", S, "Försäkringskassan", order=1),
    ]
    result = serving(groups, roster, {"Hedda Hägg", "Nils Ahl", "Iris Ulfsdotter"})
    assert [(s.name, s.replaces) for s in result] == [("Hedda Hägg", None), ("Nils Ahl", "Andreas Pettersson")]


def test_seat_without_named_member_gives_replaces_none():
    # Insjöriket: Partille's member is not named in the protocol.
    result = serving([SeatGroup("Partille kommun")], [Representative("Algot Mörk", S, "Partille kommun")], {"Algot Mörk"})
    assert [(s.name, s.replaces) for s in result] == [("Algot Mörk", None)]


def test_no_more_members_serve_than_the_group_has_seats():
    roster = [Representative(n, M, "Kommunerna") for n in ("A", "B", "C")]
    assert len(serving([SeatGroup("Kommunerna", 2)], roster, {"A", "B", "C"})) == 2


# Sjuhärad: the eight municipalities share one seat; their substitutes serve by population,
# largest first. Approximate populations derived from the 2024 municipal shares in rules.md
# (share × about 229 000 inhabitants).
SJUHARAD_POP = {
    "Borås Stad": 114_445, "Marks kommun": 35_230, "Ulricehamns kommun": 25_130, "Vårgårda kommun": 12_310,
    "Tranemo kommun": 11_900, "Svenljunga kommun": 10_770, "Bollebygds kommun": 9_710, "Herrljunga kommun": 9_490,
}


def test_order_by_population_largest_first():
    subs = [("Gun Rapp", "Tranemo kommun"), ("Knut Falk", "Ulricehamns kommun"),
            ("Olle Sandell", "Borås Stad"), ("Kim Markström", "Marks kommun")]
    assert order_by_population(subs, SJUHARAD_POP) == ["Olle Sandell", "Kim Markström", "Knut Falk", "Gun Rapp"]


def test_order_by_population_ties_by_swedish_name_and_unknown_last():
    subs = [("Örjan", "X"), ("Åsa", "X"), ("Ärla", "X"), ("Zelda", "X"), ("Okänd", "Y")]
    assert order_by_population(subs, {"X": 10}) == ["Zelda", "Åsa", "Ärla", "Örjan", "Okänd"]
    assert sorted(["ö", "ä", "å", "z"], key=swedish_key) == ["z", "å", "ä", "ö"]


def test_sjuharad_shared_seat_goes_to_the_largest_municipality_substitute():
    names = order_by_population(
        [("Gun Rapp", "Tranemo kommun"), ("Knut Falk", "Ulricehamns kommun"), ("Olle Sandell", "Borås Stad")],
        SJUHARAD_POP,
    )
    groups = [SeatGroup("Kommunerna")]
    roster = [Representative("Nora Ekdahl", M, "Kommunerna")] + [
        Representative(n, S, "Kommunerna", order=i) for i, n in enumerate(names)
    ]
    everyone = {r.name for r in roster}
    assert [s.name for s in serving(groups, roster, everyone)] == ["Nora Ekdahl"]
    without_member = everyone - {"Nora Ekdahl"}
    assert [(s.name, s.replaces) for s in serving(groups, roster, without_member)] == [("Olle Sandell", "Nora Ekdahl")]
    assert [s.name for s in serving(groups, roster, without_member - {"Olle Sandell"})] == ["Knut Falk"]


def test_replacement_errors():
    roster = [
        Representative("Algot Mörk", S, "Partille kommun"),
        Representative("Elin Vallin", M, "Lerums kommun"),
        Representative("Siv Borg", M, "Mölndals stad"),
        Representative("Ylva Wik", S, "Mölndals stad"),
    ]
    assert replacement_errors(roster, "Algot Mörk", "Elin Vallin", set()) == [
        "Algot Mörk är ersättare för Partille kommun och kan inte ersätta en ledamot för Lerums kommun"
    ]
    assert replacement_errors(roster, "Ylva Wik", "Siv Borg", {"Siv Borg"}) == [
        "Siv Borg är närvarande och kan inte ersättas"
    ]
    assert replacement_errors(roster, "Ylva Wik", "Siv Borg", set()) == []
    assert replacement_errors(roster, "Siv Borg", "Algot Mörk", set()) == [
        "Siv Borg är inte ersättare i styrelsen",
        "Algot Mörk är inte ledamot i styrelsen",
    ]


# ---- properties ------------------------------------------------------------------------

GROUP_NAMES = ["FK", "AF", "Regionen", "Kommun A", "Kommun B"]
PEOPLE = [f"P{i}" for i in range(12)]


@st.composite
def boards(draw):
    groups = [SeatGroup(n, draw(st.integers(1, 3))) for n in draw(st.lists(st.sampled_from(GROUP_NAMES), min_size=1, unique=True))]
    roster = draw(st.lists(st.builds(
        Representative,
        name=st.sampled_from(PEOPLE),
        role=st.sampled_from(["member", "substitute"]),
        group=st.sampled_from(GROUP_NAMES),
        order=st.integers(0, 3),
        replaces=st.one_of(st.none(), st.sampled_from(PEOPLE)),
    ), max_size=15))
    present = draw(st.sets(st.sampled_from(PEOPLE)))
    return groups, roster, present


@given(boards())
def test_property_never_more_than_the_seats_of_a_group(board):
    groups, roster, present = board
    result = serving(groups, roster, present)
    for g in groups:
        assert sum(s.group == g.name for s in result) <= g.seats


@given(boards())
def test_property_a_substitute_never_serves_for_another_group(board):
    groups, roster, present = board
    for s in serving(groups, roster, present):
        assert s.name in present
        assert any(r.name == s.name and r.group == s.group for r in roster)
        if s.replaces is not None:
            assert any(r.name == s.replaces and r.role == "member" and r.group == s.group for r in roster)
            assert s.replaces not in present


@given(boards())
def test_property_a_person_holds_at_most_one_seat_per_group(board):
    groups, roster, present = board
    pairs = [(s.name, s.group) for s in serving(groups, roster, present)]
    assert len(pairs) == len(set(pairs))
