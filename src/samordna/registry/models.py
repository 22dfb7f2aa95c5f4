"""The case register (diarium): cases, their documents and the association's number format."""
from django.conf import settings
from django.db import models

from samordna.associations.models import Association
from samordna.board.models import Person
from samordna.rules.case_numbers import DEFAULT_FORMAT


class RegistrySettings(models.Model):
    association = models.OneToOneField(Association, on_delete=models.CASCADE, related_name="registry_settings")
    case_number_format = models.CharField(
        "format för diarienummer",
        max_length=50,
        default=DEFAULT_FORMAT,
        help_text="{nr} är löpnumret, {nr:3} löpnumret med tre siffror, {yy} årets två sista siffror och {yyyy} året. "
        "Exempel: {nr:2}/{yy} ger 16/23, {yyyy}-{nr:3} ger 2023-016.",
    )

    class Meta:
        verbose_name = "inställningar för diariet"
        verbose_name_plural = "inställningar för diariet"

    def __str__(self):
        return f"Diariet för {self.association}"


class Case(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Öppet"
        ON_AGENDA = "on_agenda", "På föredragningslista"
        DECIDED = "decided", "Beslutat"
        CLOSED = "closed", "Avslutat"

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="cases")
    number = models.CharField("diarienummer", max_length=50)
    # Two spellings of one number ("Dnr 16/23", "16/23") must collide in the database too.
    number_key = models.CharField(max_length=50, editable=False)
    title = models.CharField("ärendemening", max_length=300)
    received_on = models.DateField("inkom eller upprättades")
    handling_officer = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="handled_cases", verbose_name="handläggare"
    )
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.OPEN)
    description = models.TextField("anteckningar", blank=True)
    imported = models.BooleanField("nummer från annat diarium", default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["association", "-received_on", "-id"]
        constraints = [models.UniqueConstraint(fields=["association", "number_key"], name="case_unique_number")]
        verbose_name = "ärende"
        verbose_name_plural = "ärenden"

    def __str__(self):
        return f"Dnr {self.number} {self.title}"


class Document(models.Model):
    class Kind(models.TextChoices):
        STATEMENT = "statement", "Tjänsteutlåtande"
        ATTACHMENT = "attachment", "Bilaga"
        INCOMING = "incoming", "Inkommen skrivelse"
        OUTGOING = "outgoing", "Utgående skrivelse"
        EXTRACT = "extract", "Protokollsutdrag"
        REPORT = "report", "Rapport"
        OTHER = "other", "Övrig handling"

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="case_documents")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField("typ av handling", max_length=20, choices=Kind.choices, default=Kind.ATTACHMENT)
    title = models.CharField("rubrik", max_length=300)
    confidential = models.BooleanField(
        "sekretess", default=False, help_text="Visas bara för förbundschef, sekreterare och revisorer."
    )
    filename = models.CharField("filnamn", max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField("storlek (byte)")
    sha256 = models.CharField(max_length=64)
    # Stored in the database so a backup of the database is a backup of the register.
    content = models.BinaryField()
    text = models.TextField("text ur handlingen", blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["case", "uploaded_at", "id"]
        verbose_name = "handling"
        verbose_name_plural = "handlingar"

    def __str__(self):
        return self.title


from .models_followup import Assignment, DelegatedDecision, DelegationPoint, Notification  # noqa: E402,F401
from .models_dispatch import CaseRecipient, ExtractDispatch  # noqa: E402,F401
