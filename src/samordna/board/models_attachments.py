"""What belongs with a paragraph besides its text: attached documents (bilagor) and links into the meeting's recording.

An attachment is either a document of the paragraph's case in the register (registry.Document, shared, not copied) or a
file uploaded to the meeting itself and kept here, checked by the register's upload rules. Both are part of the protocol
once it is adjusted: their titles and checksums are in the seal (protocols.export.seal_extras).
"""
from django.conf import settings
from django.db import models


def clock(seconds):
    """42 * 60 + 10 → "00:42:10"."""
    if seconds is None:
        return ""
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


class ParagraphAttachment(models.Model):
    paragraph = models.ForeignKey("board.Paragraph", on_delete=models.CASCADE, related_name="attachments")
    position = models.PositiveSmallIntegerField(default=0)
    # A case document stays in the register; the register refuses to delete it while it is attached.
    document = models.ForeignKey("registry.Document", on_delete=models.PROTECT, null=True, blank=True, related_name="paragraph_uses",
                                 verbose_name="handling i diariet")
    # Otherwise the file uploaded to the meeting.
    title = models.CharField("rubrik", max_length=300, blank=True)
    confidential = models.BooleanField("sekretess", default=False)
    filename = models.CharField("filnamn", max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField("storlek (byte)", default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    content = models.BinaryField(blank=True, default=b"")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["paragraph", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["paragraph", "document"], name="attachment_document_once"),
            models.CheckConstraint(condition=models.Q(document__isnull=False) | ~models.Q(sha256=""), name="attachment_has_file"),
        ]
        verbose_name = "bilaga"
        verbose_name_plural = "bilagor"

    def __str__(self):
        return self.label

    @property
    def label(self):
        return self.document.title if self.document_id else self.title

    @property
    def is_confidential(self):
        return self.document.confidential if self.document_id else self.confidential

    @property
    def checksum(self):
        return self.document.sha256 if self.document_id else self.sha256


class Recording(models.Model):
    """A link to the meeting's recording, optionally at the moment the paragraph begins ("00:42:10")."""

    paragraph = models.ForeignKey("board.Paragraph", on_delete=models.CASCADE, related_name="recordings")
    position = models.PositiveSmallIntegerField(default=0)
    url = models.URLField("adress till inspelningen", max_length=500)
    start = models.PositiveIntegerField("startar vid (sekunder)", null=True, blank=True)
    label = models.CharField("beskrivning", max_length=200, blank=True)

    class Meta:
        ordering = ["paragraph", "position", "id"]
        verbose_name = "inspelning"
        verbose_name_plural = "inspelningar"

    def __str__(self):
        return self.text

    @property
    def start_text(self):
        return clock(self.start)

    @property
    def text(self):
        """How the protocol prints it: "Inspelning: https://… (från 00:42:10)"."""
        where = f" (från {self.start_text})" if self.start is not None else ""
        label = f"{self.label}: " if self.label else ""
        return f"{label}{self.url}{where}"
