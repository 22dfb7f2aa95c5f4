"""After the decision: assignments with report-back, decisions taken under delegation, and received notifications."""
from django.db import models

from samordna.associations.models import Association
from samordna.board.models import AgendaItem, Body, Decision, Meeting, Paragraph, Person


class Assignment(models.Model):
    """A task a decision gives someone ("ge kansliet i uppdrag att …"), followed until it is reported back."""

    class Status(models.TextChoices):
        OPEN = "open", "Pågår"
        DONE = "done", "Klart"
        CANCELLED = "cancelled", "Avbrutet"

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="assignments")
    title = models.CharField("uppdrag", max_length=300)
    # Saving a paragraph rewrites its decision rows, so the paragraph and the clause's text are kept as well.
    decision = models.ForeignKey(Decision, on_delete=models.SET_NULL, null=True, blank=True, related_name="assignments", verbose_name="beslut")
    paragraph = models.ForeignKey(Paragraph, on_delete=models.SET_NULL, null=True, blank=True, related_name="assignments", verbose_name="paragraf")
    decision_text = models.TextField("beslutets lydelse", blank=True)
    case_number = models.CharField("diarienummer", max_length=50, blank=True)
    owner = models.ForeignKey(Person, on_delete=models.PROTECT, null=True, blank=True, related_name="assignments", verbose_name="ansvarig person")
    owner_body = models.ForeignKey(Body, on_delete=models.PROTECT, null=True, blank=True, related_name="assignments", verbose_name="ansvarigt organ")
    due_on = models.DateField("klart senast")
    report_to = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="report_backs", verbose_name="återrapporteras vid sammanträde"
    )
    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="assignments")
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.OPEN)
    completed_on = models.DateField("klart den", null=True, blank=True)
    note = models.TextField("anteckningar", blank=True)

    class Meta:
        ordering = ["association", "due_on", "id"]
        verbose_name = "uppdrag"
        verbose_name_plural = "uppdrag"

    def __str__(self):
        return self.title

    @property
    def owner_name(self):
        return " och ".join(str(x) for x in (self.owner_body, self.owner) if x) or "–"

    def overdue_on(self, day):
        return self.status == self.Status.OPEN and self.due_on < day


class DelegationPoint(models.Model):
    """One point of the association's delegation order (delegationsordning)."""

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="delegation_points")
    code = models.CharField("punkt", max_length=20, help_text="T.ex. 3.2")
    title = models.CharField("ärendetyp", max_length=300)
    delegate = models.CharField("delegat", max_length=200, help_text="T.ex. Förbundschef eller Arbetsutskottet")
    active = models.BooleanField("gäller", default=True)

    class Meta:
        ordering = ["association", "code"]
        constraints = [models.UniqueConstraint(fields=["association", "code"], name="delegationpoint_unique_code")]
        verbose_name = "punkt i delegationsordningen"
        verbose_name_plural = "delegationsordning"

    def __str__(self):
        return f"{self.code} {self.title}"


class DelegatedDecision(models.Model):
    """A decision taken under delegation, to be reported to the board (anmälan av delegationsbeslut, KL 6 kap. 40 §)."""

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="delegated_decisions")
    point = models.ForeignKey(DelegationPoint, on_delete=models.PROTECT, related_name="decisions", verbose_name="punkt i delegationsordningen")
    decided_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="delegated_decisions", verbose_name="beslutat av")
    decided_on = models.DateField("beslutsdatum")
    subject = models.TextField("beslut")
    case_number = models.CharField("diarienummer", max_length=50, blank=True)
    announce = models.BooleanField(
        "anslås på anslagstavlan", default=False,
        help_text="För beslut som kan överklagas: tillkännages på den offentliga anslagstavlan tills det anmälts.")
    # Reported once the board's protocol has a paragraph for the agenda item, or when the secretary names the paragraph.
    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="delegated_decisions")
    paragraph = models.ForeignKey(
        Paragraph, on_delete=models.SET_NULL, null=True, blank=True, related_name="delegated_decisions", verbose_name="anmäld vid paragraf"
    )

    class Meta:
        ordering = ["association", "decided_on", "id"]
        verbose_name = "delegationsbeslut"
        verbose_name_plural = "delegationsbeslut"

    def __str__(self):
        return f"{self.decided_on:%Y-%m-%d} {self.subject[:60]}"

    @property
    def reported_at(self):
        """The paragraph where the board took note of the decision, if there is one yet."""
        if self.paragraph_id:
            return self.paragraph
        if self.agenda_item_id:
            return self.agenda_item.paragraphs.select_related("meeting__body").first()
        return None


class Notification(models.Model):
    """A received notification reported to the board as a standing item (e.g. "Lex Heller – anmälningar")."""

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="notifications")
    category = models.CharField("kategori", max_length=100, default="Lex Heller")
    received_on = models.DateField("inkom")
    sender = models.CharField("avsändare", max_length=200)
    subject = models.CharField("ärende", max_length=300)
    case_number = models.CharField("diarienummer", max_length=50, blank=True)
    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="notifications")
    paragraph = models.ForeignKey(
        Paragraph, on_delete=models.SET_NULL, null=True, blank=True, related_name="notifications", verbose_name="behandlad vid paragraf"
    )
    action = models.TextField("åtgärd", blank=True)

    class Meta:
        ordering = ["association", "-received_on", "-id"]
        verbose_name = "anmälan"
        verbose_name_plural = "anmälningar"

    def __str__(self):
        return f"{self.received_on:%Y-%m-%d} {self.subject}"

    @property
    def handled_at(self):
        if self.paragraph_id:
            return self.paragraph
        if self.agenda_item_id:
            return self.agenda_item.paragraphs.select_related("meeting__body").first()
        return None
