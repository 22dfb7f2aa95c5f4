"""SQLite: every FTS5 scope token now carries its association (see engine.scope_tokens)."""
from django.db import migrations

BATCH = 5000


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT rowid, scope FROM search_fts")
        rows = cursor.fetchall()
        changed = []
        for rowid, scope in rows:
            tokens = scope.split()
            association = next((t for t in tokens if t[:1] == "a" and t[1:].isdigit()), None)
            if association is None or all(t.startswith(association) for t in tokens):
                continue
            rest = [t for t in tokens if t != association]
            changed.append((" ".join([association] + [association + t for t in rest]), rowid))
        for start in range(0, len(changed), BATCH):
            cursor.executemany("UPDATE search_fts SET scope = %s WHERE rowid = %s", changed[start:start + BATCH])


class Migration(migrations.Migration):
    dependencies = [("search", "0003_vocabulary_without_numbers")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
