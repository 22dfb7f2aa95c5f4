"""PostgreSQL: the association becomes a lexeme of the document ("a41"), and one GIN index on the document serves
the rarer words (common words still read the association's newest entries through search_entry_recent).
A composite (association_id, document) GIN index was not used for both columns: the planner combined a btree on
association_id with a GIN scan of the word across all associations, which for a word in one paragraph out of fifteen
read tens of thousands of postings (0,4 s at a million paragraphs). With the association's lexeme in the query, GIN's
fast scan walks the association's short posting list and skips through the word's long one."""
from django.db import migrations

DOCUMENT = """setweight(to_tsvector('swedish', coalesce(title, '') || ' ' || coalesce(case_number, '')), 'A')
    || setweight(to_tsvector('swedish', coalesce(text, '')), 'B')"""
FORWARDS = [
    "DROP INDEX IF EXISTS search_entry_document",
    "ALTER TABLE search_searchentry DROP COLUMN document",
    f"""ALTER TABLE search_searchentry ADD COLUMN document tsvector GENERATED ALWAYS AS ({DOCUMENT}
    || to_tsvector('simple', 'a' || association_id::text)) STORED""",
    "CREATE INDEX search_entry_document ON search_searchentry USING gin (document)",
    "DELETE FROM search_searchterm WHERE term ~ '^a[0-9]+$'",
]
BACKWARDS = [
    "DROP INDEX IF EXISTS search_entry_document",
    "ALTER TABLE search_searchentry DROP COLUMN document",
    f"ALTER TABLE search_searchentry ADD COLUMN document tsvector GENERATED ALWAYS AS ({DOCUMENT}) STORED",
    "CREATE INDEX search_entry_document ON search_searchentry USING gin (association_id, document)",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)
    return apply


class Migration(migrations.Migration):
    dependencies = [("search", "0004_scope_per_association")]
    operations = [migrations.RunPython(run(FORWARDS), run(BACKWARDS))]
