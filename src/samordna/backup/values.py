"""How one row is written to the archive and read back: JSON that means the same on SQLite and PostgreSQL.

Numbers, text, booleans and JSON columns are themselves; exact decimals, dates, times and durations are ISO strings
(a decimal never passes through a float); a stored file is the name of its member under documents/; a pointer to a
content type or permission is its natural key. Reading back goes through each field's own to_python, so a value
means what Django means by it.
"""
import re
import uuid
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.utils.duration import duration_iso_string

from . import BackupError


def columns(model):
    """The columns written for a model: every concrete field, except ones the database computes itself."""
    return [f for f in model._meta.concrete_fields if not getattr(f, "generated", False)]


def is_file(field):
    return field.get_internal_type() == "BinaryField"


class NaturalKeys:
    """Content types and permissions by id (when writing) and by natural key (when reading) in one database."""

    def __init__(self, using="default"):
        self.using = using
        self.connection = connections[using]
        self.content_types = {ct.pk: [ct.app_label, ct.model] for ct in ContentType.objects.using(using).all()}
        self.permissions = {
            p.pk: [p.content_type.app_label, p.content_type.model, p.codename]
            for p in Permission.objects.using(using).select_related("content_type")
        }
        self._ct_ids = {tuple(v): k for k, v in self.content_types.items()}
        self._perm_ids = {tuple(v): k for k, v in self.permissions.items()}

    def key(self, model, pk):
        return (self.content_types if model is ContentType else self.permissions)[pk]

    def pk(self, model, key):
        """The id in this database; a content type or permission of a model that no longer exists is made again,
        as `migrate` would have made it, so that old admin history still has something to point at."""
        key = tuple(key)
        if model is ContentType:
            if key not in self._ct_ids:
                ct, _ = ContentType.objects.using(self.using).get_or_create(app_label=key[0], model=key[1])
                self._ct_ids[key] = ct.pk
            return self._ct_ids[key]
        if key not in self._perm_ids:
            ct = ContentType.objects.using(self.using).get(pk=self.pk(ContentType, key[:2]))
            perm, _ = Permission.objects.using(self.using).get_or_create(
                content_type=ct, codename=key[2], defaults={"name": key[2]})
            self._perm_ids[key] = perm.pk
        return self._perm_ids[key]


def _natural(field):
    return field.is_relation and field.related_model in (ContentType, Permission)


def encode(field, value, naturals):
    if value is None:
        return None
    if _natural(field):
        return naturals.key(field.related_model, value)
    if isinstance(value, (bool, int, float, str)) or field.get_internal_type() == "JSONField":
        return value
    if isinstance(value, (Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return duration_iso_string(value)
    raise BackupError(f"Kan inte skriva värdet i {field.model._meta.label}.{field.name} ({type(value).__name__}).")


def decode(field, value, naturals):
    if value is None:
        return None
    if _natural(field):
        return naturals.pk(field.related_model, value)
    if field.get_internal_type() == "JSONField":
        return value
    return field.to_python(value)


def document_path(model, pk, field, filename, several=False):
    """documents/<app>.<model>/<pk>/<the file's own name>: what an archivist opens; never a path outside the folder.
    A model with several file columns gets the column's name in front."""
    name = re.sub(r'[\x00-\x1f/\\:*?"<>|]', "_", filename or "").strip(" .") or f"{field.name}.bin"
    prefix = f"{field.name}-" if several else ""
    return f"documents/{model._meta.label_lower}/{pk}/{prefix}{name[:200]}"
