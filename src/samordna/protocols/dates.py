"""Swedish dates and clock times as protocols write them.

"2021-11-25", "fredag den 24 mars 2023", "Tisdagen den 21 november" (year elsewhere),
"den 13/9 2023"; clock times "kl. 9:00–12:00", "Kl. 13 – 16:10", "14.00-14.30".
Every pattern is linear (no nested quantifiers) so huge lines cost linear time.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {"måndag": 0, "tisdag": 1, "onsdag": 2, "torsdag": 3, "fredag": 4, "lördag": 5, "söndag": 6}

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_RE = "|".join(WEEKDAYS)
ISO_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")
WORDS_RE = re.compile(
    rf"(?:\b({_WEEKDAY_RE})(?:en)?,?\s+)?(?:den\s+)?(?<!\d)(\d{{1,2}})(?::e|:a)?\s+({_MONTH_RE})\b\.?(?:,?\s+((?:19|20)\d\d)\b)?",
    re.IGNORECASE,
)
SLASH_RE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})[ -]((?:19|20)\d\d)(?!\d)")
YEAR_RE = re.compile(r"(?<![\d\-/])((?:19|20)\d\d)(?![\d\-/])")

_CLOCK = r"(\d{1,2})(?:[.:](\d{2}))?"
_DASH = r"\s*(?:[-–—]|till)\s*"
# A range needs "kl" or minutes on a side, so "16–64 år" and "5-6 april" are not times.
RANGE_RE = re.compile(rf"(?<![\d.:/,-])(kl\.?\s*)?{_CLOCK}{_DASH}(?:kl\.?\s*)?{_CLOCK}(?![\d/]|\.\d|-\d)", re.IGNORECASE)
SINGLE_RE = re.compile(rf"\bkl\.?\s*{_CLOCK}(?![\d/])", re.IGNORECASE)
BREAK_RE = re.compile(r"\b(?:ajournering|ajourneras|ajournerades|paus|uppehåll|lunch(?:paus)?)\b[^()\n]{0,12}?"
                      rf"(?:kl\.?\s*)?{_CLOCK}{_DASH}(?:kl\.?\s*)?{_CLOCK}", re.IGNORECASE)


@dataclass(frozen=True)
class DateHit:
    year: int | None
    month: int
    day: int
    weekday: int | None
    start: int
    end: int

    def resolve(self, year: int | None = None) -> dt.date | None:
        try:
            return dt.date(self.year or year, self.month, self.day) if (self.year or year) else None
        except ValueError:
            return None


def find_dates(text: str) -> list[DateHit]:
    """Every date written in `text`, in order of appearance."""
    hits = []
    for m in ISO_RE.finditer(text):
        hits.append(DateHit(int(m[1]), int(m[2]), int(m[3]), None, m.start(), m.end()))
    for m in WORDS_RE.finditer(text):
        weekday = WEEKDAYS.get(m[1].casefold()) if m[1] else None
        hits.append(DateHit(int(m[4]) if m[4] else None, MONTHS[m[3].casefold()], int(m[2]), weekday, m.start(), m.end()))
    for m in SLASH_RE.finditer(text):
        hits.append(DateHit(int(m[3]), int(m[2]), int(m[1]), None, m.start(), m.end()))
    hits = [h for h in hits if 1 <= h.month <= 12 and 1 <= h.day <= 31]
    hits.sort(key=lambda h: h.start)
    # Drop hits overlapping an earlier one ("2023-04-05" also contains no word date, but be safe).
    kept, last_end = [], -1
    for h in hits:
        if h.start >= last_end:
            kept.append(h)
            last_end = h.end
    return kept


def first_date(text: str, year_hint: int | None = None) -> dt.date | None:
    for hit in find_dates(text):
        date = hit.resolve(year_hint)
        if date:
            return date
    return None


def infer_year(hit: DateHit, years: Counter) -> tuple[int | None, bool]:
    """The year for a date printed without one: the most mentioned year whose weekday fits.

    Returns (year, certain) where certain means the printed weekday confirmed it."""
    ranked = [y for y, _ in years.most_common()]
    if hit.weekday is not None:
        for year in ranked + [y for y in range(2035, 1990, -1) if y not in ranked]:
            try:
                if dt.date(year, hit.month, hit.day).weekday() == hit.weekday:
                    return year, year in ranked
            except ValueError:
                continue
    return (ranked[0], False) if ranked else (None, False)


def years_in(texts) -> Counter:
    counts: Counter = Counter()
    for text in texts:
        counts.update(int(y) for y in YEAR_RE.findall(text))
    return counts


def clock(hour: str, minute: str | None) -> str | None:
    h, m = int(hour), int(minute or 0)
    return f"{h:02d}:{m:02d}" if 0 <= h <= 24 and 0 <= m <= 59 else None


def time_range(text: str) -> tuple[str | None, str | None, tuple[int, int] | None]:
    """The first clock range ("kl 13.00-16.00", "Kl. 13 – 16:10"), else a single "kl 15.45"."""
    for m in RANGE_RE.finditer(text):
        if not (m[1] or m[3] or m[5]):
            continue
        start, end = clock(m[2], m[3]), clock(m[4], m[5])
        if start and end:
            return start, end, m.span()
    m = SINGLE_RE.search(text)
    if m and clock(m[1], m[2]):
        return clock(m[1], m[2]), None, m.span()
    return None, None, None


def breaks(text: str) -> list[tuple[str, str]]:
    found = []
    for m in BREAK_RE.finditer(text):
        start, end = clock(m[1], m[2]), clock(m[3], m[4])
        if start and end:
            found.append((start, end))
    return found


def strip_breaks(text: str) -> str:
    return BREAK_RE.sub(" ", text)
