"""The audit log, and on PostgreSQL a trigger that refuses UPDATE and DELETE on it (issue 9, item 4).

The only UPDATE let through is Django's ON DELETE SET NULL of the actor when a user account is removed: nothing else
in the row may change. TRUNCATE is not blocked (the test runner and a restore into an empty installation use it).
SQLite gets no trigger: its test flush deletes row by row, and the model refuses changes there anyway.
"""

import django.core.serializers.json
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

TRIGGER = """
CREATE OR REPLACE FUNCTION accounts_auditevent_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.actor_id IS NOT NULL AND NEW.actor_id IS NULL
       AND (to_jsonb(NEW) - 'actor_id') = (to_jsonb(OLD) - 'actor_id') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'Granskningsloggen kan bara byggas på: % av en händelse nekas (audit log is append-only)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS accounts_auditevent_append_only ON accounts_auditevent;
CREATE TRIGGER accounts_auditevent_append_only BEFORE UPDATE OR DELETE ON accounts_auditevent
    FOR EACH ROW EXECUTE FUNCTION accounts_auditevent_append_only();
"""
DROP_TRIGGER = """
DROP TRIGGER IF EXISTS accounts_auditevent_append_only ON accounts_auditevent;
DROP FUNCTION IF EXISTS accounts_auditevent_append_only();
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGGER, params=None)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_TRIGGER, params=None)


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0002_invitation_recoverycodedevice_recoverycode'),
        ('associations', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='AuditEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('actor_name', models.CharField(max_length=150, verbose_name='användarnamn då')),
                ('at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='tidpunkt')),
                ('action', models.CharField(choices=[('create', 'Skapad'), ('update', 'Ändrad'), ('delete', 'Borttagen'), ('approval', 'Godkänd (justering)'), ('adjustment', 'Protokoll justerat'), ('denied', 'Nekad åtkomst')], max_length=20, verbose_name='händelse')),
                ('object_type', models.CharField(blank=True, max_length=100, verbose_name='modell')),
                ('object_kind', models.CharField(blank=True, max_length=100, verbose_name='slag')),
                ('object_id', models.CharField(blank=True, max_length=64, verbose_name='id')),
                ('object_repr', models.CharField(blank=True, max_length=300, verbose_name='beskrivning')),
                ('before', models.JSONField(blank=True, encoder=django.core.serializers.json.DjangoJSONEncoder, null=True, verbose_name='före')),
                ('after', models.JSONField(blank=True, encoder=django.core.serializers.json.DjangoJSONEncoder, null=True, verbose_name='efter')),
                ('reason', models.TextField(blank=True, verbose_name='skäl')),
                ('method', models.CharField(blank=True, max_length=10, verbose_name='metod')),
                ('path', models.CharField(blank=True, max_length=300, verbose_name='sökväg')),
                ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='användare')),
                ('association', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='associations.association', verbose_name='förbund')),
            ],
            options={
                'verbose_name': 'händelse i granskningsloggen',
                'verbose_name_plural': 'granskningslogg',
                'ordering': ['-at', '-pk'],
                'indexes': [models.Index(fields=['association', '-at'], name='audit_association_at')],
            },
        ),
        migrations.RunPython(create_trigger, drop_trigger, elidable=False),
    ]
