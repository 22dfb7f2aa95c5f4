"""Recording the audit log: every write to the project's own models leaves an AuditEvent (issue 9, item 4).

The signals run inside the save or delete that caused them, so the event is written in the same database transaction
as the change and disappears with it when that transaction rolls back. Who acted comes from a context variable: the
request's user (set by AuditMiddleware) or, outside a request, "system" with the command line as the source.

Never recorded (see EXCLUDED): the survey's answers and one-time codes, because a timestamped row next to an answer
would tell who answered what (issue 6); the search index, sessions, login attempts and other technical rows. A request
to the anonymous survey (/e/…) records nothing at all. Secrets (password hashes, token digests, TOTP keys) are never
written: only that they changed. Binary content is recorded as its size and SHA-256.
"""
import contextvars
import sys
from dataclasses import dataclass, replace

from django.apps import apps
from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from .audit_values import as_json, association_id, db_value, describe, kind_of, label_of, snapshot

SYSTEM = "system"
ANONYMOUS = "anonym"
EXCLUDED = {
    "accounts.auditevent",
    "survey.response", "survey.answer", "survey.onetimecode",  # anonymity of the exit survey
    "search.searchentry", "search.searchterm",  # derived index, rebuilt at will
}
# Changes to only these fields are bookkeeping of logins and two-factor throttling, not something anyone decided.
TECHNICAL_FIELDS = {"last_login", "last_used_at", "last_used_on", "last_t", "drift", "throttling_failure_timestamp",
                    "throttling_failure_count", "last_generated_timestamp"}
QUIET_PREFIXES = ("/e/",)


@dataclass(frozen=True)
class Context:
    request: object = None
    user: object = None
    source: str = ""
    quiet: bool = False


_context = contextvars.ContextVar("samordna_audit", default=None)
# Set once by the command line (cli.main); threads of a server never see a context they did not set themselves.
_process_source = ""


def set_command_line(argv):
    global _process_source
    _process_source = "kommandorad: samordna " + " ".join(str(a) for a in argv[1:2])


class acting:
    """`with audit.acting(user):` attributes writes outside a request to a user (or to "system" with user=None)."""

    def __init__(self, user=None, source="", quiet=False):
        self.context = Context(user=user, source=source, quiet=quiet)

    def __enter__(self):
        self.token = _context.set(self.context)
        return self.context

    def __exit__(self, *exc):
        _context.reset(self.token)


def identify(user):
    """From here to the end of the request, writes are this user's (an API token's owner; request.user is anonymous)."""
    current = _context.get() or Context()
    _context.set(replace(current, user=user))


def quiet():
    """Nothing inside is recorded (the anonymous survey)."""
    return acting(quiet=True)


class AuditMiddleware:
    """Makes the request (its user, method and path) known to the signal handlers; placed after authentication."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _context.set(Context(request=request, quiet=request.path.startswith(QUIET_PREFIXES)))
        try:
            return self.get_response(request)
        finally:
            _context.reset(token)


# --- Who, where -------------------------------------------------------------------------------------------------

def _who(context):
    user = None
    if context is not None:
        user = context.user if context.user is not None else getattr(context.request, "user", None)
    if user is None:
        return None, SYSTEM
    if not getattr(user, "is_authenticated", False):
        return None, ANONYMOUS
    return user, user.get_username()


def _where(context):
    request = context.request if context is not None else None
    if request is not None:
        return request.method[:10], request.path[:300]
    source = (context.source if context is not None else "") or _process_source
    return "", source[:300]


# --- Writing events -----------------------------------------------------------------------------------------------

def _context_now():
    context = _context.get()
    if context is not None and context.quiet:
        return None, True
    return context, False


def _write(**fields):
    event = _event(**fields)
    event.save()
    return event


def _event(*, action, instance=None, model=None, association=None, before=None, after=None, reason="",
           object_repr=None, user=None, context=None):
    from .models_audit import AuditEvent

    actor, name = _who(Context(user=user) if user is not None else context)
    method, path = _where(context)
    model = model or (type(instance) if instance is not None else None)
    return AuditEvent(
        association_id=association, actor=actor, actor_name=name[:150], action=action,
        object_type=label_of(model) if model else "", object_kind=kind_of(model) if model else "",
        object_id=str(instance.pk) if instance is not None and instance.pk is not None else "",
        object_repr=(object_repr if object_repr is not None else describe(instance) if instance is not None
                     else "")[:300],
        before=before, after=after, reason=reason, method=method, path=path)


def _action_for(instance, created, after):
    label = label_of(type(instance))
    if created and label == "board.approval":
        return "approval"
    if not created and label == "board.meeting" and (after or {}).get("protocol_status") == "adjusted":
        return "adjustment"
    return "create" if created else "update"


def _pre_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance._state.adding or instance.pk is None:
        return
    _, silent = _context_now()
    if silent:
        return
    names = None
    if update_fields is not None:
        names = {instance._meta.get_field(n).name for n in update_fields}
    attnames = [f.attname for f in instance._meta.concrete_fields if names is None or f.name in names]
    row = sender._base_manager.using(instance._state.db or "default").filter(pk=instance.pk).values(*attnames).first()
    if row is None:
        return
    instance._audit_before = {f.name: db_value(f, row[f.attname]) for f in instance._meta.concrete_fields
                              if f.attname in row}


def _post_save(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    context, silent = _context_now()
    if silent:
        return
    old = instance.__dict__.pop("_audit_before", None)
    if created or old is None:
        after = as_json(snapshot(instance))
        _write(action=_action_for(instance, True, after), instance=instance, association=association_id(instance),
               after=after, context=context)
        return
    new = snapshot(instance, set(old))
    changed = [n for n in old if old[n] != new[n] and n not in TECHNICAL_FIELDS]
    if not changed:
        return
    before = as_json({n: old[n] for n in changed})
    after = as_json({n: new[n] for n in changed})
    _write(action=_action_for(instance, False, after), instance=instance, association=association_id(instance),
           before=before, after=after, context=context)


def _pre_delete(sender, instance, **kwargs):
    _, silent = _context_now()
    if silent:
        return
    # Before anything is gone: the parents that lead to the association still exist, and so does __str__'s data.
    instance._audit_deleted = (association_id(instance), describe(instance), as_json(snapshot(instance)))


def _post_delete(sender, instance, **kwargs):
    context, silent = _context_now()
    if silent:
        return
    association, text, before = instance.__dict__.pop("_audit_deleted", (None, describe(instance), None))
    _write(action="delete", instance=instance, association=association, before=before, object_repr=text,
           context=context)


def _m2m_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if reverse or action not in {"pre_add", "pre_remove", "pre_clear", "post_add", "post_remove", "post_clear"}:
        return
    context, silent = _context_now()
    if silent or not _audited(type(instance)):
        return
    field = next((f for f in instance._meta.many_to_many if f.remote_field.through is sender), None)
    if field is None:
        return
    current = sorted(getattr(instance, field.name).values_list("pk", flat=True))
    if action.startswith("pre_"):
        instance.__dict__.setdefault("_audit_m2m", {})[field.name] = current
        return
    old = instance.__dict__.get("_audit_m2m", {}).pop(field.name, None)
    if old is None or old == current:
        return
    _write(action="update", instance=instance, association=association_id(instance),
           before=as_json({field.name: old}), after=as_json({field.name: current}), context=context)


def _audited(model):
    meta = model._meta
    if meta.abstract or meta.proxy or meta.auto_created or label_of(model) in EXCLUDED:
        return False
    return model.__module__.startswith("samordna.") or model is apps.get_model(settings.AUTH_USER_MODEL)


def audited_models():
    return [m for m in apps.get_models() if _audited(m)]


def connect():
    """Per model, not globally: excluded models keep Django's fast bulk delete."""
    for model in audited_models():
        uid = f"audit:{label_of(model)}"
        pre_save.connect(_pre_save, sender=model, dispatch_uid=uid)
        post_save.connect(_post_save, sender=model, dispatch_uid=uid)
        pre_delete.connect(_pre_delete, sender=model, dispatch_uid=uid)
        post_delete.connect(_post_delete, sender=model, dispatch_uid=uid)
    m2m_changed.connect(_m2m_changed, dispatch_uid="audit:m2m")


# --- For writes that bypass the signals, and for refusals ----------------------------------------------------------

def record_created(objs):
    """After bulk_create: one event per row, as if each had been saved, written in one statement; returns objs."""
    from .models_audit import AuditEvent

    objs = list(objs)
    context, silent = _context_now()
    if silent:
        return objs
    events = [_event(action="create", instance=obj, association=association_id(obj), after=as_json(snapshot(obj)),
                     context=context) for obj in objs if _audited(type(obj))]
    AuditEvent.objects.bulk_create(events, batch_size=500)
    return objs


def record_update(queryset, **values):
    """queryset.update(**values), recording each row's before and after; returns the number of rows changed."""
    model = queryset.model
    rows = list(queryset)
    count = queryset.update(**values)
    context, silent = _context_now()
    if silent or not _audited(model):
        return count
    from .models_audit import AuditEvent

    names = {model._meta.get_field(n).name for n in values}
    events = []
    for obj in rows:
        old = snapshot(obj, names)
        for name, value in values.items():
            setattr(obj, name, value)
        new = snapshot(obj, names)
        changed = [n for n in old if old[n] != new[n]]
        if changed:
            events.append(_event(action="update", instance=obj, association=association_id(obj),
                                 before=as_json({n: old[n] for n in changed}),
                                 after=as_json({n: new[n] for n in changed}), context=context))
    AuditEvent.objects.bulk_create(events, batch_size=500)
    return count


def record_denied(*, user, association, action: str, reason: str):
    """A refused attempt (403, another tenant's 404, a token without the scope, a forged CSRF token)."""
    context, silent = _context_now()
    if silent:
        return None
    association_pk = getattr(association, "pk", association)
    return _write(action="denied", association=association_pk, reason=str(reason)[:2000], object_repr=str(action),
                  user=user if user is not None and getattr(user, "is_authenticated", False) else None,
                  context=context)


def record_restore(association_pk, archive: str, created: str, sha256: str):
    """A restore brought the association's rows back from an archive (they keep their own history as it was)."""
    context, _ = _context_now()
    return _write(action="restore", association=association_pk, object_repr=f"Säkerhetskopia från {created}"[:300],
                  reason=f"Återställd från {archive} (SHA-256 {sha256}).", context=context)


COMMAND_LINE_PROGRAMS = {"samordna", "manage.py", "django-admin"}


def note_command_line(argv=None):
    """Called at start-up: writes made by `samordna demo`, `samordna import-protocol` … name the command."""
    argv = sys.argv if argv is None else argv
    if argv and argv[0].rsplit("/", 1)[-1] in COMMAND_LINE_PROGRAMS and len(argv) > 1:
        set_command_line(argv)
