"""Imported protocols: one uploaded file, its parsed preview (the interchange format) and, once confirmed, its meeting."""
from django.conf import settings
from django.db import models


class ProtocolImport(models.Model):
    class Status(models.TextChoices):
        UPLOADED = "uploaded", "Uppladdad"
        PREVIEW = "preview", "Förhandsgranskas"
        FAILED = "failed", "Kunde inte läsas"
        CONFIRMED = "confirmed", "Importerad"
        DUPLICATE = "duplicate", "Redan importerad"

    association = models.ForeignKey("associations.Association", on_delete=models.CASCADE, related_name="protocol_imports")
    batch = models.CharField("omgång", max_length=32, db_index=True)
    filename = models.CharField("filnamn", max_length=255)
    # The same file imported twice is recognised by the hash of its bytes, whatever it is called.
    content_hash = models.CharField("SHA-256 av filen", max_length=64)
    source = models.BinaryField("filens innehåll")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.UPLOADED)
    data = models.JSONField("tolkat protokoll", null=True, blank=True)
    warnings = models.JSONField("varningar", default=list, blank=True)
    error = models.TextField("fel", blank=True)
    body = models.ForeignKey("board.Body", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    meeting = models.OneToOneField(
        "board.Meeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="protocol_import"
    )
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at", "filename"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "content_hash"],
                condition=models.Q(status="confirmed"),
                name="protocol_import_once_per_file",
            )
        ]
        verbose_name = "importerat protokoll"
        verbose_name_plural = "importerade protokoll"

    def __str__(self):
        return self.filename
