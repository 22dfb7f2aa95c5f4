"""Privacy rules: spotting personal identity numbers and name lists, and small-count suppression.

Sources:
- FinsamL and rules.md R8.1: the association must not administer personal data about the
  participants in its interventions, so free text is screened before it is stored.
- R8.2: the national follow-up system (Uppföljning Finsam) records counts only; samordna
  publishes counts and hides the small ones.
- GDPR art. 4(1): a person is identifiable also *indirectly*, e.g. as "the only woman aged
  60–66 on sickness benefit in the group". A count of 1–4 in a published table, or one that can
  be worked out from the totals, is such an indirect identifier; hence the suppression below.
- Threshold: 5 by default (issue 5, "Counts below 5 are shown as <5"), configurable but never
  below 3 (the same issue).
- Personnummer (Skatteverket, SKV 704): YYMMDD-NNNC or YYYYMMDDNNNC, "+" from the year the
  person turns 100, C a Luhn (mod 10) check digit over the ten digits; samordningsnummer
  (SKV 707) add 60 to the day.

Zeros are published. A 0 identifies nobody and readers need to see that a category is empty;
hiding every 0 would blank most of a monthly breakdown. A 0 is only hidden when it is the
last cell left that can protect a small one (then the reader cannot tell it from the others).

Every hidden cell, primary (1..threshold-1) or complementary (hidden only so that a small one
cannot be computed from the totals), is shown with the same marker "<5": a different marker
would tell the reader which cell is the small one. `SUPPRESSION_NOTE` explains this.
"""
import calendar
import re
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

__all__ = [
    "DEFAULT_THRESHOLD", "MIN_THRESHOLD", "SUPPRESSION_NOTE", "Published", "SuppressedCells",
    "SuppressedTable", "check_threshold", "display", "find_identity_numbers", "free_text_problem",
    "is_valid_identity_number", "looks_like_name_list", "luhn_ok", "suppress", "suppress_table",
]

DEFAULT_THRESHOLD = 5
MIN_THRESHOLD = 3

K = TypeVar("K", bound=Hashable)
R = TypeVar("R", bound=Hashable)
C = TypeVar("C", bound=Hashable)


def suppression_note(threshold: int = DEFAULT_THRESHOLD) -> str:
    return (f"<{threshold} betyder färre än {threshold}, eller ett tal som döljs för att en liten "
            "grupp inte ska kunna räknas fram ur summorna.")


SUPPRESSION_NOTE = suppression_note()


# ---------------------------------------------------------------- identity numbers

# 6 or 8 digits, optional separator, 4 digits; never inside a longer run of digits.
_ID_RE = re.compile(r"(?<![\d])((?:1[89]|20)?\d{6})([-+ ]?)(\d{4})(?![\d])")


def luhn_ok(digits: str) -> bool:
    """Luhn (mod 10) check over a string of digits, check digit last."""
    if not digits.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def _date_plausible(year_digits: str, month: int, day: int) -> bool:
    if day > 60:  # samordningsnummer
        day -= 60
    if not 1 <= month <= 12 or day < 1:
        return False
    if len(year_digits) == 4:
        year = int(year_digits)
    else:  # century unknown: 2000 is a leap year, so "00" allows 29 February
        year = 2000 + int(year_digits)
    return day <= calendar.monthrange(year, month)[1]


def is_valid_identity_number(text: str) -> bool:
    """True for one personnummer/samordningsnummer (10 or 12 digits, optional - + or space)."""
    match = _ID_RE.fullmatch(text.strip())
    return bool(match) and _valid(match)


def _valid(match: re.Match) -> bool:
    head, _sep, tail = match.groups()
    ymd = head[-6:]
    year_digits = head[:-4]
    if not _date_plausible(year_digits, int(ymd[2:4]), int(ymd[4:6])):
        return False
    return luhn_ok(ymd + tail)


def find_identity_numbers(text: str) -> list[str]:
    """Every plausible personnummer or samordningsnummer in `text`, as written there.

    A candidate needs a real calendar date (day + 60 allowed) and a correct Luhn digit, so
    amounts ("1 150 tkr"), dates ("2023-04-05"), case numbers ("2022VFN360") and most phone
    numbers pass untouched; a phone number that happens to pass both checks is reported too,
    on purpose: refusing a comment costs less than storing someone's number.
    """
    if not text:
        return []
    return [m.group(0) for m in _ID_RE.finditer(text) if _valid(m)]


# ---------------------------------------------------------------- name lists

_WORD = r"[A-ZÅÄÖÉÜ][a-zåäöéèüæøß]+(?:-[A-ZÅÄÖÉÜ][a-zåäöéèüæøß]+)?"
_NAME_RE = re.compile(rf"{_WORD}(?: (?:von |af |de )?{_WORD}){{1,2}}")
_SPLIT_RE = re.compile(r"\s*(?:[,;\n\r\t•·]|\s-\s|\boch\b|\bsamt\b|&)\s*")
# Capitalised words that start organisation and place names, not people.
_NOT_NAME_WORDS = {
    "Västra", "Östra", "Norra", "Södra", "Region", "Regionen", "Kommun", "Kommunen", "Stad",
    "Staden", "Försäkringskassan", "Arbetsförmedlingen", "Samordningsförbundet", "Samordningsförbund",
    "Finsam", "Göteborg", "Göteborgs", "Stockholm", "Skaraborg", "Sjuhärad", "Insjöriket",
    "Jag", "Vi", "Det", "Den", "De", "Han", "Hon", "Man", "Tack", "Bra", "Hej", "Mycket",
    "Socialtjänsten", "Vårdcentralen", "Primärvården", "Psykiatrin", "Af", "Fk", "Vgr",
    "Move", "On", "Balder", "Hälsa", "Arbete", "Studier", "Kvinna", "Ja", "Nej",
}
_ORG_SUFFIXES = ("kassan", "förmedlingen", "regionen", "kommun", "förbund", "förbundet", "staden",
                 "tjänsten", "centralen", "vården", "iatrin", "skolan", "huset", "gruppen")
# A few very common first names make a lone pair of names count as a list.
_FIRST_NAMES = {
    "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Kerstin", "Emma", "Ingrid", "Marie",
    "Malin", "Elin", "Sofia", "Linda", "Hanna", "Johanna", "Ida", "Jenny", "Annika", "Susanne",
    "Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Nils", "Mikael", "Jan", "Hans", "Peter",
    "Fredrik", "Daniel", "Thomas", "Mats", "Magnus", "Andreas", "Stefan", "Jonas", "Ali",
    "Mohammed", "Ahmed", "Fatima", "Amina", "Leila", "Omar", "Hassan", "Sven", "Olof", "Gunnar",
}


def _is_name(segment: str) -> bool:
    segment = segment.strip(" .:!?\"'()")
    if not _NAME_RE.fullmatch(segment):
        return False
    words = segment.replace("-", " ").split()
    return not any(w in _NOT_NAME_WORDS or w.lower().endswith(_ORG_SUFFIXES) for w in words)


def looks_like_name_list(text: str) -> bool:
    """True when `text` looks like a list of people's names ("Förnamn Efternamn", ...).

    Three or more separate "Förnamn Efternamn" segments, or two where a known first name
    starts one and names make up most of the text. Names inside ordinary sentences do not
    count (a segment must consist of the name alone), which keeps feedback such as
    "Personalen på Move On var fantastisk" clear of false alarms.
    """
    if not text:
        return False
    segments = [s for s in _SPLIT_RE.split(text) if s and s.strip(" .:!?")]
    names = [s.strip(" .:!?\"'()") for s in segments if _is_name(s)]
    if len(names) >= 3:
        return True
    if len(names) == 2 and len(names) * 2 >= len(segments):
        return any(n.split()[0] in _FIRST_NAMES for n in names)
    return False


def free_text_problem(text: str, field_label: str = "Fritext") -> str | None:
    """A Swedish reason to refuse `text`, or None when it may be stored."""
    if find_identity_numbers(text):
        return (f"{field_label}: texten verkar innehålla ett personnummer eller samordningsnummer. "
                "Ta bort det – här får inga personuppgifter sparas.")
    if looks_like_name_list(text):
        return (f"{field_label}: texten verkar innehålla en lista med namn. Skriv utan namn på "
                "personer – här får inga personuppgifter sparas.")
    return None


# ---------------------------------------------------------------- suppression

def check_threshold(threshold: int) -> int:
    if isinstance(threshold, bool) or not isinstance(threshold, int):
        raise ValueError(f"Gränsen för små tal måste vara ett heltal, inte {threshold!r}.")
    if threshold < MIN_THRESHOLD:
        raise ValueError(f"Gränsen för små tal får inte vara lägre än {MIN_THRESHOLD} "
                         f"(angiven: {threshold}).")
    return threshold


@dataclass(frozen=True)
class Published:
    """One published figure: `value` is None when hidden."""
    value: int | None
    threshold: int = DEFAULT_THRESHOLD

    @property
    def hidden(self) -> bool:
        return self.value is None

    def __str__(self) -> str:
        return display(self.value, self.threshold)


def display(value, threshold: int = DEFAULT_THRESHOLD) -> str:
    """"<5" for a hidden figure, otherwise the count with a space as thousands separator."""
    if isinstance(value, Published):
        value, threshold = value.value, value.threshold
    if value is None:
        return f"<{threshold}"
    return f"{value:,}".replace(",", " ")


class SuppressedCells(dict):
    """The published cells (None = hidden); `.total` is the published total (None = hidden)."""

    def __init__(self, cells, total, threshold):
        super().__init__(cells)
        self.total = total
        self.threshold = threshold

    @property
    def hidden_keys(self) -> list:
        return [k for k, v in self.items() if v is None]


@dataclass
class SuppressedTable:
    cells: dict
    row_totals: dict | None
    col_totals: dict | None
    grand_total: int | None
    threshold: int = DEFAULT_THRESHOLD
    hidden: set = field(default_factory=set)

    def display(self, value) -> str:
        return display(value, self.threshold)


def _check_counts(values: Iterable[int]) -> None:
    for v in values:
        if isinstance(v, bool) or not isinstance(v, int):
            raise ValueError(f"Ett antal måste vara ett heltal, inte {v!r}.")
        if v < 0:
            raise ValueError(f"Ett antal kan inte vara negativt ({v}).")


def _complete(values: dict, lines: list[tuple[list, object | None]], threshold: int,
              start: set | None = None) -> set:
    """Hide entries until no line has a single hidden entry (nor hidden ones that must be 1s).

    `values` maps entry -> count (cells and published margins alike); each line is
    (entries, margin) meaning sum(entries) == margin, with margin None when not published.
    Greedy: the cheapest entry in the offending line, preferring one whose crossing line
    already has a lone hidden entry (one hide mends both lines).
    """
    hidden = {e for e, v in values.items() if 0 < v < threshold} | (start or set())
    order = {e: i for i, e in enumerate(values)}
    members: dict = {}
    for idx, (entries, margin) in enumerate(lines):
        for e in [*entries, *([margin] if margin is not None else [])]:
            members.setdefault(e, []).append(idx)

    def line_entries(idx):
        entries, margin = lines[idx]
        return [*entries, *([margin] if margin is not None else [])]

    def needs_more(idx) -> bool:
        entries, margin = lines[idx]
        if margin is None:  # no published sum: nothing can be derived from this line
            return False
        h = [e for e in line_entries(idx) if e in hidden]
        if len(h) == 1:
            return True
        if h and margin not in hidden:
            together = sum(values[e] for e in h)
            # The hidden cells together are the total minus the published ones, so together
            # they must be a group of at least `threshold`, or the group's answers could be
            # read off by differencing (issue 6: "also suppressed where a total would reveal").
            if together < threshold:
                return True
            # Zeros are published, so a reader knows hidden cells are >= 1: n hidden cells
            # summing to n must all be 1.
            return together == len(h) and all(values[e] > 0 for e in h)
        return False

    def crossing_rank(entry, idx) -> int:
        others = [j for j in members[entry] if j != idx]
        counts = [sum(1 for e in line_entries(j) if e in hidden) for j in others]
        if any(c == 1 for c in counts):
            return 0
        if all(c >= 2 for c in counts):
            return 1
        return 2

    changed = True
    while changed:
        changed = False
        for idx in range(len(lines)):
            while needs_more(idx):
                margin = lines[idx][1]
                candidates = [e for e in line_entries(idx) if e not in hidden]
                # The margin is a last resort: hiding a total hides the most.
                choice = min(candidates, key=lambda e: (e == margin, values[e] == 0,
                                                        crossing_rank(e, idx), values[e], order[e]))
                hidden.add(choice)
                changed = True
    return hidden


def _ends(entry) -> tuple:
    """The two lines an entry of the bordered table sits on ("T" = the line of totals)."""
    kind = entry[0]
    if kind == "cell":
        return (("r", entry[1]), ("c", entry[2]))
    if kind == "row":
        return (("r", entry[1]), ("c", "T"))
    if kind == "col":
        return (("r", "T"), ("c", entry[1]))
    return (("r", "T"), ("c", "T"))


def _first_bridge(hidden: set):
    """A hidden entry on no cycle of hidden entries, i.e. one the equations determine.

    In a table bordered by its totals every line sums to zero (totals negated), and the hidden
    entries can be shifted by +1/-1 round a cycle without changing anything published; an
    entry on no such cycle is fixed by the others (the rank argument of cell suppression).
    """
    for entry in sorted(hidden, key=repr):
        a, b = _ends(entry)
        graph: dict = {}
        for other in hidden:
            if other == entry:
                continue
            u, v = _ends(other)
            graph.setdefault(u, set()).add(v)
            graph.setdefault(v, set()).add(u)
        seen, todo = {a}, [a]
        while todo:
            node = todo.pop()
            for nxt in graph.get(node, ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        if b not in seen:
            return entry
    return None


def suppress(cells: Mapping[K, int], threshold: int = DEFAULT_THRESHOLD,
             total: int | None = None) -> SuppressedCells:
    """Small-count suppression of a one-way table whose total is published.

    `total` defaults to the sum of the cells; a larger total (e.g. one that includes answers
    outside the breakdown) is accepted, a smaller one is an error. Returns the cells with
    hidden ones as None and `.total` (None when the total itself is small and hidden).
    """
    check_threshold(threshold)
    _check_counts(cells.values())
    cell_sum = sum(cells.values())
    if total is None:
        total = cell_sum
    _check_counts([total])
    if total < cell_sum:
        raise ValueError(f"Totalen ({total}) är mindre än summan av delarna ({cell_sum}).")
    keys = list(cells)
    values = {("cell", k): v for k, v in cells.items()}
    # Any residual (total - cell sum) is treated as known to the reader: the safe assumption,
    # so the equation is the same as if the total were the plain sum.
    values[("total",)] = total
    lines = [([("cell", k) for k in keys], ("total",))]
    hidden = _complete(values, lines, threshold)
    published = {k: (None if ("cell", k) in hidden else v) for k, v in cells.items()}
    return SuppressedCells(published, None if ("total",) in hidden else total, threshold)


def suppress_table(table: Mapping[tuple[R, C], int], threshold: int = DEFAULT_THRESHOLD,
                   row_totals: bool = True, col_totals: bool = True) -> SuppressedTable:
    """Small-count suppression of a two-way table published with its margins.

    Missing (row, column) pairs count as 0. Margins themselves are counts too: a row total
    of 3 is hidden like a cell, and the grand total is part of the margin equations.
    Afterwards every published equation (row, column, row of totals, column of totals) has
    either no hidden entry or at least two, so no hidden figure follows from the others.
    """
    check_threshold(threshold)
    _check_counts(table.values())
    rows = list(dict.fromkeys(r for r, _ in table))
    cols = list(dict.fromkeys(c for _, c in table))
    values: dict = {("cell", r, c): table.get((r, c), 0) for r in rows for c in cols}
    grand = sum(values.values())
    lines = []
    margins = row_totals or col_totals
    if row_totals:
        for r in rows:
            values[("row", r)] = sum(table.get((r, c), 0) for c in cols)
            lines.append(([("cell", r, c) for c in cols], ("row", r)))
    if col_totals:
        for c in cols:
            values[("col", c)] = sum(table.get((r, c), 0) for r in rows)
            lines.append(([("cell", r, c) for r in rows], ("col", c)))
    if margins:
        values[("grand",)] = grand
        if row_totals:
            lines.append(([("row", r) for r in rows], ("grand",)))
        if col_totals:
            lines.append(([("col", c) for c in cols], ("grand",)))
    hidden = _complete(values, lines, threshold)
    if row_totals and col_totals:
        order = {e: i for i, e in enumerate(values)}
        while bridge := _first_bridge(hidden):
            # Every line has two hidden entries, yet this one is pinned down by the rest.
            near = [e for e in values if e not in hidden and set(_ends(e)) & set(_ends(bridge))]
            extra = min(near, key=lambda e: (e == ("grand",), values[e] == 0, values[e], order[e]))
            hidden = _complete(values, lines, threshold, hidden | {extra})

    def pub(key):
        return None if key in hidden else values[key]

    return SuppressedTable(
        cells={(r, c): pub(("cell", r, c)) for r in rows for c in cols},
        row_totals={r: pub(("row", r)) for r in rows} if row_totals else None,
        col_totals={c: pub(("col", c)) for c in cols} if col_totals else None,
        grand_total=pub(("grand",)) if margins else None,
        threshold=threshold,
        hidden={k[1:] if k[0] == "cell" else k for k in hidden},
    )
