"""Which tables a backup holds, in which order, and which rows belong to one association.

Kept: every table of the project's apps (documents and imported files live in them as BinaryFields), Django's users
and groups with their memberships and permissions, the TOTP and recovery-code devices (without them administrators and
secretaries, who must use two-factor, would be locked out after a restore) and Django's admin history.
Not kept, on purpose:
  contenttypes, auth.Permission  made by `migrate` in every installation; rows that point at them (a user's or group's
                                 permissions, the admin history) name them by natural key, because their ids differ
                                 between installations
  sessions                       logins in progress; after a restore everybody logs in again
  axes                           lockout counters with IP addresses and browser strings: short-lived security state,
                                 and personal data we have no reason to copy
  search                         derived from protocols, cases and documents; rebuilt after a restore
The archive holds password hashes, TOTP secrets and confidential documents: it must be kept like the database itself.

One association (`--association SLUG`): the association's own rows (everything that points, through foreign keys,
at the association or at its rows), everything those rows point at (the users with a role there or who wrote
something there, …), and what belongs to those users alone (their devices, recovery codes, group memberships). Rows
that belong to another association are never followed, even through a shared user; the admin history is left out
(it is about any association's rows). A user carried along without a role in the association (an author, the user of
another association whose refused visit the audit log records) comes without secrets: an unusable password, none of
their devices, recovery codes or group memberships (see `outsiders`).
"""
from django.apps import apps

from samordna.associations.models import Association

from . import BackupError

NOT_KEPT_APPS = {"contenttypes", "sessions", "axes", "search"}
NOT_KEPT_MODELS = {"auth.permission"}
WHOLE_INSTALLATION_ONLY = {"admin.logentry"}
# Derived tables that must be empty, too, for an installation to count as empty.
DERIVED_APPS = {"search"}
CHUNK = 500


def _kept(model, whole):
    meta = model._meta
    if meta.proxy or not meta.managed or meta.app_label in NOT_KEPT_APPS or meta.label_lower in NOT_KEPT_MODELS:
        return False
    return whole or meta.label_lower not in WHOLE_INSTALLATION_ONLY


def links(model):
    """The model's foreign keys (one-to-one included) as concrete columns."""
    return [f for f in model._meta.concrete_fields if f.is_relation and (f.many_to_one or f.one_to_one)]


def kept_models(whole=True):
    """The archived models, every model after the models it points at (cycles broken where they close)."""
    models = [m for m in apps.get_models(include_auto_created=True) if _kept(m, whole)]
    kept = set(models)
    ordered, seen = [], set()

    def visit(model, path):
        if model in seen or model in path:
            return
        path.add(model)
        for field in links(model):
            if field.related_model in kept and field.related_model is not model:
                visit(field.related_model, path)
        path.discard(model)
        seen.add(model)
        ordered.append(model)

    for model in sorted(models, key=lambda m: m._meta.label_lower):
        visit(model, set())
    return ordered


def emptiness_models():
    """Every table that must hold no row before a restore: the kept ones and the derived ones."""
    derived = [m for m in apps.get_models(include_auto_created=True)
               if m._meta.app_label in DERIVED_APPS and m._meta.managed and not m._meta.proxy]
    return kept_models(whole=True) + derived


def _tenant_bound(models):
    """Models whose rows belong to an association: they point at it, or at such a model's rows."""
    bound = {Association}
    changed = True
    while changed:
        changed = False
        for model in models:
            if model not in bound and any(f.related_model in bound for f in links(model)):
                bound.add(model)
                changed = True
    return bound


def _chunks(values):
    values = sorted(values)
    for start in range(0, len(values), CHUNK):
        yield values[start:start + CHUNK]


def association_rows(association, models, using="default"):
    """{model: set of pks} of one association's backup (see the module's docstring).

    Grown in rounds from the association: each round follows only the rows found in the round before, down (rows
    that point at them) and up (rows they point at). Going down from a row that belongs to no association (a user)
    into a model whose rows belong to one is never done: that is how another association's rows stay out."""
    models = list(models)
    kept = set(models)
    bound = _tenant_bound(models)
    chosen = {m: set() for m in models}
    frontier = {m: set() for m in models}
    frontier[Association] = {association.pk}
    while any(frontier.values()):
        for model in models:
            chosen[model] |= frontier[model]
        found = {m: set() for m in models}
        for model in models:
            manager = model._base_manager.using(using)
            for field in links(model):
                target = field.related_model
                if target not in kept:
                    continue
                if frontier[target] and (model not in bound or target in bound):
                    for chunk in _chunks(frontier[target]):
                        found[model].update(manager.filter(**{f"{field.name}__pk__in": chunk}).values_list("pk", flat=True))
                if frontier[model]:
                    for chunk in _chunks(frontier[model]):
                        values = manager.filter(pk__in=chunk).values_list(f"{field.name}__pk", flat=True)
                        found[target].update(v for v in values if v is not None)
        frontier = {m: found[m] - chosen[m] for m in models}
    _check_single_association(association, chosen, using)
    _drop_outsiders_belongings(association, chosen, bound, using)
    return chosen


def outsiders(association, chosen, using="default"):
    """Ids of the archived users who hold no role in the association: the archive keeps their name, not their keys."""
    from django.contrib.auth import get_user_model

    from samordna.accounts.models import AssociationRole

    users = chosen.get(get_user_model(), set())
    members = set(AssociationRole.objects.using(using).filter(association=association, user__in=users)
                  .values_list("user_id", flat=True))
    return users - members


def _drop_outsiders_belongings(association, chosen, bound, using):
    """An outsider's devices, recovery codes and memberships: rows that belong to that user alone."""
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    strangers = outsiders(association, chosen, using)
    if not strangers:
        return
    owned = {user_model: strangers}
    for _ in range(3):  # devices → recovery codes: follow what an outsider's rows own in turn
        found = {}
        for model, pks in chosen.items():
            if model in bound or model is user_model or not pks:
                continue
            for field in links(model):
                if owned.get(field.related_model):
                    for chunk in _chunks(pks):
                        found.setdefault(model, set()).update(model._base_manager.using(using).filter(
                            pk__in=chunk, **{f"{field.name}__pk__in": list(owned[field.related_model])})
                            .values_list("pk", flat=True))
        found = {m: p for m, p in found.items() if p}
        if not found:
            return
        for model, pks in found.items():
            chosen[model] -= pks
        owned = found


def _check_single_association(association, chosen, using):
    """A row of this association that points at another association's row would carry that row along: refuse."""
    for model, pks in chosen.items():
        for field in links(model):
            if field.related_model is not Association or not pks:
                continue
            for chunk in _chunks(pks):
                stray = (model._base_manager.using(using).filter(pk__in=chunk)
                         .exclude(**{f"{field.name}__pk": association.pk}).exclude(**{f"{field.name}__isnull": True}))
                if stray.exists():
                    raise BackupError(
                        f"Förbundet {association.slug} hänger ihop med ett annat förbund genom {model._meta.label} "
                        f"(rad {stray.values_list('pk', flat=True).first()}); säkerhetskopiera hela installationen i stället.")
