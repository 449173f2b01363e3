from django.db import migrations, models


def fill(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = [
        # ok: launch.W237
        migrations.RunPython(fill),
    ]
