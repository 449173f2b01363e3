from django.db import migrations, models


class Migration(migrations.Migration):
    # The app's migrations live in the package MIGRATION_MODULES names (app/settings.py), not in migrations/.
    dependencies = [("billing", "0001_initial")]

    operations = [
        # ruleid: launch.E234
        migrations.AddField(model_name="invoice", name="number", field=models.CharField(max_length=20)),
        # ok: launch.E234
        migrations.AddField(model_name="invoice", name="memo", field=models.TextField(null=True)),
    ]
