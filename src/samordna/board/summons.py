"""Kallelse: the notice of meeting with its agenda, sent to everyone holding a mandate in the body."""
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone

from .calendar import meeting_ics
from .models import Mandate


def recipients(meeting):
    mandates = Mandate.objects.filter(body=meeting.body).select_related("person")
    return sorted({m.person.email for m in mandates if m.current_on(meeting.date) and m.person.email})


def send_summons(meeting, link=""):
    """E-mail the notice with the agenda as text and an .ics invitation; returns the addresses it went to."""
    if not meeting.agenda_items.exists():
        raise ValidationError("Föredragningslistan är tom. Lägg till ärenden innan kallelsen skickas.")
    addresses = recipients(meeting)
    if not addresses:
        raise ValidationError("Ingen med uppdrag i organet har en e-postadress. Lägg till e-postadresser under Personer och uppdrag.")
    text = render_to_string("board/summons.txt", {"meeting": meeting, "items": meeting.agenda_items.all(), "link": link})
    message = EmailMessage(
        subject=f"Kallelse: {meeting.body.name} {meeting.date:%Y-%m-%d} kl. {meeting.start:%H:%M}",
        body=text,
        to=[],
        bcc=addresses,  # members' addresses are not shown to each other
    )
    message.attach("kallelse.ics", meeting_ics(meeting), "text/calendar; method=REQUEST; charset=utf-8")
    message.send()
    meeting.summoned_on = timezone.localdate()
    meeting.save(update_fields=["summoned_on"])
    return addresses
