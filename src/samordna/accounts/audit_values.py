"""What an audit event says about a row: the association it belongs to and its field values as JSON.

Secrets (password hashes, token digests, TOTP keys) are written only as "[dold]"; binary content as its size and
SHA-256; long texts as their beginning, length and SHA-256.
"""
import hashlib
from datetime import date, datetime, time
from decimal import Decimal
from uuid import UUID

LONG_TEXT = 2000


_paths = {}


def _association_path(model):
    """FK names leading from the model to one that has an `association` (shortest first), or None."""
    if model in _paths:
        return _paths[model]
    from samordna.associations.models import Association

    found = None
    if model is Association:
        found = ()
    else:
        queue, seen = [(model, ())], {model}
        while queue and found is None:
            current, hops = queue.pop(0)
            fields = [f for f in current._meta.concrete_fields if f.is_relation and (f.many_to_one or f.one_to_one)]
            if any(f.name == "association" for f in fields):
                found = hops
                break
            if len(hops) < 4:
                for f in fields:
                    target = f.related_model
                    if target not in seen and target.__module__.startswith("samordna."):
                        seen.add(target)
                        queue.append((target, hops + (f.name,)))
    _paths[model] = found
    return found


def association_id(instance):
    """The association the instance belongs to, walking loaded relations and querying once for the rest."""
    from samordna.associations.models import Association

    hops = _association_path(type(instance))
    if hops is None:
        return None
    obj = instance
    for i, name in enumerate(hops):
        field = obj._meta.get_field(name)
        if field.is_cached(obj):
            obj = getattr(obj, name)
            if obj is None:
                return None
            continue
        key = getattr(obj, field.attname)
        if key is None:
            return None
        lookup = "__".join([*hops[i + 1:], "association"])
        return field.related_model._base_manager.filter(pk=key).values_list(lookup, flat=True).first()
    return obj.pk if isinstance(obj, Association) else obj.association_id


def _secret(name):
    return name in {"password", "key", "bin_key"} or any(s in name for s in ("token", "secret", "digest")) \
        or (name.endswith("_hash") and name != "content_hash")


def _plain(value):
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        data = bytes(value)
        return {"byte": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    if isinstance(value, str):
        if len(value) > LONG_TEXT:
            return {"början": value[:LONG_TEXT], "tecken": len(value),
                    "sha256": hashlib.sha256(value.encode()).hexdigest()}
        return value
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, (Decimal, UUID)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if hasattr(value, "name") and hasattr(value, "storage"):  # a FieldFile
        return value.name or None
    return str(value)


def db_value(field, value):
    """The value as the database will hold it, so '1.50' and Decimal('1.5') compare equal."""
    if value is None or field.is_relation:
        return value
    try:
        return field.to_python(value)
    except Exception:
        return value


def snapshot(instance, names=None):
    """{field name: JSON-safe value} of the concrete fields; secrets say only that they are set."""
    values = {}
    for field in instance._meta.concrete_fields:
        if names is not None and field.name not in names:
            continue
        raw = getattr(instance, field.attname)
        values[field.name] = db_value(field, raw)
    return values


def as_json(values):
    out = {}
    for name, value in values.items():
        if _secret(name):
            out[name] = "[dold]" if value not in (None, "") else None
        else:
            out[name] = _plain(value)
    return out


def describe(instance):
    try:
        text = str(instance)
    except Exception:
        text = ""
    return text[:300]


def label_of(model):
    return model._meta.label_lower


def kind_of(model):
    return str(model._meta.verbose_name)[:100]
