"""Votes: roll-call lists ("Ledamot  Ja  Nej  Avstår" with X marks), result lines
("Resultat 30 15 2", "30 ledamöter röstar Ja, 15 röstar Nej, 2 avstår") and reservations
("Mot beslutet reserverar sig A (S), B (S) och C (S).").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import names
from .interchange import Ballot, Vote
from .readers import Line

VOTE_WORDS = {"ja": "yes", "nej": "no", "avstår": "abstain", "avstod": "abstain", "avstående": "abstain",
              "avstar": "abstain", "avst": "abstain", "avstår från att rösta": "abstain"}
MARK_RE = re.compile(r"^(?:x|X|✓|✔|1|\*)$")
RESULT_ROW_RE = re.compile(r"^(?:resultat|summa|totalt|summering|antal röster)\b", re.IGNORECASE)
REF_RE = re.compile(r"§\s*(\d{1,5})")
STATED_RE = re.compile(
    r"(?P<yes>\d{1,4})\s+(?:ledamöter\s+|ledamot\s+|röst(?:er)?\s+)?(?:röstar|röstade|för)?\s*ja(?:-röst(?:er)?)?\b"
    r"[^.\d]{0,40}?(?P<no>\d{1,4})\s+(?:ledamöter\s+|ledamot\s+|röst(?:er)?\s+)?(?:röstar|röstade|för)?\s*nej(?:-röst(?:er)?)?\b"
    r"(?:[^.\d]{0,40}?(?P<abstain>\d{1,4})\s+(?:ledamöter\s+|ledamot\s+|som\s+)?(?:avstår|avstod|avstående|avstår från att rösta|röstar blankt))?",
    re.IGNORECASE)
RESERVE_AFTER_RE = re.compile(r"(?:mot beslutet reserverar sig|reservation(?:er)?(?:\s+anmäls)?(?:\s+av)?\s*:)\s+(.*)$",
                              re.IGNORECASE)
RESERVE_BEFORE_RE = re.compile(r"^(.*?)\s+reserverar sig\b", re.IGNORECASE)
_NAME = r"[A-ZÅÄÖÉ][\w'-]+(?:\s+[A-ZÅÄÖÉ][\w'-]+){1,3}(?:\s*\([^)]{1,20}\))?"
NAMES_TAIL_RE = re.compile(rf"{_NAME}(?:(?:,\s*|\s+och\s+){_NAME})*$")
SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")
RESERVE_TAIL_RE = re.compile(r"\s+(?:till förmån för|med hänvisning|skriftligt|i protokollet|till protokollet|mot beslutet|"
                             r"för egna yrkanden|till förmån).*$", re.IGNORECASE)


@dataclass
class RollCall:
    start: int                  # index of the header line
    end: int
    ballots: list[Ballot] = field(default_factory=list)
    functions: dict[str, str] = field(default_factory=dict)  # name → "ordförande" …
    totals: tuple[int, int, int] | None = None
    reference: int | None = None  # "Voteringslista: § 77"


def _columns(line: Line) -> dict[int, str] | None:
    parts = [p.casefold().strip(" :") for p in line.parts()]
    columns = {k: VOTE_WORDS[p] for k, p in enumerate(parts) if p in VOTE_WORDS}
    if {"yes", "no"} <= set(columns.values()) and len(parts) >= 3:
        return columns
    return None


def _column_of(line: Line, header: Line, columns: dict[int, str], index: int) -> str | None:
    if line.xs and header.xs and index < len(line.xs):
        x = line.xs[index]
        nearest = min(columns, key=lambda k: abs(header.xs[k] - x) if k < len(header.xs) else 1e9)
        return columns[nearest]
    return columns.get(index)


def _ballot_name(cell: str) -> tuple[str, str | None, str | None]:
    party = names.PARTY_RE.search(cell)
    head, _, function = names.PARTY_RE.sub(" ", cell).partition(",")
    return names.fold(head).strip(" ,"), (party[1].upper() if party else None), (function.strip() or None)


def find_roll_calls(lines: list[Line]) -> list[RollCall]:
    calls: list[RollCall] = []
    i = 0
    while i < len(lines):
        columns = _columns(lines[i]) if not lines[i].blank else None
        if not columns:
            i += 1
            continue
        header = lines[i]
        call = RollCall(start=i, end=i + 1)
        for j in range(max(0, i - 8), i):
            m = REF_RE.search(lines[j].text)
            if m and re.search(r"votering|omröstning|röstning", lines[j].text, re.IGNORECASE):
                call.reference = int(m[1])
        misses = 0
        j = i + 1
        while j < len(lines) and misses <= 8:
            line = lines[j]
            parts = line.parts()
            if line.blank or line.rule:
                j += 1
                continue
            if RESULT_ROW_RE.match(parts[0]):
                numbers = [int(n) for p in parts[1:] for n in re.findall(r"^\d{1,4}$", p.strip())]
                if len(numbers) >= 2:
                    call.totals = (numbers[0], numbers[1], numbers[2] if len(numbers) > 2 else 0)
                call.end = j + 1
                break
            marks = [k for k, p in enumerate(parts) if k > 0 and MARK_RE.match(p)]
            if marks and parts[0]:
                vote = _column_of(line, header, columns, marks[0])
                name, party, function = _ballot_name(parts[0])
                if vote and name:
                    call.ballots.append(Ballot(name, vote, party))
                    if function:
                        call.functions[name] = function
                misses = 0
                call.end = j + 1
            elif re.match(r"^§\s*\d", line.text.strip()):
                break
            else:
                misses += 1
            j += 1
        if call.ballots or call.totals:
            calls.append(call)
        i = max(call.end, i + 1)
    return calls


def stated_result(text: str) -> tuple[int, int, int | None] | None:
    m = STATED_RE.search(text)
    if not m:
        return None
    return int(m["yes"]), int(m["no"]), (int(m["abstain"]) if m["abstain"] else None)


def ballot_counts(ballots: list[Ballot]) -> tuple[int, int, int]:
    return (sum(b.vote == "yes" for b in ballots), sum(b.vote == "no" for b in ballots),
            sum(b.vote == "abstain" for b in ballots))


def _same(a: tuple, b: tuple) -> bool:
    return a[0] == b[0] and a[1] == b[1] and (a[2] is None or b[2] is None or a[2] == b[2])


def _say(t: tuple) -> str:
    return f"{t[0]} ja, {t[1]} nej" + (f", {t[2]} avstår" if t[2] is not None else "")


def build_vote(text: str, call: RollCall | None) -> tuple[Vote | None, list[str]]:
    """The vote of a paragraph from its body text and roll-call list, with mismatch warnings."""
    stated = stated_result(text)
    if call is None and stated is None:
        return None, []
    ballots = call.ballots if call else []
    counted = ballot_counts(ballots) if ballots else None
    totals = call.totals if call else None
    result = stated or totals or counted
    warnings = []
    if counted and not _same(counted, result):
        warnings.append(f"voteringslistan räknas till {_say(counted)} men protokollet anger {_say(result)}")
    if stated and totals and not _same(stated, totals):
        warnings.append(f"texten anger {_say(stated)} men resultatraden {_say(totals)}")
    yes, no, abstain = result
    if abstain is None and counted and _same(counted, result):
        abstain = counted[2]
    return Vote(yes, no, abstain, list(ballots)), warnings


def reservations(text: str) -> list[str]:
    """Names in "Mot beslutet reserverar sig A (S), B (S) och C (S)." or "A (S) reserverar sig …"."""
    out: list[str] = []
    if "reserv" not in text.casefold():
        return out
    for sentence in SENTENCE_END_RE.split(text):
        if "reserv" not in sentence.casefold():
            continue
        m = RESERVE_AFTER_RE.search(sentence)
        group = m[1] if m else (mb[1] if (mb := RESERVE_BEFORE_RE.search(sentence)) else "")
        if not m and (tail := NAMES_TAIL_RE.search(group)):
            # "… att starta insatsen Bo Ek (S) reserverar sig": a decision line without a full stop runs on
            # into the reservation; the reserving names are the capitalised run at the end.
            group = tail[0]
        group = RESERVE_TAIL_RE.sub("", group.strip().rstrip("."))
        group = re.sub(r"^(?:reservation(?:er)?:?\s+)?(?:(?:ledamöterna|ledamoten|ledamot|ersättaren|ordföranden)\s+)?", "",
                       group, flags=re.IGNORECASE)
        for piece in re.split(r",\s*|\s+och\s+", group):
            piece = names.fold(piece).strip(" .")
            core = names.PARTY_RE.sub("", piece).strip()
            if names.is_person_name(core) and piece not in out:
                out.append(piece)
    return out
