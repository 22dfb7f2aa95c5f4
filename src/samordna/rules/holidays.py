"""Swedish public holidays and the days a statutory deadline cannot end on.

Sources (rules.md §5, the appeal formula):
- Lag (1989:253) om allmänna helgdagar: every Sunday and the named holidays below.
- Lag (1930:173) om beräkning av lagstadgad tid: a deadline whose last day is a Saturday,
  Sunday or other public holiday, midsommarafton, julafton or nyårsafton ends on the next
  day that is none of these.

Everything is computed, so any year works under the holiday law of 1989; its one change
(SFS 2004:1324: nationaldagen in, annandag pingst out from 2005) is honoured so that protocols
from before 2005 get the right dates. Older holiday laws are out of scope.
"""
from datetime import date, timedelta
from functools import lru_cache

__all__ = ["easter_sunday", "public_holidays", "holiday_name", "is_holiday", "is_working_day",
           "next_working_day"]


def easter_sunday(year: int) -> date:
    """Påskdagen by the anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _saturday_from(start: date) -> date:
    # The floating holidays are "the Saturday in the week from <start>".
    return start + timedelta(days=(5 - start.weekday()) % 7)


@lru_cache(maxsize=256)
def public_holidays(year: int) -> dict[date, str]:
    """Named holidays and the three eves Lag (1930:173) treats like them, date → Swedish name.

    Plain Saturdays and Sundays are not listed here; `is_holiday` covers them.
    """
    easter = easter_sunday(year)
    midsummer = _saturday_from(date(year, 6, 20))
    days = {
        date(year, 1, 1): "nyårsdagen",
        date(year, 1, 6): "trettondedag jul",
        easter - timedelta(days=2): "långfredagen",
        easter: "påskdagen",
        easter + timedelta(days=1): "annandag påsk",
        date(year, 5, 1): "första maj",
        easter + timedelta(days=39): "Kristi himmelsfärdsdag",
        easter + timedelta(days=49): "pingstdagen",
        midsummer - timedelta(days=1): "midsommarafton",
        midsummer: "midsommardagen",
        _saturday_from(date(year, 10, 31)): "alla helgons dag",
        date(year, 12, 24): "julafton",
        date(year, 12, 25): "juldagen",
        date(year, 12, 26): "annandag jul",
        date(year, 12, 31): "nyårsafton",
    }
    if year >= 2005:  # SFS 2004:1324
        days[date(year, 6, 6)] = "Sveriges nationaldag"
    else:
        days[easter + timedelta(days=50)] = "annandag pingst"
    return days


def holiday_name(d: date) -> str | None:
    """Swedish name of the day if a deadline cannot end on it ("långfredagen", "lördag"), else None."""
    name = public_holidays(d.year).get(d)
    if name is None and d.weekday() >= 5:
        name = "lördag" if d.weekday() == 5 else "söndag"
    return name


def is_holiday(d: date) -> bool:
    """True for every day Lag (1930:173) moves a deadline away from, weekends included."""
    return holiday_name(d) is not None


def is_working_day(d: date) -> bool:
    return not is_holiday(d)


def next_working_day(d: date) -> date:
    """`d` itself if it is a working day, otherwise the first working day after it."""
    while is_holiday(d):
        d += timedelta(days=1)
    return d
