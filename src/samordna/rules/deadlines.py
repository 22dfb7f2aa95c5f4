"""Deadlines after a board meeting (justering, anslag, överklagande) and for a Member's withdrawal.

Sources (rules.md §5 and R4.1):
- Justering within 14 days of the meeting (munkedal.se, goteborg.se pages cited in rules.md).
- Anslag on the association's notice board at the latest the second day after justering, kept up
  until the appeal time has run (KL 8 kap. 12 §).
- Laglighetsprövning within three weeks from the day the notice was posted (KL 13 kap. 5 §,
  via FinsamL 28 §); a last day that is no working day moves on (Lag 1930:173).
- Anslag kept one day past the last appeal day, as the Göteborg and Kramfors notices do.
- Utträde: three years' notice unless the charter sets a shorter period (FinsamL, rules.md R4.1);
  charters usually count "från utgången av det år då uppsägningen skedde".
"""
from dataclasses import dataclass
from datetime import date, timedelta

from .holidays import holiday_name, next_working_day

__all__ = ["NoticeDates", "adjustment_deadline", "posting_deadline", "latest_posting", "posting_problems", "deadline_warnings",
           "notice_dates", "withdrawal_effective", "WITHDRAWAL_RULES"]

APPEAL_DAYS = 21  # "tre veckor"
MAX_NOTICE_YEARS = 3  # the law's period; a charter may only shorten it
WITHDRAWAL_RULES = ("end_of_notice_year", "from_notice")


@dataclass(frozen=True)
class NoticeDates:
    posted: date
    appeal_last_day: date
    remove_after: date  # first day the notice may be taken down
    warnings: tuple[str, ...] = ()


def adjustment_deadline(meeting_date: date, days: int = 14) -> date:
    """Last day for justering. Not moved off holidays: see `deadline_warnings` (T15)."""
    return meeting_date + timedelta(days=days)


def posting_deadline(adjusted_on: date, days: int = 2) -> date:
    """Last day to post the notice, as the rule reads ("senast andra dagen efter justeringen")."""
    return adjusted_on + timedelta(days=days)


def latest_posting(adjusted_on: date) -> date:
    """The last lawful posting day: the second day after justering, or the next working day when that day is none
    (Lag 1930:173). Posting later still starts the appeal clock (see `notice_dates`), but the secretary may not choose it."""
    return next_working_day(posting_deadline(adjusted_on))


def posting_problems(adjusted_on: date, posted: date, today: date | None = None) -> tuple[str, ...]:
    """Swedish reasons why the secretary may not choose `posted` as the notice's posting day; empty when it is fine.

    The day must be on or after the justering, no later than `latest_posting`, and – given `today` – not in the
    past, since a notice cannot be put up after the fact.
    """
    if posted < adjusted_on:
        return (f"Anslaget kan inte sättas upp {posted.isoformat()}, före justeringen {adjusted_on.isoformat()}.",)
    latest = latest_posting(adjusted_on)
    if posted > latest:
        moved = "" if latest == posting_deadline(adjusted_on) else (
            f" ({posting_deadline(adjusted_on).isoformat()} är ingen arbetsdag, så fristen går ut nästa arbetsdag)")
        return (f"Anslaget ska sättas upp senast {latest.isoformat()}, andra dagen efter justeringen "
                f"{adjusted_on.isoformat()}{moved}. {posted.isoformat()} är för sent.",)
    if today is not None and posted < today:
        return (f"Anslaget kan inte sättas upp i efterhand ({posted.isoformat()}). Välj i dag, {today.isoformat()}, "
                "eller en senare dag.",)
    return ()


def deadline_warnings(due: date, what: str) -> tuple[str, ...]:
    """A Swedish warning when the last day for `what` ("justering", "anslag") is no working day.

    The law would let the act wait for the next working day, but the chair and adjusters are
    easier to reach before a holiday, so the user is told rather than the date silently moved.
    """
    name = holiday_name(due)
    if name is None:
        return ()
    later = next_working_day(due)
    return (f"Sista dagen för {what} ({due.isoformat()}) är {name}. Enligt lagen (1930:173) om "
            f"beräkning av lagstadgad tid går fristen ut först {later.isoformat()}, "
            "men planera gärna för en tidigare dag.",)


def notice_dates(adjusted_on: date, posted_on: date | None = None) -> NoticeDates:
    """Dates for the notice of an adjusted protocol; `posted_on` defaults to the adjustment day."""
    posted = adjusted_on if posted_on is None else posted_on
    if posted < adjusted_on:
        raise ValueError(f"Anslaget kan inte sättas upp ({posted.isoformat()}) före "
                         f"justeringen ({adjusted_on.isoformat()}).")
    warnings = ()
    # A late notice still starts the appeal clock, so the dates are computed and the lateness
    # reported; posting on the next working day after a weekend deadline is lawful (1930:173).
    latest = latest_posting(adjusted_on)
    if posted > latest:
        warnings = (f"Anslaget sattes upp {posted.isoformat()}, efter sista tillåtna dagen "
                    f"{latest.isoformat()} (andra dagen efter justeringen). "
                    "Överklagandetiden räknas ändå från den dag anslaget sattes upp.",)
    appeal_last_day = next_working_day(posted + timedelta(days=APPEAL_DAYS))
    return NoticeDates(posted, appeal_last_day, appeal_last_day + timedelta(days=1), warnings)


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February: a period in years ends on the month's last day
        return d.replace(year=d.year + years, day=28)


def withdrawal_effective(notice: date, years: int = 3, rule: str = "end_of_notice_year") -> date:
    """Last day of membership after a notice of withdrawal (T11: 2020-06-15 → 2023-12-31)."""
    if rule not in WITHDRAWAL_RULES:
        raise ValueError(f"Okänd regel för uppsägningstid: {rule!r}. Välj "
                         "end_of_notice_year (från utgången av uppsägningsåret) eller "
                         "from_notice (från uppsägningsdagen).")
    if isinstance(years, bool) or not isinstance(years, int) or not 0 <= years <= MAX_NOTICE_YEARS:
        raise ValueError(f"Uppsägningstiden måste vara ett helt antal år mellan 0 och "
                         f"{MAX_NOTICE_YEARS}: lagen ger tre år och förbundsordningen får bara "
                         f"ange en kortare tid (fick {years!r}).")
    if rule == "end_of_notice_year":
        return date(notice.year + years, 12, 31)
    return _add_years(notice, years)
