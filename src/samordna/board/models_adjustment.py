"""Justering: the chair and the adjusters approve the protocol, which is then frozen and sealed with a hash."""
from django.conf import settings
from django.db import models


class Approval(models.Model):
    meeting = models.ForeignKey("board.Meeting", on_delete=models.PROTECT, related_name="approvals")
    person = models.ForeignKey("board.Person", on_delete=models.PROTECT, related_name="approvals")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approved_at = models.DateTimeField(auto_now_add=True)
    content_hash = models.CharField("SHA-256 av innehållet", max_length=64)

    class Meta:
        ordering = ["meeting", "approved_at"]
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="approval_once_per_person")]
        verbose_name = "justering"
        verbose_name_plural = "justeringar"


class ReturnComment(models.Model):
    """An adjuster sends the protocol back with a comment, optionally on one paragraph."""

    meeting = models.ForeignKey("board.Meeting", on_delete=models.CASCADE, related_name="return_comments")
    person = models.ForeignKey("board.Person", on_delete=models.PROTECT, related_name="+")
    paragraph = models.ForeignKey("board.Paragraph", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    comment = models.TextField("kommentar")
    created_at = models.DateTimeField(auto_now_add=True)
    resolved = models.BooleanField(default=False)

    class Meta:
        ordering = ["meeting", "created_at"]
        verbose_name = "återremittering av protokoll"
        verbose_name_plural = "återremitteringar av protokoll"
