"""Keeps the search index in step with protocols: every saved meeting, paragraph or decision is indexed at once."""
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from samordna.board.models import Attendance, Decision, Meeting, Paragraph
from samordna.registry.models import Case, Document

from . import engine, indexing


@receiver(post_save, sender=Meeting)
def meeting_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.index_meeting(instance)


@receiver(post_save, sender=Paragraph)
def paragraph_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.index_paragraph(instance)


@receiver([post_save, post_delete], sender=Decision)
def decision_changed(sender, instance, raw=False, **kwargs):
    if not raw and Paragraph.objects.filter(pk=instance.paragraph_id).exists():
        indexing.index_paragraph(instance.paragraph)


@receiver([post_save, post_delete], sender=Attendance)
def attendance_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.index_protocol(instance.meeting_id)


@receiver(post_delete, sender=Paragraph)
def paragraph_deleted(sender, instance, **kwargs):
    engine.remove(_association_id(instance.meeting_id), [f"paragraph:{instance.pk}"])


@receiver(post_delete, sender=Meeting)
def meeting_deleted(sender, instance, **kwargs):
    engine.remove(instance.body.association_id, [f"protocol:{instance.pk}"])


def _association_id(meeting_id):
    return Meeting.objects.filter(pk=meeting_id).values_list("body__association_id", flat=True).first()


@receiver(post_save, sender=Case)
@receiver(post_save, sender=Document)
def registry_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.index_case(instance if sender is Case else instance.case)


@receiver(post_delete, sender=Document)
def document_deleted(sender, instance, **kwargs):
    engine.remove(instance.association_id, [f"document:{instance.pk}"])


@receiver(post_delete, sender=Case)
def case_deleted(sender, instance, **kwargs):
    engine.remove(instance.association_id, [f"case:{instance.pk}"])
