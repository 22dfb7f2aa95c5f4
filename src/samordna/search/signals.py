"""Keeps the search index in step with protocols: every saved meeting, paragraph or decision is indexed at once,
or, inside `batch()`, once at its end however many of its parts were written."""
import contextvars
from contextlib import contextmanager

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from samordna.board.models import Attendance, Decision, Meeting, Paragraph
from samordna.registry.models import Case, Document

from . import engine, indexing


_batch = contextvars.ContextVar("samordna_search_batch", default=None)


@contextmanager
def batch():
    """`with batch():` a paragraph saved with its decision clauses is indexed once, not once per clause."""
    if _batch.get() is not None:
        yield
        return
    pending = {}
    token = _batch.set(pending)
    try:
        yield
    finally:
        _batch.reset(token)
    for paragraph_id in pending:
        paragraph = Paragraph.objects.filter(pk=paragraph_id).first()
        if paragraph is not None:
            indexing.index_paragraph(paragraph)


def _paragraph_changed(paragraph_id):
    pending = _batch.get()
    if pending is not None:
        pending[paragraph_id] = True
    elif Paragraph.objects.filter(pk=paragraph_id).exists():
        indexing.index_paragraph(Paragraph(pk=paragraph_id))


@receiver(post_save, sender=Meeting)
def meeting_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.index_meeting(instance)


@receiver(post_save, sender=Paragraph)
def paragraph_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        if _batch.get() is not None:
            _paragraph_changed(instance.pk)
        else:
            indexing.index_paragraph(instance)


@receiver([post_save, post_delete], sender=Decision)
def decision_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _paragraph_changed(instance.paragraph_id)


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
