"""Reading an archive back into an empty installation: everything is checked first, then one transaction."""
import hashlib
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import DatabaseError, connections, transaction

from samordna.accounts import audit
from samordna.associations.models import Association

from . import FORMAT, FORMAT_VERSION, BackupError, scope
from .values import NaturalKeys, columns, decode, is_file
from .writer import MANIFEST, applied_migrations, check_migrated, sha256_of

INSERT_BATCH = 500


@dataclass
class Summary:
    rows: int
    tables: int
    documents: int
    associations: list
    search_entries: int


def _open(path):
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"Filen {path} finns inte.")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise BackupError(f"Filen {path} är ingen säkerhetskopia från samordna (den är inte en zip-fil).") from None
    try:
        manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
    except KeyError:
        zf.close()
        raise BackupError(f"Filen {path} är ingen säkerhetskopia från samordna ({MANIFEST} saknas).") from None
    except (ValueError, zipfile.BadZipFile):
        zf.close()
        raise BackupError(f"{MANIFEST} i {path} går inte att läsa; säkerhetskopian är skadad.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        zf.close()
        raise BackupError(f"Filen {path} är ingen säkerhetskopia från samordna.")
    if manifest.get("version") != FORMAT_VERSION:
        zf.close()
        raise BackupError(f"Säkerhetskopian har formatversion {manifest.get('version')}; den här versionen av samordna "
                          f"läser version {FORMAT_VERSION}.")
    return zf, manifest


def _verify_checksums(zf, manifest):
    """Every member listed with its SHA-256 and size, and nothing more: a changed byte anywhere refuses the archive."""
    listed = manifest.get("files") or {}
    present = {info.filename for info in zf.infolist()} - {MANIFEST}
    if present - set(listed):
        raise BackupError(f"Säkerhetskopian innehåller filer som inte står i manifestet: {', '.join(sorted(present - set(listed))[:3])}.")
    for name, expected in listed.items():
        if name not in present:
            raise BackupError(f"Säkerhetskopian är ofullständig: {name} saknas.")
        digest, size = hashlib.sha256(), 0
        try:
            with zf.open(name) as member:
                while block := member.read(1 << 20):
                    digest.update(block)
                    size += len(block)
        except (zipfile.BadZipFile, OSError, EOFError):
            raise BackupError(f"Säkerhetskopian är skadad: {name} går inte att läsa.") from None
        if digest.hexdigest() != expected.get("sha256") or size != expected.get("size"):
            raise BackupError(f"Säkerhetskopian är skadad eller ändrad: kontrollsumman (SHA-256) för {name} stämmer inte.")


def _verify_migrations(manifest, using):
    theirs, ours = manifest.get("migrations") or {}, applied_migrations(using)
    differences = []
    for app in sorted(set(theirs) | set(ours)):
        only_theirs = sorted(set(theirs.get(app, [])) - set(ours.get(app, [])))
        only_ours = sorted(set(ours.get(app, [])) - set(theirs.get(app, [])))
        if only_theirs:
            differences.append(f"{app}: installationen saknar {', '.join(only_theirs)}")
        if only_ours:
            differences.append(f"{app}: säkerhetskopian saknar {', '.join(only_ours)}")
    if differences:
        raise BackupError(
            "Säkerhetskopian gjordes med en annan databasstruktur än installationens ("
            + "; ".join(differences[:4]) + ("; …" if len(differences) > 4 else "")
            + "). Återställ i en installation av samma version, migrerad med samordna migrate.")


def _models(manifest):
    found = []
    for table in manifest.get("models") or []:
        try:
            found.append((apps.get_model(table["model"]), table))
        except (LookupError, ValueError, KeyError, TypeError):
            raise BackupError(f"Säkerhetskopian har tabellen {table.get('model')!r}, som installationen inte känner.") from None
    return found


def _refuse_unless_empty(using):
    full = [(m, m._base_manager.using(using).count()) for m in scope.emptiness_models()]
    full = [(m, n) for m, n in full if n]
    if full:
        examples = ", ".join(f"{n} i {m._meta.label}" for m, n in full[:3])
        raise BackupError(
            f"Installationen är inte tom ({examples}{' …' if len(full) > 3 else ''}). En säkerhetskopia återställs "
            "bara i en ny installation: skapa en tom databas, kör samordna migrate och försök igen. Ingenting ändrades.")


def _row_values(zf, table, fields, names, row, naturals, document_members):
    """One archived row as the values its INSERT takes, in `fields` order."""
    connection = naturals.connection
    if not isinstance(row, dict) or set(row) != names:
        raise BackupError(f"Kolumnerna i {table['member']} stämmer inte med tabellen {table['model']}.")
    values = []
    for field in fields:
        value = row[field.attname]
        if is_file(field) and value is not None:
            if value not in document_members:
                raise BackupError(f"{table['member']} pekar på {value}, som inte står bland handlingarna.")
            value = zf.read(value)
        else:
            value = decode(field, value, naturals)
        values.append(field.get_db_prep_save(value, connection))
    return values


def _insert(zf, model, table, naturals, document_members, using):
    fields = columns(model)
    names = {f.attname for f in fields}
    connection = connections[using]
    qn = connection.ops.quote_name
    sql = (f"INSERT INTO {qn(model._meta.db_table)} ({', '.join(qn(f.column) for f in fields)}) "
           f"VALUES ({', '.join(['%s'] * len(fields))})")
    count, batch = 0, []
    with zf.open(table["member"]) as member, connection.cursor() as cursor:
        for number, line in enumerate(member, 1):
            try:
                batch.append(_row_values(zf, table, fields, names, json.loads(line), naturals, document_members))
            except (ValueError, TypeError, KeyError, ValidationError) as error:
                raise BackupError(f"Rad {number} i {table['member']} går inte att läsa ({error}).") from None
            count += 1
            if len(batch) >= INSERT_BATCH:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
    if count != table.get("rows"):
        raise BackupError(f"{table['member']} har {count} rader men manifestet säger {table.get('rows')}.")
    return count


def _rebuild_search(using):
    from samordna.search import indexing  # the search app is optional to the archive, not to the installation

    return sum(indexing.rebuild(a) for a in Association.objects.using(using).order_by("pk"))


def restore_backup(path, using="default"):
    """Restore the archive at `path` into this (empty) installation; returns a Summary. Raises BackupError, and then
    nothing has changed."""
    zf, manifest = _open(path)
    with zf:
        _verify_checksums(zf, manifest)
        check_migrated(using, "Kör samordna migrate i den nya installationen innan du återställer.")
        _verify_migrations(manifest, using)
        tables = _models(manifest)
        document_members = {d["member"] for d in manifest.get("documents") or []}
        connection = connections[using]
        try:
            with transaction.atomic(using=using):
                _refuse_unless_empty(using)
                naturals = NaturalKeys(using)
                rows = sum(_insert(zf, model, table, naturals, document_members, using) for model, table in tables)
                # Foreign keys are checked at commit; check them now, so a broken archive fails here, in one piece.
                connection.check_constraints(table_names=[model._meta.db_table for model, _ in tables])
                if connection.vendor == "postgresql":
                    # Rows came with their ids; the next row made through the app must get a higher one.
                    with connection.cursor() as cursor:
                        for sql in connection.ops.sequence_reset_sql(no_style(), [model for model, _ in tables]):
                            cursor.execute(sql)
                search_entries = _rebuild_search(using)
                archive_sha = sha256_of(path)
                for pk in Association.objects.using(using).order_by("pk").values_list("pk", flat=True):
                    audit.record_restore(pk, Path(path).name, manifest.get("created", ""), archive_sha)
                associations = list(Association.objects.using(using).order_by("slug").values_list("slug", flat=True))
        except DatabaseError as error:
            raise BackupError(f"Databasen tog inte emot säkerhetskopian, och ingenting ändrades: {error}".strip()) from error
    return Summary(rows=rows, tables=len(tables), documents=len(document_members), associations=associations,
                   search_entries=search_entries)
