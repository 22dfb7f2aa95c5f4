import django.db.models.deletion
from django.db import migrations, models


def link_by_name(apps, schema_editor):
    """Lines whose free-text label is exactly one intervention's name (ignoring case) get the link; others keep the text."""
    BudgetLine = apps.get_model("economy", "BudgetLine")
    Intervention = apps.get_model("interventions", "Intervention")
    names = {}
    for intervention in Intervention.objects.all():
        names[intervention.association_id, intervention.name.strip().casefold()] = intervention.pk
    for line in BudgetLine.objects.exclude(intervention_label=""):
        found = names.get((line.association_id, line.intervention_label.strip().casefold()))
        if found is not None:
            BudgetLine.objects.filter(pk=line.pk).update(intervention_id=found)


class Migration(migrations.Migration):

    dependencies = [
        ('economy', '0001_initial'),
        ('interventions', '0002_followupsettings'),
    ]

    operations = [
        migrations.AddField(
            model_name='budgetline',
            name='intervention',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='economy_lines', to='interventions.intervention', verbose_name='insats i insatsregistret'),
        ),
        migrations.AlterField(
            model_name='budgetline',
            name='intervention_label',
            field=models.CharField(blank=True, max_length=200, verbose_name='insats (fritext)'),
        ),
        migrations.RunPython(link_by_name, migrations.RunPython.noop),
    ]
