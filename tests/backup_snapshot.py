"""Every row of every table a backup must keep, read through the ORM into plain JSON values, for the backup tests to
compare before and after a restore (imported by plain name, or run as a script against another database:
`python tests/backup_snapshot.py` prints the JSON). It does not use samordna.backup, so it cannot share its mistakes.
Content types and permissions are named by natural key: their ids belong to each installation."""
import json
import os
import sys
import uuid
from datetime import date, datetime, time, timedelta
from decimal import Decimal

# What a backup leaves out, on purpose (see samordna.backup.scope): made by migrate, short-lived, or derived.
NOT_KEPT_APPS = {"contenttypes", "sessions", "axes", "search"}
NOT_KEPT_MODELS = {"auth.permission"}


def kept_labels():
    from django.apps import apps

    return sorted(m._meta.label_lower for m in apps.get_models(include_auto_created=True)
                  if m._meta.app_label not in NOT_KEPT_APPS and m._meta.label_lower not in NOT_KEPT_MODELS
                  and m._meta.managed and not m._meta.proxy)


def _plain(field, value, names):
    if value is None:
        return None
    if field.is_relation and field.related_model in names:
        return names[field.related_model][value]
    if isinstance(value, (bytes, memoryview)):
        return {"bytes": bytes(value).hex()}
    if isinstance(value, (Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    return value


def snapshot(labels=None):
    """{model label: [row as a list of plain values, ordered by pk]} for the kept tables."""
    from django.apps import apps
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    names = {ContentType: {ct.pk: [ct.app_label, ct.model] for ct in ContentType.objects.all()},
             Permission: {p.pk: [p.content_type.app_label, p.content_type.model, p.codename]
                          for p in Permission.objects.select_related("content_type")}}
    result = {}
    for label in labels or kept_labels():
        model = apps.get_model(label)
        fields = model._meta.concrete_fields
        rows = model._base_manager.order_by("pk").values_list(*[f.attname for f in fields])
        result[label] = [[_plain(f, v, names) for f, v in zip(fields, row)] for row in rows]
    return result


def search_index():
    """The search entries without their ids (the index is rebuilt, not restored)."""
    from samordna.search.models import SearchEntry

    fields = [f for f in SearchEntry._meta.concrete_fields if f.attname != "id"]
    rows = SearchEntry.objects.values_list(*[f.attname for f in fields])
    return sorted(json.dumps([_plain(f, v, {}) for f, v in zip(fields, row)], ensure_ascii=False) for row in rows)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samordna.settings")
    import django

    django.setup()
    json.dump({"rows": snapshot(), "search": search_index()}, sys.stdout, ensure_ascii=False)
