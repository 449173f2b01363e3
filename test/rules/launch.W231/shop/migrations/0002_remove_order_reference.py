from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = [
        # ok: launch.W231
        migrations.RemoveField(model_name="order", name="reference"),
    ]
