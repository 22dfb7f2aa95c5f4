"""Who receives the board's decisions in a case (expediering), and the log of certified extracts sent to them."""
from django.conf import settings
from django.db import models


class CaseRecipient(models.Model):
    """E.g. "Härryda kommun, kommunstyrelsen" <kommunstyrelsen@…>: an extract of the decision goes there."""

    case = models.ForeignKey("registry.Case", on_delete=models.CASCADE, related_name="recipients")
    name = models.CharField("mottagare", max_length=200, help_text="Organisation och vid behov enhet, t.ex. ”Härryda kommun, kommunstyrelsen”.")
    email = models.EmailField("e-post")

    class Meta:
        ordering = ["case", "name", "id"]
        constraints = [models.UniqueConstraint(fields=["case", "email"], name="case_recipient_once")]
        verbose_name = "mottagare"
        verbose_name_plural = "mottagare"

    def __str__(self):
        return f"{self.name} <{self.email}>"


class ExtractDispatch(models.Model):
    """One sending of a certified extract: which paragraphs, to whom, when and by whom, and which PDF."""

    association = models.ForeignKey("associations.Association", on_delete=models.CASCADE, related_name="extract_dispatches")
    meeting = models.ForeignKey("board.Meeting", on_delete=models.PROTECT, related_name="extract_dispatches")
    paragraphs = models.ManyToManyField("board.Paragraph", related_name="extract_dispatches")
    cases = models.ManyToManyField("registry.Case", blank=True, related_name="extract_dispatches")
    # [{"name": …, "email": …}] as sent; kept as written even if the case's recipients change later.
    recipients = models.JSONField(default=list)
    subject = models.CharField(max_length=300)
    filename = models.CharField(max_length=255)
    sha256 = models.CharField("SHA-256 av utdraget", max_length=64)
    sent_at = models.DateTimeField(auto_now_add=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    sent_by_name = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-sent_at", "-id"]
        verbose_name = "skickat protokollsutdrag"
        verbose_name_plural = "skickade protokollsutdrag"

    def __str__(self):
        return self.subject

    @property
    def recipient_text(self):
        return ", ".join(f"{r['name']} <{r['email']}>" if r.get("name") else r["email"] for r in self.recipients)
