"""Joint suppression of a survey group's tables (rules/privacy.py: suppress_linked, suppress_survey).

The property tests rebuild, from what a reader of the result page sees, every equation that
ties the published figures together (a cross-table's rows add up to the one-way count of the
band, its columns to the outcome's class totals, the one-way counts to the number who answered,
answered + skipped to the group) and then search for whole-number tables that agree with
everything published: a hidden figure is safe only when two such tables disagree about it.
"""
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samordna.rules.privacy_linked import SKIPPED, derivable_entries, suppress_linked, suppress_survey

OPTIONS = {"utfall": ["1", "2", "3"], "kon": ["k", "m"], "tid": ["kort", "mellan", "lang"]}
CLASSES = {"utfall": {"hog": ["2", "3"], "lag": ["1"]}}
CROSSES = [("utfall", "kon"), ("utfall", "tid")]


def _published_system(result, records, options, classes, crosses):
    """(figures, equations) as a reader reconstructs them: figure -> (true value, published value)."""
    figures, equations = {}, []

    def fig(name, true, shown):
        figures[name] = (true, shown)
        return name

    n = fig(("n",), len(records), result.total)
    for q, opts in options.items():
        table = result.one_way[q]
        tally = {o: sum(1 for r in records if r.get(q) == o) for o in opts}
        skipped = sum(1 for r in records if r.get(q) is None)
        cells = [fig((q, o), tally[o], table[o]) for o in opts]
        answered = fig((q, "svarat"), len(records) - skipped, table.total)
        skip = fig((q, SKIPPED), skipped, table.skipped)
        equations.append((cells, answered))
        equations.append(([answered, skip], n))
        for k, members in classes.get(q, {}).items():
            total = fig((q, "klass", k), sum(tally[o] for o in members), result.classes[q][k])
            equations.append(([(q, o) for o in members], total))
    for outcome, background in crosses:
        table = result.cross[(outcome, background)]
        kinds = list(classes.get(outcome, {o: [o] for o in options[outcome]}))
        to_kind = {o: k for k, ms in classes.get(outcome, {o: [o] for o in options[outcome]}).items() for o in ms}
        bands = [*options[background], SKIPPED]
        for b in bands:
            for k in [*kinds, SKIPPED]:
                true = sum(1 for r in records if (r.get(background) or SKIPPED) == b
                           and (to_kind.get(r.get(outcome)) or SKIPPED) == k)
                fig(("x", outcome, background, b, k), true, table.cells[(b, k)])
        for b in bands:
            margin = (background, b)
            assert table.row_totals[b] == figures[margin][1]  # the margin IS the one-way figure
            equations.append(([("x", outcome, background, b, k) for k in [*kinds, SKIPPED]], margin))
        for k in [*kinds, SKIPPED]:
            if k == SKIPPED:
                margin = (outcome, SKIPPED)
            elif k in classes.get(outcome, {}):
                margin = (outcome, "klass", k)
            else:
                margin = (outcome, k)
            assert table.col_totals[k] == figures[margin][1]
            equations.append(([("x", outcome, background, b, k) for b in bands], margin))
        assert table.grand_total == result.total
    return figures, equations


def _solutions_disagree(figures, equations, target, limit) -> bool:
    """Is there a whole-number table, matching every published figure, with another value at `target`?

    Depth-first over the hidden figures; a line with one unknown left fixes it (unit propagation).
    """
    hidden = [f for f, (_true, shown) in figures.items() if shown is None]
    known = {f: shown for f, (_true, shown) in figures.items() if shown is not None}
    true_value = figures[target][0]
    lines = [[*entries, margin] for entries, margin in equations]  # sum(all but last) == last
    upper = {h: limit for h in hidden}
    for line in lines:
        if line[-1] in known:
            for e in line[:-1]:
                if e in upper:
                    upper[e] = min(upper[e], known[line[-1]])

    def propagate(assigned):
        """Extend `assigned` with forced values; None on a contradiction."""
        assigned = dict(assigned)
        changed = True
        while changed:
            changed = False
            for line in lines:
                values = [assigned.get(e, known.get(e)) for e in line]
                unknown = [i for i, v in enumerate(values) if v is None]
                parts = sum(v for v in values[:-1] if v is not None)
                if not unknown:
                    if parts != values[-1]:
                        return None
                    continue
                if len(unknown) == 1:
                    i = unknown[0]
                    forced = parts if i == len(line) - 1 else values[-1] - parts
                    if forced < 0 or forced > upper.get(line[i], limit):
                        return None
                    assigned[line[i]] = forced
                    changed = True
                elif values[-1] is not None and parts > values[-1]:
                    return None
        return assigned

    def search(assigned):
        assigned = propagate(assigned)
        if assigned is None or assigned.get(target, None) == true_value:
            return False
        free = [h for h in hidden if h not in assigned]
        if not free:
            return True
        pick = target if target in free else free[0]
        for value in range(upper[pick] + 1):
            if pick == target and value == true_value:
                continue
            if search({**assigned, pick: value}):
                return True
        return False

    return search({})


records_strategy = st.lists(
    st.fixed_dictionaries({q: st.one_of(st.none(), st.sampled_from(opts)) if q != "utfall"
                           else st.one_of(st.none(), st.sampled_from(opts), st.sampled_from(opts))
                           for q, opts in OPTIONS.items()}),
    min_size=0, max_size=12)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records_strategy, st.integers(3, 5), st.booleans())
def test_no_small_figure_is_published_or_derivable(records, threshold, with_classes):
    classes = CLASSES if with_classes else {}
    result = suppress_survey(records, OPTIONS, threshold, crosses=CROSSES, classes=classes)
    figures, equations = _published_system(result, records, OPTIONS, classes, CROSSES)
    for name, (true, shown) in figures.items():
        assert shown is None or shown == true
        # Small published figures only where nobody's answer is in them: how many skipped a
        # question, or skipped both questions of a cross-table.
        nobodys_answer = name[-1] == SKIPPED and (len(name) == 2 or name[-2] == SKIPPED)
        if shown is not None and 0 < shown < threshold:
            assert nobodys_answer, (name, shown)
    # A hidden figure pinned to 0 tells nothing about anyone; every other one must stay open.
    hidden = [f for f, (true, shown) in figures.items() if shown is None and true]
    for target in hidden:
        assert _solutions_disagree(figures, equations, target, len(records)), target


def test_cross_table_margins_are_the_one_way_counts():
    records = ([{"utfall": "3", "kon": "k", "tid": "kort"}] * 9 + [{"utfall": "1", "kon": "m", "tid": "lang"}] * 7
               + [{"utfall": "2", "kon": "k", "tid": "lang"}] * 6 + [{"utfall": None, "kon": None, "tid": None}])
    result = suppress_survey(records, OPTIONS, 5, crosses=CROSSES, classes=CLASSES)
    table = result.cross[("utfall", "kon")]
    assert table.cells[("k", "hog")] == 15 and table.cells[("m", "lag")] == 7 and table.cells[("k", "lag")] == 0
    # One person skipped everything: a count that holds nobody's answer stays visible.
    assert table.cells[(SKIPPED, SKIPPED)] == 1
    assert table.row_totals == {"k": 15, "m": 7, SKIPPED: 1}
    assert table.col_totals == {"hog": 15, "lag": 7, SKIPPED: 1}
    assert table.grand_total == 23 and result.total == 23
    assert result.one_way["utfall"].total == 22 and result.one_way["utfall"].skipped == 1
    assert dict(result.one_way["utfall"]) == {"1": 7, "2": 6, "3": 9}
    assert result.classes["utfall"] == {"hog": 15, "lag": 7, SKIPPED: 1}


def test_small_band_in_a_cross_table_is_hidden_with_complements_everywhere_it_shows():
    # Three men, all with the low outcome: a small group in the cross-table and in the one-way table.
    records = ([{"utfall": "3", "kon": "k", "tid": "kort"}] * 12 + [{"utfall": "1", "kon": "k", "tid": "lang"}] * 6
               + [{"utfall": "1", "kon": "m", "tid": "lang"}] * 3)
    result = suppress_survey(records, OPTIONS, 5, crosses=CROSSES, classes=CLASSES)
    assert result.one_way["kon"]["m"] is None
    table = result.cross[("utfall", "kon")]
    assert table.row_totals["m"] is None and table.cells[("m", "lag")] is None
    # Women's low count would give the men's away via the column total of "lag" (9): hidden too.
    assert table.cells[("k", "lag")] is None or table.col_totals["lag"] is None
    figures, equations = _published_system(result, records, OPTIONS, CLASSES, CROSSES)
    for target, (true, shown) in figures.items():
        if shown is None and true:
            assert _solutions_disagree(figures, equations, target, len(records)), target


def test_a_lone_derivation_through_two_tables_is_caught():
    # x + y = a, x + z = b, y + z = c: with a, b, c published and x, y, z hidden, x = (a + b - c) / 2.
    values = {"x": 6, "y": 7, "z": 8, "a": 13, "b": 14, "c": 15}
    lines = [(["x", "y"], "a"), (["x", "z"], "b"), (["y", "z"], "c")]
    assert derivable_entries(values, lines, {"x", "y", "z"}) == {"x", "y", "z"}
    assert derivable_entries(values, lines, {"x", "y", "z", "a", "b"}) == set()
    hidden = suppress_linked({**values, "x": 2, "a": 9, "b": 10}, lines, 5)
    assert "x" in hidden
    assert not derivable_entries(values, lines, hidden)


def test_inconsistent_lines_and_bad_input_are_refused():
    with pytest.raises(ValueError, match="går inte ihop"):
        suppress_linked({"x": 1, "y": 2, "t": 4}, [(["x", "y"], "t")], 5)
    with pytest.raises(ValueError, match="Okänt svar"):
        suppress_survey([{"utfall": "9"}], OPTIONS, 5)
    with pytest.raises(ValueError, match="täcka"):
        suppress_survey([], OPTIONS, 5, classes={"utfall": {"hog": ["3"]}})
    with pytest.raises(ValueError, match="inte vara lägre än 3"):
        suppress_survey([], OPTIONS, 2)


def test_empty_group_publishes_zeros():
    result = suppress_survey([], OPTIONS, 5, crosses=CROSSES)
    assert result.total == 0 and result.hidden == set()
    assert all(v == 0 for v in result.cross[("utfall", "tid")].cells.values())


@pytest.mark.parametrize("seed", range(3))
def test_large_groups_hide_little(seed):
    import random

    rng = random.Random(seed)
    records = [{q: rng.choice(opts) for q, opts in OPTIONS.items()} for _ in range(400)]
    result = suppress_survey(records, OPTIONS, 5, crosses=CROSSES, classes=CLASSES)
    assert result.hidden == set()
    assert sum(result.one_way["utfall"].values()) == 400
    assert list(itertools.chain(result.cross[("utfall", "tid")].cells.values())).count(None) == 0
