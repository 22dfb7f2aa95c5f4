"""Writing the archive: one consistent read of the database into a zip file that appears only when complete."""
import hashlib
import json
import os
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from samordna.associations.models import Association

from . import FORMAT, FORMAT_VERSION, BackupError, scope
from .values import NaturalKeys, columns, document_path, encode, is_file

MANIFEST = "manifest.json"
README = "LÄSMIG.txt"
README_TEXT = """Säkerhetskopia av samordna
==========================

manifest.json     vad kopian innehåller: när den gjordes, vilka förbund, databasens migreringar, antal rader per
                  tabell, SHA-256 för varje fil i arkivet och en förteckning över handlingarna
data/             en fil per tabell, en rad per post i JSON (JSON Lines, UTF-8)
documents/        de lagrade filerna (handlingar i diariet, inlästa protokoll) som de laddades upp, en mapp per
                  tabell och post; deras SHA-256 står i manifest.json

Läs tillbaka med `samordna restore FIL` i en ny, tom installation av samma version.
Kopian innehåller lösenordshashar, nycklar för tvåstegsverifiering och sekretessmarkerade handlingar:
förvara den lika skyddat som databasen.
"""
ROWS_PER_FETCH = 2000
ROWS_PER_FETCH_WITH_FILES = 20


@dataclass
class Summary:
    path: Path
    rows: int
    tables: int
    documents: int
    size: int
    association: str | None
    sha256: str  # of the whole archive: worth writing down elsewhere, since a forger could rewrite the manifest too


def applied_migrations(using="default"):
    """{app: sorted names of the migrations applied}: the database's structure, as the archive records it."""
    applied = {}
    for app, name in MigrationRecorder(connections[using]).applied_migrations():
        applied.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def check_migrated(using, advice):
    """The models must describe the database exactly, or rows would be read or written with the wrong columns."""
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connections[using])
    loader = executor.loader
    pending = [f"{m.app_label} {m.name}" for m, _ in executor.migration_plan(loader.graph.leaf_nodes())]
    replaced = {key for migration in loader.replacements.values() for key in migration.replaces}
    unknown = sorted(f"{app} {name}" for app, name in loader.applied_migrations
                     if (app, name) not in loader.graph.nodes and (app, name) not in replaced
                     and app in loader.migrated_apps)
    if pending or unknown:
        what = (f"{len(pending)} migreringar återstår ({', '.join(pending[:3])}{' …' if len(pending) > 3 else ''})"
                if pending else f"databasen har migreringar som den här versionen saknar ({', '.join(unknown[:3])})")
        raise BackupError(f"Databasen och den här versionen av samordna stämmer inte överens: {what}. {advice}")


class _Archive:
    def __init__(self, zf):
        self.zf = zf
        self.files = {}
        self.stamp = timezone.localtime().timetuple()[:6]

    @contextmanager
    def member(self, name):
        digest, size = hashlib.sha256(), 0
        info = zipfile.ZipInfo(name, date_time=self.stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        with self.zf.open(info, "w", force_zip64=True) as raw:
            def write(data):
                nonlocal size
                digest.update(data)
                size += len(data)
                raw.write(data)
            yield write
        self.files[name] = {"sha256": digest.hexdigest(), "size": size}

    def put(self, name, data):
        with self.member(name) as write:
            write(data)


def _rows(model, pks, names, using, per_fetch):
    """The rows' values in `names` order, by primary key; all rows of the model when pks is None."""
    manager = model._base_manager.using(using).order_by("pk")
    if pks is None:
        yield from manager.values_list(*names).iterator(chunk_size=per_fetch)
        return
    ordered = sorted(pks)
    for start in range(0, len(ordered), scope.CHUNK):
        yield from manager.filter(pk__in=ordered[start:start + scope.CHUNK]).values_list(*names).iterator(chunk_size=per_fetch)


def _write_model(archive, model, pks, naturals, using, documents, strangers=frozenset()):
    fields = columns(model)
    files = [f for f in fields if is_file(f)]
    plain = [f for f in fields if not is_file(f)]
    pk_name = model._meta.pk.attname
    has_filename = any(f.attname == "filename" for f in fields)
    # Files first, each its own member, one row at a time; the rows then name the members.
    paths = {}
    if files:
        names = [pk_name, "filename" if has_filename else pk_name] + [f.attname for f in files]
        for pk, filename, *contents in _rows(model, pks, names, using, ROWS_PER_FETCH_WITH_FILES):
            for field, content in zip(files, contents):
                if content is None:
                    continue
                content = bytes(content)
                path = document_path(model, pk, field, filename if has_filename else "", several=len(files) > 1)
                archive.put(path, content)
                paths[(pk, field.attname)] = path
                documents.append({"member": path, "model": model._meta.label_lower, "pk": pk, "field": field.attname,
                                  "filename": filename if has_filename else "", "size": len(content),
                                  "sha256": archive.files[path]["sha256"]})
    member = f"data/{model._meta.label_lower}.jsonl"
    count = 0
    with archive.member(member) as write:
        for values in _rows(model, pks, [f.attname for f in plain], using, ROWS_PER_FETCH):
            row = {f.attname: encode(f, v, naturals) for f, v in zip(plain, values)}
            if row[pk_name] in strangers:
                row["password"] = make_password(None)  # unusable: the user belongs to another association
            for field in files:
                row[field.attname] = paths.get((row[pk_name], field.attname))
            write((json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n").encode())
            count += 1
    return {"model": model._meta.label_lower, "member": member, "rows": count}


def _version():
    try:
        return metadata.version("samordna")
    except metadata.PackageNotFoundError:
        return ""


def _open_partial(path, partial):
    try:
        # Only the owner may read it: password hashes, two-factor secrets and confidential documents.
        return os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")
    except FileExistsError:
        raise BackupError(f"Filen {partial.name} finns redan bredvid {path}: en annan säkerhetskopiering pågår eller "
                          "avbröts. Ta bort filen och försök igen.") from None


def _write_archive(handle, association, using):
    """Every kept table (of the association, or all) into the zip; returns the manifest's tables and documents."""
    connection = connections[using]
    models = scope.kept_models(whole=association is None)
    chosen = scope.association_rows(association, models, using) if association else None
    strangers = scope.outsiders(association, chosen, using) if association else set()
    naturals = NaturalKeys(using)
    documents, tables = [], []
    with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
        archive = _Archive(zf)
        for model in models:
            tables.append(_write_model(archive, model, chosen[model] if chosen else None, naturals, using, documents,
                                       strangers if model is get_user_model() else frozenset()))
        archive.put(README, README_TEXT.encode())
        manifest = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "created": timezone.localtime().isoformat(timespec="seconds"),
            "samordna": _version(),
            "database": connection.vendor,
            "association": {"slug": association.slug, "name": association.name} if association else None,
            "migrations": applied_migrations(using),
            "models": tables,
            "documents": documents,
            "files": archive.files,
            "not_kept": sorted(scope.NOT_KEPT_APPS | scope.NOT_KEPT_MODELS
                               | (scope.WHOLE_INSTALLATION_ONLY if association else set())),
        }
        zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
    return tables, documents


def write_backup(path, association_slug=None, using="default"):
    """Write the archive to `path` (which must not exist yet); returns a Summary. Raises BackupError, and then no
    file is left behind."""
    path = Path(path)
    if path.exists():
        raise BackupError(f"Filen {path} finns redan. En säkerhetskopia skriver aldrig över en fil; välj ett nytt namn.")
    if not path.parent.is_dir():
        raise BackupError(f"Katalogen {path.parent} finns inte.")
    check_migrated(using, "Säkerhetskopiera med den version som senast migrerade databasen, eller kör samordna "
                          "migrate först.")
    connection = connections[using]
    # Inside a transaction already (a test's), the isolation level can no longer be chosen.
    snapshot = connection.vendor == "postgresql" and not connection.in_atomic_block
    with transaction.atomic(using=using):
        if snapshot:
            # One snapshot for every table, so the rows agree with each other even while people work.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        association = None
        if association_slug:
            association = Association.objects.using(using).filter(slug=association_slug).first()
            if association is None:
                raise BackupError(f"Det finns inget förbund med kortnamnet {association_slug!r}.")
        partial = path.with_name(path.name + ".ofullständig")
        handle = _open_partial(path, partial)
        try:
            with handle:
                tables, documents = _write_archive(handle, association, using)
            os.replace(partial, path)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return Summary(path=path, rows=sum(t["rows"] for t in tables), tables=len(tables), documents=len(documents),
                   size=path.stat().st_size, association=association.slug if association else None,
                   sha256=sha256_of(path))


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()

