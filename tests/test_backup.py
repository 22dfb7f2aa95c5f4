"""Backup and restore: the round trip row for row and byte for byte, one association alone, and every refusal.

The world is built once through the services, archived (whole, and Sjölandet alone) and rolled back, so each test
starts from the empty, migrated test database: the fresh installation a restore is meant for. On PostgreSQL the
command-line test also goes through a fresh SQLite installation and back, which proves the format across databases.
"""
import hashlib
import json
import os
import re
import stat
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.auth.hashers import is_password_usable
from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

from backup_snapshot import kept_labels, search_index, snapshot
from backup_world import PASSWORD, build
from factories import Lake
from samordna.accounts.models_audit import AuditEvent
from samordna.associations.models import Association
from samordna.backup import BackupError
from samordna.backup.commands import BackupCommand, RestoreCommand
from samordna.backup.restore import restore_backup
from samordna.backup.writer import applied_migrations, write_backup
from samordna.board.models import Person
from samordna.registry.models import Document
from samordna.search import engine

TESTS = Path(__file__).resolve().parent


@dataclass
class Made:
    whole: Path
    lake: Path
    before: dict
    search: list
    files: dict  # Document pk → its bytes
    lake_pk: int
    fell_pk: int


@pytest.fixture(scope="module")
def made(django_db_setup, django_db_blocker, tmp_path_factory):
    folder = tmp_path_factory.mktemp("backup")
    with django_db_blocker.unblock():
        with transaction.atomic():
            world = build()
            result = Made(whole=folder / "hela.zip", lake=folder / "sjolandet.zip", before=snapshot(),
                          search=search_index(), files={d.pk: bytes(d.content) for d in Document.objects.all()},
                          lake_pk=world["lake"].pk, fell_pk=world["fell"].pk)
            write_backup(result.whole)
            write_backup(result.lake, association_slug="sjolandet")
            transaction.set_rollback(True)
    return result


def manifest_of(path):
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read("manifest.json"))


def rows_of(path):
    """{model label: [row dicts]} straight from the archive's data files."""
    with zipfile.ZipFile(path) as zf:
        return {t["model"]: [json.loads(line) for line in zf.read(t["member"]).splitlines()]
                for t in manifest_of(path)["models"]}


def rewritten(source, target, change):
    """A copy of the archive with change(name, data) → data applied to every member (None drops the member)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = change(info.filename, old.read(info.filename))
            if data is not None:
                new.writestr(info.filename, data)
    return target


def restore_events(rows):
    action = [f.attname for f in AuditEvent._meta.concrete_fields].index("action")
    return [row for row in rows if row[action] == "restore"]


def without_restore_events(after):
    """The only rows a restore adds: its own audit events, one per association it brought back."""
    after = dict(after)
    events = after.get("accounts.auditevent", [])
    after["accounts.auditevent"] = [row for row in events if row not in restore_events(events)]
    return after


def assert_same(before, after):
    after = without_restore_events(after)
    assert sorted(after) == sorted(before)
    for label in before:
        assert after[label] == before[label], label


def sequences_from_one():
    """The fixture's rolled-back rows still moved PostgreSQL's sequences; start the (empty) kept tables' sequences at
    1, as in a new database. Not the content types' and permissions': those tables hold rows."""
    if connection.vendor == "postgresql":
        from django.apps import apps
        tables = {apps.get_model(label)._meta.db_table for label in kept_labels()}
        sequences = [s for s in connection.introspection.sequence_list() if s["table"] in tables]
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_by_name_sql(no_style(), sequences):
                cursor.execute(sql)


def nothing_restored():
    return not Association.objects.exists() and not User.objects.exists() and not Document.objects.exists()


# --- what the archive holds ---------------------------------------------------------------------------------------

def test_archive_lists_every_kept_table_with_counts_and_checksums(made):
    manifest = manifest_of(made.whole)
    assert manifest["format"] == "samordna-backup" and manifest["version"] == 1 and manifest["association"] is None
    assert sorted(t["model"] for t in manifest["models"]) == kept_labels()
    assert {t["model"]: t["rows"] for t in manifest["models"]} == {label: len(rows) for label, rows in made.before.items()}
    assert "0001_initial" in manifest["migrations"]["associations"]
    assert stat.S_IMODE(made.whole.stat().st_mode) == 0o600
    with zipfile.ZipFile(made.whole) as zf:
        names = set(zf.namelist())
        assert names == set(manifest["files"]) | {"manifest.json"}
        for name, listed in manifest["files"].items():
            data = zf.read(name)
            assert hashlib.sha256(data).hexdigest() == listed["sha256"] and len(data) == listed["size"]
        # The stored files lie as themselves under documents/, byte for byte, for anyone to open.
        documents = {d["pk"]: d for d in manifest["documents"] if d["model"] == "registry.document"}
        assert set(documents) == set(made.files)
        for pk, content in made.files.items():
            assert zf.read(documents[pk]["member"]) == content
            assert documents[pk]["sha256"] == hashlib.sha256(content).hexdigest()
        assert any(n.startswith("documents/registry.document/") and n.endswith("/ansökan.docx") for n in names)
        assert sum(d["model"] == "board.protocolimport" for d in manifest["documents"]) == 2
        assert "säkerhetskopia" in zf.read("LÄSMIG.txt").decode().lower()
    # Rows name their file instead of carrying it a second time.
    document_rows = rows_of(made.whole)["registry.document"]
    assert {row["content"] for row in document_rows} == {d["member"] for d in documents.values()}


# --- the round trip -------------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_restore_reproduces_every_row_every_file_and_the_search_index(made):
    sequences_from_one()
    summary = restore_backup(made.whole)

    assert_same(made.before, snapshot())
    assert {d.pk: bytes(d.content) for d in Document.objects.all()} == made.files
    assert search_index() == made.search
    restored = AuditEvent.objects.filter(action="restore").order_by("association_id")
    assert [e.association_id for e in restored] == sorted([made.lake_pk, made.fell_pk])
    assert all(e.reason == f"Återställd från hela.zip (SHA-256 {hashlib.sha256(made.whole.read_bytes()).hexdigest()})."
               and e.actor_name == "system" for e in restored)
    hits = engine.search(made.lake_pk, "verksamhetsplanen").hits
    assert [h.title for h in hits] == ["§ 1121 Verksamhetsplan för 2022"]
    assert summary.associations == ["fjallet", "sjolandet"] and summary.documents == len(made.files) + 2
    secretary = User.objects.get(username="sekreteraren")
    assert secretary.check_password(PASSWORD)
    assert secretary.has_perm("board.change_meeting") and secretary.has_perm("registry.view_case")
    assert secretary.totpdevice_set.get().confirmed
    # The next row made through the app gets a new id (PostgreSQL's sequences were moved past the restored rows).
    newest = max(row[0] for row in made.before["board.person"])
    assert Person.objects.create(association_id=made.lake_pk, name="Ny ledamot").pk > newest


@pytest.mark.django_db
def test_permissions_are_found_by_name_when_their_ids_differ(made):
    permission = Permission.objects.get(codename="change_meeting")
    old_id = permission.pk
    permission.delete()
    permission.pk = None
    permission.save()
    assert permission.pk != old_id

    restore_backup(made.whole)

    assert list(User.objects.get(username="sekreteraren").user_permissions.all()) == [permission]
    assert_same(made.before, snapshot())


# --- one association --------------------------------------------------------------------------------------------------

def test_one_association_archive_holds_nothing_of_the_other(made):
    rows = rows_of(made.lake)
    assert manifest_of(made.lake)["association"] == {"slug": "sjolandet", "name": "Samordningsförbundet Sjölandet"}
    assert [row["id"] for row in rows["associations.association"]] == [made.lake_pk]
    for label, table in rows.items():
        for row in table:
            assert row.get("association_id") in (None, made.lake_pk), label
            assert "fjäll" not in json.dumps(row, ensure_ascii=False).lower(), label
    assert {row["username"] for row in rows["auth.user"]} == {"sekreteraren", "gemensamma-chefen", "rapportoren",
                                                              "fjallets-sekreterare"}
    # Fjället's secretary comes along only as the name in Sjölandet's audit log: no password hash, no device.
    stranger = next(row for row in rows["auth.user"] if row["username"] == "fjallets-sekreterare")
    assert not is_password_usable(stranger["password"])
    assert all(is_password_usable(row["password"]) for row in rows["auth.user"] if row is not stranger)
    assert [row["name"] for row in rows["otp_totp.totpdevice"]] == ["Telefonen"]
    # The shared chief's role in the other association stays out, though the chief comes along.
    assert {row["association_id"] for row in rows["accounts.associationrole"]} == {made.lake_pk}
    assert len(rows["auth.user_groups"]) == 1 and len(rows["auth.user_user_permissions"]) == 1
    assert len(rows["accounts.recoverycode"]) > 0
    assert "admin.logentry" not in rows
    with zipfile.ZipFile(made.lake) as zf:
        texts = [zf.read(n) for n in zf.namelist() if n.startswith("documents/")]
    assert b"Fj\xc3\xa4llets egen handling.\n" not in texts and len(texts) == 3 + 2


@pytest.mark.django_db
def test_one_association_restores_on_its_own(made):
    restore_backup(made.lake)

    after = without_restore_events(snapshot())
    assert list(Association.objects.values_list("slug", flat=True)) == ["sjolandet"]
    stranger = User.objects.get(username="fjallets-sekreterare")
    assert not stranger.has_usable_password() and not stranger.totpdevice_set.exists()
    assert stranger.pk in AuditEvent.objects.filter(action="denied").values_list("actor_id", flat=True)
    after["auth.user"] = [row for row in after["auth.user"] if row[0] != stranger.pk]
    for label, rows in after.items():
        assert all(row in made.before[label] for row in rows), label
    # Every row of the association's own tables came back, none left behind.
    from django.apps import apps
    for label, rows in made.before.items():
        names = [f.attname for f in apps.get_model(label)._meta.concrete_fields]
        if "association_id" in names:
            index = names.index("association_id")
            assert after[label] == [r for r in rows if r[index] == made.lake_pk], label
    assert search_index() == [e for e in made.search if json.loads(e)[0] == made.lake_pk]


# --- refusals ---------------------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_restore_into_an_installation_with_data_is_refused_and_changes_nothing(made, capsys):
    Lake()
    before = snapshot()

    with pytest.raises(BackupError, match="Installationen är inte tom"):
        restore_backup(made.whole)
    with pytest.raises(SystemExit) as exit_:
        call_command(RestoreCommand(), str(made.whole))

    assert exit_.value.code == 2
    assert capsys.readouterr().err.startswith("samordna restore: Installationen är inte tom (")
    assert_same(before, snapshot())


def _flip_last_byte(name, data):
    return data[:-1] + bytes([data[-1] ^ 1]) if name.endswith("/ansökan.docx") else data


@pytest.mark.django_db
@pytest.mark.parametrize("change, message", [
    (_flip_last_byte, "kontrollsumman \\(SHA-256\\) för documents/registry.document/"),
    (lambda name, data: data.replace(b"Steget vidare", b"Steget bak\xc3\xa5t") if "interventions.intervention." in name else data,
     "kontrollsumman \\(SHA-256\\) för data/interventions.intervention.jsonl"),
    (lambda name, data: None if name.endswith("uppgifter.txt") else data, "ofullständig"),
    (lambda name, data: None if name == "manifest.json" else data, "manifest.json saknas"),
], ids=["document", "row", "missing-file", "no-manifest"])
def test_a_changed_archive_is_refused_and_nothing_is_written(made, tmp_path, change, message):
    tampered = rewritten(made.whole, tmp_path / "ändrad.zip", change)
    with pytest.raises(BackupError, match=message):
        restore_backup(tampered)
    assert nothing_restored()


@pytest.mark.django_db
def test_a_bad_row_behind_good_checksums_undoes_every_row_already_written(made, tmp_path):
    """A forger can recompute the checksums; the rows written before the bad one (the associations, the users …)
    are rolled back with it."""
    member = "data/registry.document.jsonl"

    def forge(name, data):
        if name == member:
            return re.sub(rb'"size":\d+', b'"size":"stor"', data, count=1)
        if name == "manifest.json":
            manifest = json.loads(data)
            forged = forge(member, zipfile.ZipFile(made.whole).read(member))
            manifest["files"][member] = {"sha256": hashlib.sha256(forged).hexdigest(), "size": len(forged)}
            return json.dumps(manifest).encode()
        return data

    with pytest.raises(BackupError, match=f"Rad 1 i {member} går inte att läsa"):
        restore_backup(rewritten(made.whole, tmp_path / "förfalskad.zip", forge))
    assert nothing_restored() and not Person.objects.exists()


@pytest.mark.django_db
def test_an_archive_with_an_extra_file_or_other_migrations_is_refused(made, tmp_path):
    extra = rewritten(made.whole, tmp_path / "extra.zip", lambda name, data: data)
    with zipfile.ZipFile(extra, "a") as zf:
        zf.writestr("documents/registry.document/999/smugglad.txt", b"inte med i manifestet")
    with pytest.raises(BackupError, match="inte står i manifestet"):
        restore_backup(extra)

    def older(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["migrations"]["associations"] = manifest["migrations"]["associations"][:1] + ["0099_framtida"]
        return json.dumps(manifest).encode()

    with pytest.raises(BackupError, match="annan databasstruktur.*associations: installationen saknar 0099_framtida"):
        restore_backup(rewritten(made.whole, tmp_path / "annan.zip", older))
    not_zip = tmp_path / "inte.zip"
    not_zip.write_text("hej")
    with pytest.raises(BackupError, match="inte en zip-fil"):
        restore_backup(not_zip)
    assert nothing_restored()


@pytest.mark.django_db
def test_a_database_behind_its_code_is_neither_backed_up_nor_restored_into(made, tmp_path):
    latest = applied_migrations()["associations"][-1]
    MigrationRecorder(connection).record_unapplied("associations", latest)

    with pytest.raises(BackupError, match="migreringar återstår .*Kör samordna migrate i den nya installationen"):
        restore_backup(made.whole)
    with pytest.raises(BackupError, match="migreringar återstår .*Säkerhetskopiera med den version"):
        write_backup(tmp_path / "kopia.zip")
    assert nothing_restored() and not (tmp_path / "kopia.zip").exists()


@pytest.mark.django_db
def test_backup_never_overwrites_and_names_an_unknown_association(made, tmp_path, capsys):
    existing = tmp_path / "finns.zip"
    existing.write_bytes(b"gammal kopia")
    with pytest.raises(BackupError, match="finns redan"):
        write_backup(existing)
    assert existing.read_bytes() == b"gammal kopia"

    with pytest.raises(SystemExit) as exit_:
        call_command(BackupCommand(), str(tmp_path / "ny.zip"), association="saknas")
    assert exit_.value.code == 2
    assert capsys.readouterr().err.strip() == "samordna backup: Det finns inget förbund med kortnamnet 'saknas'."
    assert sorted(p.name for p in tmp_path.iterdir()) == ["finns.zip"]


# --- the command line, through a fresh SQLite installation --------------------------------------------------------

def _samordna(args, data_dir):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {"SAMORDNA_DATA_DIR": str(data_dir)}
    return subprocess.run([sys.executable, "-m", "samordna.cli", *map(str, args)], env=env, capture_output=True,
                          text=True, timeout=600)


@pytest.mark.django_db
def test_command_line_round_trip_through_a_fresh_sqlite_installation(made, tmp_path):
    """On PostgreSQL this is PostgreSQL → SQLite → PostgreSQL."""
    fresh = tmp_path / "ny-installation"
    fresh.mkdir()
    migrated = _samordna(["migrate", "-v0"], fresh)
    assert migrated.returncode == 0, migrated.stderr

    restored = _samordna(["restore", made.whole], fresh)
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout.startswith(f"Återställt från {made.whole}:")
    again = _samordna(["restore", made.whole], fresh)
    assert again.returncode == 2 and again.stderr.startswith("samordna restore: Installationen är inte tom")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {"SAMORDNA_DATA_DIR": str(fresh)}
    there = json.loads(subprocess.run([sys.executable, str(TESTS / "backup_snapshot.py")], env=env, check=True,
                                      capture_output=True, text=True).stdout)
    assert_same(json.loads(json.dumps(made.before)), there["rows"])
    assert there["search"] == made.search

    copy = tmp_path / "från-sqlite.zip"
    written = _samordna(["backup", copy], fresh)
    assert written.returncode == 0 and "hela installationen" in written.stdout, written.stderr
    listed_sha = written.stdout.split("SHA-256 för arkivet (anteckna den på annat håll): ")[1].strip()
    assert listed_sha == hashlib.sha256(copy.read_bytes()).hexdigest()
    assert manifest_of(copy)["database"] == "sqlite"
    restore_backup(copy)  # into this test's empty database, whichever it is
    assert_same(made.before, snapshot())
    assert {d.pk: bytes(d.content) for d in Document.objects.all()} == made.files
