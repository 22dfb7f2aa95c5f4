"""Bodies, people and mandates, meetings, agenda, attendance and the protocol's paragraphs."""
import secrets

from django.conf import settings
from django.db import models

from samordna.associations.models import Association, Charter, Member


class Body(models.Model):
    """Styrelsen, arbetsutskottet, beredningsgruppen …: anything that meets and keeps protocols."""

    class Kind(models.TextChoices):
        BOARD = "board", "Styrelse"
        COMMITTEE = "committee", "Arbetsutskott"
        PREPARATORY = "preparatory", "Beredningsgrupp"
        MEMBERS_MEETING = "members_meeting", "Medlemssamråd"
        OTHER = "other", "Annat organ"

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="bodies")
    name = models.CharField("namn", max_length=200)
    slug = models.SlugField("kortnamn i adressen")
    kind = models.CharField("slag", max_length=20, choices=Kind.choices, default=Kind.BOARD)
    numbering = models.CharField(
        "paragrafnumrering",
        max_length=20,
        choices=[("", "Enligt förbundsordningen")] + list(Charter.Numbering.choices),
        blank=True,
    )
    first_number = models.PositiveIntegerField(
        "första paragrafnummer",
        default=1,
        help_text="Används när organet ännu inte har några protokoll i systemet, t.ex. § 1121 för löpande numrering.",
    )
    calendar_token = models.CharField(max_length=64, default=secrets.token_urlsafe, editable=False)

    class Meta:
        ordering = ["association", "kind", "name"]
        constraints = [models.UniqueConstraint(fields=["association", "slug"], name="body_unique_slug")]
        verbose_name = "organ"
        verbose_name_plural = "organ"

    def __str__(self):
        return self.name

    @property
    def numbering_scheme(self):
        return self.numbering or self.association.charter.numbering


class SeatGroup(models.Model):
    """The charter's seats: usually one Member, but several Members may hold seats together."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="seat_groups")
    name = models.CharField("namn", max_length=200)
    seats = models.PositiveSmallIntegerField("antal platser", default=1)
    members = models.ManyToManyField(Member, related_name="seat_groups", verbose_name="förbundsmedlemmar")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["body", "position", "name"]
        constraints = [models.UniqueConstraint(fields=["body", "name"], name="seatgroup_unique_name")]
        verbose_name = "platsgrupp"
        verbose_name_plural = "platsgrupper"

    def __str__(self):
        return self.name


class Person(models.Model):
    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="people")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="people", verbose_name="inloggning"
    )
    name = models.CharField("namn", max_length=200)
    party = models.CharField("parti", max_length=20, blank=True)
    title = models.CharField("titel", max_length=200, blank=True, help_text="T.ex. förbundschef")
    employer = models.CharField("organisation", max_length=200, blank=True, help_text="För tjänstepersoner och gäster")
    email = models.EmailField("e-post", blank=True)

    class Meta:
        ordering = ["association", "name"]
        verbose_name = "person"
        verbose_name_plural = "personer"

    def __str__(self):
        return f"{self.name} ({self.party})" if self.party else self.name


class Role(models.TextChoices):
    MEMBER = "member", "Ledamot"
    SUBSTITUTE = "substitute", "Ersättare"
    CO_OPTED = "co_opted", "Adjungerad"
    OFFICIAL = "official", "Tjänsteperson"
    GUEST = "guest", "Gäst"


class Mandate(models.Model):
    class Function(models.TextChoices):
        NONE = "", "—"
        CHAIR = "chair", "Ordförande"
        VICE_CHAIR = "vice_chair", "Vice ordförande"
        SECRETARY = "secretary", "Sekreterare"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="mandates")
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="mandates")
    member = models.ForeignKey(
        Member, on_delete=models.PROTECT, null=True, blank=True, related_name="mandates", verbose_name="förbundsmedlem"
    )
    role = models.CharField("roll", max_length=20, choices=[c for c in Role.choices if c[0] != "guest"])
    function = models.CharField("uppdrag", max_length=20, choices=Function.choices, blank=True)
    substitute_order = models.PositiveSmallIntegerField("turordning", default=1)
    term_start = models.DateField("från", null=True, blank=True)
    term_end = models.DateField("till och med", null=True, blank=True)

    class Meta:
        ordering = ["body", "role", "member__name", "substitute_order", "person__name"]
        verbose_name = "uppdrag"
        verbose_name_plural = "uppdrag"

    def __str__(self):
        return f"{self.person.name}, {self.get_role_display().lower()} ({self.member or self.body})"

    def current_on(self, day):
        return (self.term_start is None or self.term_start <= day) and (self.term_end is None or day <= self.term_end)


class PresidiumTerm(models.Model):
    """Turordning: which Member holds the chair and the vice chair which year."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="presidium_terms")
    year = models.PositiveSmallIntegerField("år")
    chair_member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+", verbose_name="ordförande från")
    vice_chair_member = models.ForeignKey(
        Member, on_delete=models.PROTECT, related_name="+", null=True, blank=True, verbose_name="vice ordförande från"
    )

    class Meta:
        ordering = ["body", "year"]
        constraints = [models.UniqueConstraint(fields=["body", "year"], name="presidium_unique_year")]
        verbose_name = "presidiets turordning"
        verbose_name_plural = "presidiets turordning"


class Meeting(models.Model):
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField("datum")
    start = models.TimeField("starttid")
    end = models.TimeField("sluttid", null=True, blank=True)
    place = models.CharField("plats", max_length=300)
    remote_participation = models.BooleanField("deltagande på distans möjligt", default=False)
    public = models.BooleanField("öppet för allmänheten", default=False)
    label = models.CharField("beteckning", max_length=100, blank=True, help_text="T.ex. Protokoll 6")
    first_number = models.PositiveIntegerField(
        "första paragrafnummer", null=True, blank=True, help_text="Lämna tomt så räknas numret fram enligt förbundsordningen."
    )
    chair = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="ordförande")
    secretary = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="sekreterare"
    )
    adjusters = models.ManyToManyField(Person, blank=True, related_name="+", verbose_name="justerare")

    class ProtocolStatus(models.TextChoices):
        DRAFT = "draft", "Utkast"
        READY = "ready", "Klart för justering"
        ADJUSTED = "adjusted", "Justerat"

    protocol_status = models.CharField("protokollets status", max_length=20, choices=ProtocolStatus.choices, default="draft")
    adjusted_on = models.DateField("justeringsdag", null=True, blank=True)
    content_hash = models.CharField("SHA-256 av det justerade protokollet", max_length=64, blank=True)
    notice_posted = models.DateField("anslaget", null=True, blank=True)
    summoned_on = models.DateField("kallelse skickad", null=True, blank=True)

    class Meta:
        ordering = ["body", "date", "start"]
        verbose_name = "sammanträde"
        verbose_name_plural = "sammanträden"

    def __str__(self):
        return f"{self.body.name} {self.date:%Y-%m-%d}"

    @property
    def association(self):
        return self.body.association

    @property
    def frozen(self):
        return self.protocol_status == self.ProtocolStatus.ADJUSTED


class AgendaItem(models.Model):
    class Kind(models.TextChoices):
        DECISION = "decision", "Beslutsärende"
        INFORMATION = "information", "Informationsärende"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveSmallIntegerField("ordning", default=0)
    title = models.CharField("rubrik", max_length=300)
    kind = models.CharField("slag", max_length=20, choices=Kind.choices, default=Kind.DECISION)
    case_number = models.CharField("diarienummer", max_length=50, blank=True)
    proposal = models.TextField("förslag till beslut", blank=True)
    tabled_from = models.ForeignKey(
        "Paragraph", on_delete=models.SET_NULL, null=True, blank=True, related_name="resumed_by", verbose_name="bordlagt vid"
    )

    class Meta:
        ordering = ["meeting", "position", "id"]
        verbose_name = "ärende på föredragningslistan"
        verbose_name_plural = "föredragningslista"

    def __str__(self):
        return self.title


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", "Närvarande"
        ABSENT = "absent", "Anmält förhinder"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="attendances")
    mandate = models.ForeignKey(Mandate, on_delete=models.SET_NULL, null=True, blank=True, related_name="attendances")
    role = models.CharField("roll", max_length=20, choices=Role.choices)
    status = models.CharField("närvaro", max_length=20, choices=Status.choices, default=Status.PRESENT)
    remote = models.BooleanField("på distans", default=False)
    replaces = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="ersätter"
    )
    note = models.CharField("anteckning", max_length=200, blank=True, help_text="T.ex. under § 41")

    class Meta:
        ordering = ["meeting", "role", "person__name"]
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="attendance_unique_person")]
        verbose_name = "närvaro"
        verbose_name_plural = "närvaro"

    def __str__(self):
        return f"{self.person.name} – {self.meeting}"


class Presence(models.Model):
    """Partial presence: clock times ("13:30–14:00") or paragraphs ("lämnar efter § 1127"). None = whole meeting."""

    attendance = models.ForeignKey(Attendance, on_delete=models.CASCADE, related_name="presences")
    start = models.TimeField("från kl.", null=True, blank=True)
    end = models.TimeField("till kl.", null=True, blank=True)
    from_paragraph = models.PositiveIntegerField("från §", null=True, blank=True)
    to_paragraph = models.PositiveIntegerField("till och med §", null=True, blank=True)

    class Meta:
        ordering = ["attendance", "start", "from_paragraph", "id"]
        verbose_name = "närvarointervall"
        verbose_name_plural = "närvarointervall"


class _Shown:
    """`shown_<name>`: a paragraph's related rows as selectors.displayed_paragraphs read them for a whole protocol at
    once (into "_shown_<name>"), or, for a paragraph read on its own, read now."""

    def __set_name__(self, owner, name):
        self.related = name.removeprefix("shown_")

    def __get__(self, paragraph, owner=None):
        if paragraph is None:
            return self
        rows = paragraph.__dict__.get(f"_shown_{self.related}")
        return rows if rows is not None else list(getattr(paragraph, self.related).all())


class Paragraph(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="paragraphs")
    number = models.PositiveIntegerField("paragrafnummer")
    sub = models.CharField("underpunkt", max_length=5, blank=True, help_text="Bokstav för underpunkter, t.ex. a, b, c under § 6.")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField("rubrik", max_length=300)
    kind = models.CharField("slag", max_length=20, choices=AgendaItem.Kind.choices, default=AgendaItem.Kind.DECISION)
    case_number = models.CharField("diarienummer", max_length=50, blank=True)
    text = models.TextField("text", blank=True)
    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="paragraphs")
    tabled = models.BooleanField("bordläggs", default=False)
    adjusted_immediately = models.BooleanField("omedelbart justerad", default=False)
    start = models.TimeField("kl.", null=True, blank=True, help_text="När paragrafen behandlades; styr vem som var närvarande.")
    end = models.TimeField("till kl.", null=True, blank=True)

    class Meta:
        ordering = ["meeting", "number", "sub", "position"]
        constraints = [models.UniqueConstraint(fields=["meeting", "number", "sub"], name="paragraph_unique_number")]
        verbose_name = "paragraf"
        verbose_name_plural = "paragrafer"

    def __str__(self):
        return f"§ {self.number}{' ' + self.sub if self.sub else ''} {self.title}"

    @property
    def label(self):
        return f"{self.number} {self.sub}." if self.sub else str(self.number)

    @property
    def is_information(self):
        return self.kind == AgendaItem.Kind.INFORMATION

    # What the protocol pages print of a paragraph (see _Shown).
    shown_decisions = _Shown()
    shown_attachments = _Shown()
    shown_recordings = _Shown()
    shown_motions = _Shown()
    shown_reservations = _Shown()
    shown_disqualifications = _Shown()

    @property
    def shown_vote(self):
        """The roll-call vote, or None (a missing one-to-one raises, which templates resolve slowly)."""
        return getattr(self, "vote", None)


class Decision(models.Model):
    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="decisions")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.TextField("beslut")

    class Meta:
        ordering = ["paragraph", "position", "id"]
        verbose_name = "beslut"
        verbose_name_plural = "beslut"

    def __str__(self):
        return self.text


class StandardItem(models.Model):
    """The association's protocol template: paragraphs every meeting opens with."""

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="standard_items")
    position = models.PositiveSmallIntegerField("ordning", default=0)
    title = models.CharField("rubrik", max_length=300)
    kind = models.CharField("slag", max_length=20, choices=AgendaItem.Kind.choices, default=AgendaItem.Kind.DECISION)
    text = models.TextField("text", blank=True, help_text="{ordforande}, {justerare} och {datum} fylls i automatiskt.")
    decision = models.TextField("beslut", blank=True, help_text="Ett beslut per rad, utan inledande ”att”.")

    class Meta:
        ordering = ["association", "position", "id"]
        verbose_name = "standardpunkt"
        verbose_name_plural = "standardpunkter"

    def __str__(self):
        return self.title


from .models_adjustment import Approval, ReturnComment  # noqa: E402,F401  (Django finds models through this module)
from .models_import import ProtocolImport  # noqa: E402,F401
from .models_votes import Ballot, Disqualification, Motion, Reservation, Vote  # noqa: E402,F401
from .models_attachments import ParagraphAttachment, Recording  # noqa: E402,F401
