"""The meeting plan as iCalendar (RFC 5545), for download and for subscription."""
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def meeting_plan_ics(body) -> bytes:
    return _calendar(body, body.meetings.order_by("date", "start"))


def meeting_ics(meeting) -> bytes:
    """One meeting as an invitation attached to the notice of meeting."""
    return _calendar(meeting.body, [meeting], method="REQUEST")


def _calendar(body, meetings, method=None) -> bytes:
    stamp = datetime.now(timezone.utc).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", "-//samordna//sammanträdesplan//SV")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{body.name}, {body.association.name}")
    cal.add("x-wr-timezone", "Europe/Stockholm")
    if method:
        cal.add("method", method)
    for meeting in meetings:
        start = datetime.combine(meeting.date, meeting.start, tzinfo=STOCKHOLM)
        end = datetime.combine(meeting.date, meeting.end, tzinfo=STOCKHOLM) if meeting.end else start + timedelta(hours=3)
        event = Event()
        # A stable UID lets calendar programs update the event instead of duplicating it when the plan changes.
        event.add("uid", f"meeting-{meeting.pk}@{body.association.slug}.samordna")
        event.add("summary", f"{body.name}: sammanträde" + (f" ({meeting.label})" if meeting.label else ""))
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("location", meeting.place + (" (deltagande på distans möjligt)" if meeting.remote_participation else ""))
        event.add("description", f"{body.association.name} – {body.name}. " + ("Öppet för allmänheten." if meeting.public else ""))
        cal.add_component(event)
    return cal.to_ical()
