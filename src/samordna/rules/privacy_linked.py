"""Joint suppression of linked tables: a survey's answer counts, one-way tables and cross-tables published together.

Sources and threshold as in rules/privacy.py (GDPR art. 4(1) indirect identification; issue 6: a group under the
threshold is not shown and is also suppressed where a total would reveal it).
"""
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from .privacy import DEFAULT_THRESHOLD, SuppressedCells, SuppressedTable, _check_counts, check_threshold

# ---------------------------------------------------------------- linked tables (joint suppression)
#
# A survey result page publishes many tables about the same group of answers: the number of
# answers, one table per question, and cross-tables of an outcome by a background band. They
# share figures (a cross-table's row totals ARE the one-way counts of the background question),
# so suppressing each table on its own is not enough: a cell hidden in one table could be
# worked out from another. Here every published figure is an *entry* and every "these add up to
# that" is a *line*; the entries to hide are chosen for all tables at once.

__all__ = ["SKIPPED", "LinkedTables", "derivable_entries", "suppress_linked", "suppress_survey"]

SKIPPED = "ej_svarat"  # the category of people who left a question unanswered


def _derivations(lines, hidden: set) -> dict:
    """{hidden entry determined by the equations: the published entries its derivation uses}.

    Every line with a published margin is one linear equation; the published entries are
    constants. A hidden entry is determined when its unit vector lies in the row space of the
    equations restricted to the hidden entries, i.e. when it is a pivot of the reduced row
    echelon form with no free entry left in its row. The combination of lines behind that row
    says which published figures the derivation reads. Exact arithmetic (fractions).
    """
    from fractions import Fraction

    index = {e: i for i, e in enumerate(sorted(hidden, key=repr))}
    pivots: dict = {}  # column -> (row over hidden columns, combination over line numbers)

    def axpy(target: dict, factor, source: dict):
        for k, v in source.items():
            target[k] = target.get(k, Fraction(0)) - factor * v
        for k in [k for k, v in target.items() if not v]:
            del target[k]

    for number, (entries, margin) in enumerate(lines):
        if margin is None:
            continue
        row: dict = {}
        for e in entries:
            if e in index:
                row[index[e]] = row.get(index[e], Fraction(0)) + 1
        if margin in index:
            row[index[margin]] = row.get(index[margin], Fraction(0)) - 1
        row = {k: v for k, v in row.items() if v}
        combo = {number: Fraction(1)}
        for col in [c for c in row if c in pivots]:
            factor = row.get(col)
            if factor:
                axpy(row, factor, pivots[col][0])
                axpy(combo, factor, pivots[col][1])
        if not row:
            continue
        col = min(row)
        lead = row[col]
        row = {k: v / lead for k, v in row.items()}
        combo = {k: v / lead for k, v in combo.items()}
        for other_row, other_combo in pivots.values():
            factor = other_row.get(col)
            if factor:
                axpy(other_row, factor, row)
                axpy(other_combo, factor, combo)
        pivots[col] = (row, combo)
    entries_by_index = {i: e for e, i in index.items()}
    result = {}
    for col, (row, combo) in pivots.items():
        if set(row) != {col}:
            continue
        net: dict = {}
        for number, weight in combo.items():
            entries, margin = lines[number]
            for e in entries:
                net[e] = net.get(e, 0) + weight
            net[margin] = net.get(margin, 0) - weight
        result[entries_by_index[col]] = {e for e, w in net.items() if w and e not in hidden}
    return result


def derivable_entries(values: Mapping, lines, hidden: set) -> set:
    """The hidden entries whose exact value follows from the published ones through the lines
    (every line with a published margin read as an equation; exact linear algebra).
    `values` names the entries; the published values themselves do not matter for this."""
    return set(_derivations(lines, set(hidden) & set(values)))


def suppress_linked(values: Mapping, lines, threshold: int = DEFAULT_THRESHOLD, *,
                    exempt=frozenset(), priority: Mapping | None = None, keep=frozenset()) -> set:
    """Entries to hide so that no small figure is shown or can be worked out, over all lines at once.

    `values` maps every entry (published figure) to its true count; `lines` is a list of
    (entries, margin): sum(entries) == margin, margin None when that sum is not published.
    `exempt` entries are not hidden for being small (only as complements); `keep` entries are
    hidden only when nothing else can protect a line (the caller publishes them elsewhere).
    `priority` ranks the rest (entry -> int, default 0): complements are taken from the lowest
    rank first, e.g. cross-table cells before the one-way counts that readers need most.

    Afterwards (a) no published entry outside `exempt` is 1..threshold-1, (b) no line with a
    published margin has exactly one hidden entry, nor hidden entries that together are fewer
    than `threshold`, nor n hidden non-zero entries that sum to n, and (c) no hidden entry is
    determined by all the equations together (`derivable_entries`), which also covers
    derivations through several tables, e.g. a cross-table cell from the one-way tables.
    """
    # Pure in its arguments and the costliest step of a survey page (exact elimination): the same published
    # figures give the same answer, so a page read again by the board is not worked out again.
    key = (tuple(values.items()), tuple((tuple(entries), margin) for entries, margin in lines), threshold,
           frozenset(exempt), tuple((priority or {}).items()), frozenset(keep))
    return set(_suppress_linked(*key))


@lru_cache(maxsize=256)
def _suppress_linked(value_items, lines, threshold, exempt, priority_items, keep) -> frozenset:
    values, priority = dict(value_items), dict(priority_items)
    check_threshold(threshold)
    _check_counts(values.values())
    for entries, margin in lines:
        if margin is not None and sum(values[e] for e in entries) != values[margin]:
            raise ValueError(f"Raden går inte ihop: {sum(values[e] for e in entries)} ≠ {values[margin]} ({margin!r}).")
    order = {e: i for i, e in enumerate(values)}
    rank = dict(priority or {})
    members: dict = {}
    full_lines = []
    for idx, (entries, margin) in enumerate(lines):
        full = [*entries, *([margin] if margin is not None else [])]
        full_lines.append(full)
        for e in full:
            members.setdefault(e, []).append(idx)
    hidden = {e for e, v in values.items() if 0 < v < threshold and e not in exempt}

    def needs_more(idx) -> bool:
        margin = lines[idx][1]
        if margin is None:
            return False
        h = [e for e in full_lines[idx] if e in hidden]
        if len(h) == 1:
            return True
        if h and margin not in hidden:
            together = sum(values[e] for e in h)
            # A small hidden group matters when it holds someone's answer: not when it is made
            # of exempt entries, nor when the line only splits an exempt group (e.g. those who
            # skipped a question, by band), where two hidden entries already keep each one open.
            if together < threshold and margin not in exempt and not all(e in exempt for e in h):
                return True
            return together == len(h) and all(values[e] > 0 for e in h)
        return False

    def crossing_rank(entry, idx) -> int:
        counts = [sum(1 for e in full_lines[j] if e in hidden) for j in members[entry] if j != idx]
        if any(c == 1 for c in counts):
            return 0
        return 1 if all(c >= 2 for c in counts) else 2

    def cost(entry, idx=None):
        is_margin = idx is not None and entry == lines[idx][1]
        return (entry in keep, rank.get(entry, 0), is_margin, values[entry] == 0,
                crossing_rank(entry, idx) if idx is not None else 0, values[entry], order[entry])

    while True:
        changed = True
        while changed:
            changed = False
            for idx in range(len(lines)):
                while needs_more(idx):
                    candidates = [e for e in full_lines[idx] if e not in hidden]
                    hidden.add(min(candidates, key=lambda e: cost(e, idx)))
                    changed = True
        fixed = _derivations(lines, hidden)
        if not fixed:
            return frozenset(hidden)
        # A hidden entry is pinned down by a combination of equations: hide the cheapest
        # published figure that combination reads, and close the lines again.
        target = min(fixed, key=repr)
        witnesses = fixed[target] or {e for full in full_lines if target in full for e in full if e not in hidden}
        if not witnesses:
            return frozenset(hidden)
        hidden.add(min(witnesses, key=cost))


@dataclass
class LinkedTables:
    """Everything published about one group of answers, suppressed together.

    `one_way[q]` holds the published count per answer option (None = hidden) with `.total` the
    number who answered the question and `.skipped` the number who did not; `classes[q]` the
    published count per class of options (e.g. "4–5"); `cross[(q, b)]` a SuppressedTable whose
    rows are the bands of background question b and whose columns are the classes of outcome q,
    both with SKIPPED as the last category, so its margins are exactly the one-way figures.
    """
    total: int | None
    one_way: dict
    classes: dict
    cross: dict
    threshold: int = DEFAULT_THRESHOLD
    hidden: set = field(default_factory=set)


def suppress_survey(records, options: Mapping, threshold: int = DEFAULT_THRESHOLD, *,
                    crosses=(), classes: Mapping | None = None) -> LinkedTables:
    """Joint small-count suppression of a survey group's one-way tables, class totals and cross-tables.

    `records`: one mapping per respondent, question -> option code (absent or None = skipped).
    `options`: question -> its option codes (single-answer questions only). `crosses`: (outcome,
    background) pairs published as two-way tables. `classes`: outcome -> {class: [option codes]}
    for collapsed columns (default one class per option).

    The group count itself is the last thing hidden: it is published in the overview of counts.
    Entries that hold nobody's answer (how many skipped a question; in a cross-table, how many
    skipped both) are not hidden for being small, but take part in every equation and may hide
    as complements. A cell with one real answer (e.g. "4–5" among those who skipped the gender
    question) is someone's answer and is protected like any other.
    """
    from collections import Counter

    check_threshold(threshold)
    records = list(records)
    classes = {q: dict(classes.get(q) or {}) if classes else {} for q in options}
    for q, opts in options.items():
        if not classes[q]:
            classes[q] = {o: [o] for o in opts}
        covered = [o for members_ in classes[q].values() for o in members_]
        if sorted(covered) != sorted(opts):
            raise ValueError(f"Klasserna för {q} måste täcka varje svarsalternativ en gång.")
    for outcome, background in crosses:
        if outcome not in options or background not in options or outcome == background:
            raise ValueError(f"Korstabellen {outcome} × {background} saknar en av frågorna.")
    for record in records:
        for q, value in record.items():
            if q in options and value is not None and value not in options[q]:
                raise ValueError(f"Okänt svar {value!r} på frågan {q}.")

    def answer(record, q):
        value = record.get(q)
        return SKIPPED if value is None else value

    n_key = ("n",)
    values: dict = {n_key: len(records)}
    lines: list = []
    exempt: set = set()

    def one(q, o):
        return ("skipped", q) if o == SKIPPED else ("one", q, o)

    class_key: dict = {}
    for q, opts in options.items():
        tally = Counter(answer(r, q) for r in records)
        for o in opts:
            values[one(q, o)] = tally.get(o, 0)
        values[("answered", q)] = len(records) - tally.get(SKIPPED, 0)
        values[("skipped", q)] = tally.get(SKIPPED, 0)
        exempt.add(("skipped", q))
        lines.append(([one(q, o) for o in opts], ("answered", q)))
        lines.append(([("answered", q), ("skipped", q)], n_key))
        for k, members_ in classes[q].items():
            if len(members_) == 1:
                class_key[(q, k)] = one(q, members_[0])
            elif len(members_) == len(opts):
                class_key[(q, k)] = ("answered", q)
            else:
                class_key[(q, k)] = ("class", q, k)
                values[("class", q, k)] = sum(tally.get(o, 0) for o in members_)
                lines.append(([one(q, o) for o in members_], ("class", q, k)))
        class_key[(q, SKIPPED)] = ("skipped", q)
    which_class = {q: {o: k for k, ms in classes[q].items() for o in ms} | {SKIPPED: SKIPPED} for q in options}

    for outcome, background in crosses:
        bands = [*options[background], SKIPPED]
        kinds = [*classes[outcome], SKIPPED]
        tally = Counter((answer(r, background), which_class[outcome][answer(r, outcome)]) for r in records)
        for b in bands:
            for k in kinds:
                key = ("x", outcome, background, b, k)
                values[key] = tally.get((b, k), 0)
                if b == SKIPPED and k == SKIPPED:
                    exempt.add(key)
            lines.append(([("x", outcome, background, b, k) for k in kinds], one(background, b)))
        for k in kinds:
            lines.append(([("x", outcome, background, b, k) for b in bands], class_key[(outcome, k)]))

    # Cross-table cells give way first, then the one-way counts, last the numbers who answered.
    priority = {e: {"x": 0, "answered": 2, "skipped": 2}.get(e[0], 1) for e in values}
    hidden = suppress_linked(values, lines, threshold, exempt=exempt, priority=priority, keep={n_key})

    def pub(key):
        return None if key in hidden else values[key]

    one_way = {}
    for q, opts in options.items():
        cells = SuppressedCells({o: pub(one(q, o)) for o in opts}, pub(("answered", q)), threshold)
        cells.skipped = pub(("skipped", q))
        one_way[q] = cells
    class_counts = {q: {k: pub(class_key[(q, k)]) for k in [*classes[q], SKIPPED]} for q in options}
    cross = {}
    for outcome, background in crosses:
        bands = [*options[background], SKIPPED]
        kinds = [*classes[outcome], SKIPPED]
        cross[(outcome, background)] = SuppressedTable(
            cells={(b, k): pub(("x", outcome, background, b, k)) for b in bands for k in kinds},
            row_totals={b: pub(one(background, b)) for b in bands},
            col_totals={k: pub(class_key[(outcome, k)]) for k in kinds},
            grand_total=pub(n_key), threshold=threshold,
            hidden={(b, k) for b in bands for k in kinds if ("x", outcome, background, b, k) in hidden})
    return LinkedTables(pub(n_key), one_way, class_counts, cross, threshold, hidden)
