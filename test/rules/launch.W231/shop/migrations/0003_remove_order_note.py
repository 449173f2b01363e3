from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0002_remove_order_reference")]

    operations = [
        # ruleid: launch.W231
        migrations.RemoveField(
            model_name="order",
            name="note",
        ),
        # ok: launch.W231
        migrations.AddField(model_name="order", name="gift", field=models.BooleanField(null=True)),
    ]
