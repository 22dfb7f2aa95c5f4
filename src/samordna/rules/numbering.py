"""Paragraph (§) numbers of protocols.

Legal source: KL 5 kap. 67 § (protocol content; for a board via KL 6 kap. 35 §, which
rules.md marks [verify]) requires each ärende to be recorded; practice numbers them and
the law sets no scheme. Förbund number per protocol, per year, or on and on across years
(Insjöriket's § 1128 in 2021), so the scheme is a charter setting (rules.md § 5,
"§ numbering: support both").

Numbers are distinct paragraph numbers: a § with lettered sub-items (Skaraborg's
§ 5 a–e) counts once.
"""
from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass
from enum import Enum
from typing import Hashable, Sequence


class Scheme(str, Enum):
    CONTINUOUS = "continuous"  # never restarts
    PER_YEAR = "per_year"  # restarts with the calendar year
    PER_MEETING = "per_meeting"  # restarts with each protocol


@dataclass(frozen=True)
class NumberedMeeting:
    key: Hashable  # meeting id
    date: datetime.date
    numbers: tuple[int, ...] = ()


def same_scope(scheme: Scheme, a: NumberedMeeting, b: NumberedMeeting) -> bool:
    """Whether a number used in `a` may not be used again in `b`."""
    scheme = Scheme(scheme)
    if scheme is Scheme.CONTINUOUS:
        return True
    if scheme is Scheme.PER_YEAR:
        return a.date.year == b.date.year
    return a.key == b.key


def _scope(scheme, meeting, others) -> list[NumberedMeeting]:
    return [o for o in others if o.key != meeting.key and same_scope(scheme, meeting, o)]


def next_number(
    scheme: Scheme, meeting: NumberedMeeting, others: Sequence[NumberedMeeting], first_number: int = 1
) -> int:
    """The number for the meeting's next paragraph.

    Continues the meeting's own numbers, else the highest number of the same-scope
    meetings held before it, else `first_number`. If that number is already taken by a
    later meeting in the scope (a protocol entered after the fact), the highest number
    in the scope + 1 is used instead: a § number must never repeat within its scope.
    """
    scope = _scope(scheme, meeting, others)
    if meeting.numbers:
        candidate = max(meeting.numbers) + 1
    else:
        # Same-day meetings count as earlier: a second meeting that day continues.
        earlier = [n for o in scope if o.date <= meeting.date for n in o.numbers]
        candidate = max(earlier) + 1 if earlier else first_number
    used = {n for o in scope for n in o.numbers} | set(meeting.numbers)
    if candidate in used:
        candidate = max(used) + 1
    return candidate


def conflicts(scheme: Scheme, meeting: NumberedMeeting, others: Sequence[NumberedMeeting]) -> list[str]:
    """Swedish messages for numbers that repeat within the meeting or within its scope."""
    counts = Counter(meeting.numbers)
    messages = [f"§ {n} förekommer {c} gånger i protokollet" for n, c in sorted(counts.items()) if c > 1]
    seen = set(counts)
    for o in sorted(_scope(scheme, meeting, others), key=lambda o: o.date):
        for n in sorted(seen & set(o.numbers)):
            messages.append(f"§ {n} finns redan i protokollet från {o.date.isoformat()}")
    return messages
