"""Justering of a protocol (KL 5 kap. 69 §, 6 kap. 35 §; rules.md §5): the chair and the elected adjusters approve it,
then it is frozen, sealed with the SHA-256 of its canonical content and posted on the notice board."""
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from samordna.accounts.audit import record_update
from samordna.protocols.export import seal_hash, seal_holds
from samordna.rules.deadlines import notice_dates, posting_problems

from .models import Approval, Attendance, Meeting, ReturnComment

FRESH_LOGIN = timedelta(minutes=10)


def ensure_editable(meeting):
    """Only a draft may change: a protocol waiting for or past adjustment must stay what the adjusters read."""
    status = Meeting.objects.filter(pk=meeting.pk).values_list("protocol_status", flat=True).first()
    if status == Meeting.ProtocolStatus.ADJUSTED:
        raise ValidationError("Protokollet är justerat och kan inte ändras. Rättelser görs i en ny paragraf vid ett senare möte.")
    if status == Meeting.ProtocolStatus.READY:
        raise ValidationError("Protokollet väntar på justering. Återta det till utkast innan du ändrar.")


def signatories(meeting):
    people = [meeting.chair] if meeting.chair else []
    return people + [p for p in meeting.adjusters.order_by("name") if p not in people]


def mark_ready(meeting, link=None):
    errors = []
    if meeting.protocol_status != Meeting.ProtocolStatus.DRAFT:
        errors.append("Bara ett utkast kan skickas till justering.")
    if not meeting.paragraphs.exists():
        errors.append("Protokollet har inga paragrafer.")
    if meeting.chair is None:
        errors.append("Välj mötets ordförande under Närvaro.")
    wanted = meeting.association.charter.adjusters
    if meeting.adjusters.count() < wanted:
        errors.append(f"Förbundsordningen kräver {wanted} justerare; välj justerare under Närvaro.")
    present = set(meeting.attendances.filter(status=Attendance.Status.PRESENT).values_list("person_id", flat=True))
    for person in signatories(meeting):
        if person.pk not in present:
            errors.append(f"{person.name} var inte närvarande och kan inte justera protokollet.")
    from .votes import pending_lots

    for paragraph in pending_lots(meeting):
        errors.append(f"Omröstningen vid § {paragraph.number} gav lika röstetal och ska avgöras genom lottning. "
                      "Förrätta lottningen innan protokollet skickas till justering.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        meeting.protocol_status = Meeting.ProtocolStatus.READY
        meeting.save(update_fields=["protocol_status"])
        record_update(meeting.return_comments.filter(resolved=False), resolved=True)  # logged row by row
    _notify(meeting, link)


def _notify(meeting, link):
    recipients = [p.email for p in signatories(meeting) if p.email]
    if recipients and link:
        send_mail(
            f"Protokoll att justera: {meeting.body.name} {meeting.date:%Y-%m-%d}",
            f"Protokollet från {meeting.body.name}s sammanträde {meeting.date:%Y-%m-%d} är klart för justering.\n\n"
            f"Läs det och justera eller återremittera här: {link}\n",
            None,
            recipients,
        )


def withdraw(meeting):
    """The secretary takes a protocol back to draft; approvals given so far no longer count."""
    if meeting.protocol_status != Meeting.ProtocolStatus.READY:
        raise ValidationError("Bara ett protokoll som väntar på justering kan återtas.")
    with transaction.atomic():
        meeting.approvals.all().delete()
        meeting.protocol_status = Meeting.ProtocolStatus.DRAFT
        meeting.save(update_fields=["protocol_status"])


def _check_signatory(meeting, person):
    if meeting.protocol_status == Meeting.ProtocolStatus.ADJUSTED:
        raise ValidationError("Protokollet är redan justerat.")
    if meeting.protocol_status != Meeting.ProtocolStatus.READY:
        raise ValidationError("Protokollet är inte klart för justering.")
    if person is None or person not in signatories(meeting):
        raise ValidationError("Du är inte ordförande eller vald justerare för det här protokollet.")


def fresh_login(authenticated_at, now=None):
    return authenticated_at is not None and (now or timezone.now()) - authenticated_at <= FRESH_LOGIN


def approve(meeting, person, user, *, authenticated_at):
    """Record one approval; when the chair and every adjuster have approved, freeze and seal the protocol."""
    _check_signatory(meeting, person)
    if not fresh_login(authenticated_at):
        raise ValidationError("Logga in igen för att justera – justering kräver en inloggning från de senaste tio minuterna.")
    if meeting.approvals.filter(person=person).exists():
        raise ValidationError(f"{person.name} har redan justerat protokollet.")
    with transaction.atomic():
        digest = seal_hash(meeting)
        Approval.objects.create(meeting=meeting, person=person, user=user, content_hash=digest)
        approved = set(meeting.approvals.values_list("person_id", flat=True))
        if approved >= {p.pk for p in signatories(meeting)}:
            if set(meeting.approvals.values_list("content_hash", flat=True)) != {digest}:
                raise ValidationError("Protokollet har ändrats sedan någon justerade det. Återta det och skicka det på nytt.")
            today = timezone.localdate()
            meeting.protocol_status = Meeting.ProtocolStatus.ADJUSTED
            meeting.adjusted_on = today
            meeting.content_hash = digest
            meeting.notice_posted = today
            meeting.save(update_fields=["protocol_status", "adjusted_on", "content_hash", "notice_posted"])
    return meeting


def return_protocol(meeting, person, comment, paragraph=None):
    """An adjuster sends the protocol back to the secretary with a comment; earlier approvals lapse."""
    _check_signatory(meeting, person)
    if not comment.strip():
        raise ValidationError({"comment": ["Skriv vad som behöver ändras."]})
    if paragraph is not None and paragraph.meeting_id != meeting.pk:
        raise ValidationError({"paragraph": ["Paragrafen hör inte till det här protokollet."]})
    with transaction.atomic():
        ReturnComment.objects.create(meeting=meeting, person=person, paragraph=paragraph, comment=comment.strip())
        meeting.approvals.all().delete()
        meeting.protocol_status = Meeting.ProtocolStatus.DRAFT
        meeting.save(update_fields=["protocol_status"])


def verify(meeting):
    """True when the stored rows still produce the hash sealed at adjustment (protocols.export.seal_holds)."""
    return seal_holds(meeting)


def set_notice_posted(meeting, posted, today=None):
    """The secretary chooses the day the notice goes up (rules.md §5: at the latest the second day after justering).

    Take-down and appeal dates follow from it (rules/deadlines.notice_dates). A notice already up since an earlier day
    stays where it is: its appeal time has started.
    """
    today = today or timezone.localdate()
    if not meeting.frozen:
        raise ValidationError({"posted": ["Protokollet är inte justerat ännu. Anslagsdagen väljs när protokollet är justerat."]})
    if posted is None:
        raise ValidationError({"posted": ["Ange anslagsdagen som ÅÅÅÅ-MM-DD."]})
    if meeting.notice_posted is not None and meeting.notice_posted < today:
        raise ValidationError({"posted": [f"Anslaget sattes upp {meeting.notice_posted.isoformat()} och tiden för överklagande "
                                          "har börjat löpa. Anslagsdagen kan inte ändras."]})
    problems = posting_problems(meeting.adjusted_on, posted, today)
    if problems:
        raise ValidationError({"posted": list(problems)})
    record_update(Meeting.objects.filter(pk=meeting.pk), notice_posted=posted)
    meeting.notice_posted = posted
    return notice_dates(meeting.adjusted_on, posted)
