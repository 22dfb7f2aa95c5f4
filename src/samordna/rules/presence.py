"""Who is in the room when a paragraph is handled.

Legal source: beslutförhet is judged per ärende, for the members present when it is
handled (FinsamL 10 § on the board, with the quorum rule "fler än hälften av ledamöterna
närvarande" as explained on finsam.se, Styrelsen > Styrelsearbetet; KL 6 kap. 28–32 §§
on members who leave for jäv). A protocol records partial presence either as clock times
("är med mellan kl 13:30–14:00") or as paragraphs ("under § 41"); this module places a
person at a paragraph from either kind of record.

Conventions (rules.md R3.1, check a):
- clock intervals are half-open [start, end): someone "med till 14:00" is gone at 14:00;
- paragraph bounds are inclusive: "§§ 41–43" covers § 43;
- a missing bound means "from the start" / "to the end" of the meeting.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Sequence

Time = datetime.time


@dataclass(frozen=True)
class Interval:
    """One stretch of presence; every bound is optional."""

    start: Time | None = None
    end: Time | None = None
    from_paragraph: int | None = None  # inclusive
    to_paragraph: int | None = None  # inclusive

    @property
    def has_clock(self) -> bool:
        return self.start is not None or self.end is not None

    @property
    def has_paragraphs(self) -> bool:
        return self.from_paragraph is not None or self.to_paragraph is not None


@dataclass(frozen=True)
class Moment:
    """When a paragraph is handled: its clock time and/or its number."""

    time: Time | None = None
    paragraph: int | None = None


def hhmm(t: Time) -> str:
    return t.strftime("%H:%M")


def describe(interval: Interval) -> str:
    """Swedish wording of an interval for messages: "13:30–14:00", "§§ 41–43", "från 13:30"."""
    parts = []
    if interval.has_clock:
        parts.append(_span(interval.start and hhmm(interval.start), interval.end and hhmm(interval.end)))
    if interval.has_paragraphs:
        f, t = interval.from_paragraph, interval.to_paragraph
        parts.append(f"§ {f}" if f is not None and f == t else "§§ " + _span(f, t))
    return ", ".join(parts) or "hela mötet"


def _span(a, b) -> str:
    if a is not None and b is not None:
        return f"{a}–{b}"
    return f"från {a}" if a is not None else f"till {b}"


def _covers(iv: Interval, at: Moment) -> bool:
    # A bound only excludes when the moment has the matching coordinate: a paragraph
    # without a clock time cannot be placed before or after 14:00.
    if at.time is not None:
        if iv.start is not None and at.time < iv.start:
            return False
        if iv.end is not None and at.time >= iv.end:
            return False
    if at.paragraph is not None:
        if iv.from_paragraph is not None and at.paragraph < iv.from_paragraph:
            return False
        if iv.to_paragraph is not None and at.paragraph > iv.to_paragraph:
            return False
    return True


def is_present(intervals: Sequence[Interval], at: Moment) -> bool:
    """True when one of the intervals covers the moment; no intervals = the whole meeting."""
    return not intervals or any(_covers(iv, at) for iv in intervals)


def _clock_overlap(a: Interval, b: Interval) -> bool:
    lo = max((t for t in (a.start, b.start) if t is not None), default=None)
    hi = min((t for t in (a.end, b.end) if t is not None), default=None)
    return lo is None or hi is None or lo < hi  # half-open: 13:00–14:00 and 14:00–15:00 touch


def _paragraph_overlap(a: Interval, b: Interval) -> bool:
    lo = max((p for p in (a.from_paragraph, b.from_paragraph) if p is not None), default=None)
    hi = min((p for p in (a.to_paragraph, b.to_paragraph) if p is not None), default=None)
    return lo is None or hi is None or lo <= hi


def _pair_overlaps(a: Interval, b: Interval) -> bool:
    # Clock times and paragraph numbers cannot be compared with each other without the
    # agenda's timing, so only a dimension bounded in both intervals is compared.
    checks = []
    if a.has_clock and b.has_clock:
        checks.append(_clock_overlap(a, b))
    if a.has_paragraphs and b.has_paragraphs:
        checks.append(_paragraph_overlap(a, b))
    if not checks:
        # An unbounded interval (the whole meeting) overlaps everything.
        return not (a.has_clock or a.has_paragraphs) or not (b.has_clock or b.has_paragraphs)
    return all(checks)


def overlapping(intervals: Sequence[Interval]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of intervals that cover a common moment."""
    return [
        (i, j)
        for i in range(len(intervals))
        for j in range(i + 1, len(intervals))
        if _pair_overlaps(intervals[i], intervals[j])
    ]


def interval_errors(
    intervals: Sequence[Interval], meeting_start: Time | None, meeting_end: Time | None
) -> list[str]:
    """Swedish messages for impossible or doubtful presence records; empty list = fine."""
    errors = []
    for iv in intervals:
        if iv.start is not None and iv.end is not None and iv.end <= iv.start:
            errors.append(f"Sluttiden {hhmm(iv.end)} ligger inte efter starttiden {hhmm(iv.start)}")
        if iv.from_paragraph is not None and iv.to_paragraph is not None and iv.to_paragraph < iv.from_paragraph:
            errors.append(f"§ {iv.to_paragraph} ligger före § {iv.from_paragraph} i samma närvaroperiod")
        for bound in (iv.start, iv.end):
            if bound is None:
                continue
            if meeting_start is not None and bound < meeting_start:
                errors.append(f"{hhmm(bound)} ligger före mötets start {hhmm(meeting_start)}")
            elif meeting_end is not None and bound > meeting_end:
                errors.append(f"{hhmm(bound)} ligger efter mötets slut {hhmm(meeting_end)}")
    for i, j in overlapping(intervals):
        errors.append(
            f"Närvaroperioderna {describe(intervals[i])} och {describe(intervals[j])} överlappar varandra"
        )
    return errors


def estimate_times(
    known: Sequence[Time | None], meeting_start: Time | None, fallback_start: Time | None = None
) -> list[Time | None]:
    """Clock time for each paragraph in order, filling gaps.

    A paragraph without a time is taken to start when the last timed paragraph started
    (the protocol gives no better evidence, and people are still in the room then);
    before the first known time the meeting's start is used, else `fallback_start`
    (e.g. the earliest presence time in the attendance list).
    """
    current = meeting_start if meeting_start is not None else fallback_start
    out = []
    for t in known:
        if t is not None:
            current = t
        out.append(current)
    return out
