"""The full-text index proper, per database: PostgreSQL's `swedish` tsvector with a GIN index scoped by association
(btree_gin) and a trigram index on the vocabulary; on SQLite an FTS5 table whose `scope` column holds the association."""
from django.db import migrations

POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS btree_gin",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """ALTER TABLE search_searchentry ADD COLUMN document tsvector GENERATED ALWAYS AS (
         setweight(to_tsvector('swedish', coalesce(title, '') || ' ' || coalesce(case_number, '')), 'A')
         || setweight(to_tsvector('swedish', coalesce(text, '')), 'B')) STORED""",
    "CREATE INDEX search_entry_document ON search_searchentry USING gin (association_id, document)",
    # Newest first within one association: a common word's newest matches are read in order and the scan stops early.
    "CREATE INDEX search_entry_recent ON search_searchentry (association_id, id DESC)",
    "CREATE INDEX search_term_trigram ON search_searchterm USING gin (term gin_trgm_ops)",
]
SQLITE = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(scope, title, terms, tokenize = 'unicode61 remove_diacritics 0')",
]


def forwards(apps, schema_editor):
    statements = POSTGRES if schema_editor.connection.vendor == "postgresql" else SQLITE
    for sql in statements:
        schema_editor.execute(sql)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_term_trigram")
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_recent")
        schema_editor.execute("ALTER TABLE search_searchentry DROP COLUMN IF EXISTS document")
    else:
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
