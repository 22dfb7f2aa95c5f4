"""The public notice board: adjusted protocols with their notice and appeal dates (KL 8 kap. 12 §, 13 kap. 5 §)."""
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from samordna.board.models import Meeting
from samordna.rules.deadlines import NoticeDates, notice_dates


@dataclass(frozen=True)
class Notice:
    meeting: Meeting
    dates: NoticeDates

    @property
    def current(self):
        return self.dates.remove_after >= timezone.localdate()


def posted_meetings(association, today: date | None = None):
    """Adjusted meetings whose notice is up: a posting day the secretary chose in the future shows from that day."""
    return Meeting.objects.filter(body__association=association, protocol_status=Meeting.ProtocolStatus.ADJUSTED,
                                  notice_posted__isnull=False, notice_posted__lte=today or timezone.localdate())


def notices(association, today: date | None = None):
    """Every posted notice of the association, newest first."""
    meetings = (
        posted_meetings(association, today)
        .select_related("body")
        .order_by("-notice_posted", "-date")
    )
    return [Notice(m, notice_dates(m.adjusted_on, m.notice_posted)) for m in meetings]


def split(association):
    all_notices = notices(association)
    return [n for n in all_notices if n.current], [n for n in all_notices if not n.current]


def summoned_public_meetings(association):
    """Coming meetings open to the public whose notice has been sent: the board announces them too."""
    public_by_charter = association.charter.meetings_public
    meetings = Meeting.objects.filter(body__association=association, date__gte=timezone.localdate(), summoned_on__isnull=False)
    return [m for m in meetings.select_related("body").order_by("date") if m.public or public_by_charter]


def delegated_announcements(association):
    """Delegated decisions the association announces until the board has taken note of them (anmälan)."""
    from samordna.registry.models import DelegatedDecision

    found = (DelegatedDecision.objects.filter(association=association, announce=True, paragraph__isnull=True)
             .select_related("point", "decided_by", "agenda_item").order_by("-decided_on"))
    return [d for d in found if d.reported_at is None]
