"""The vocabulary that widens query words keeps only stems with a letter (numbers never form compound words)."""
from django.db import migrations


def forwards(apps, schema_editor):
    SearchTerm = apps.get_model("search", "SearchTerm")
    # A letter, in each database's own regular-expression dialect.
    letter = "[[:alpha:]]" if schema_editor.connection.vendor == "postgresql" else r"[^\W\d_]"
    SearchTerm.objects.exclude(term__regex=letter).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0002_full_text")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
