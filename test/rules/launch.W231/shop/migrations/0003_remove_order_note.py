from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0002_remove_order_reference")]

    operations = [
        # ruleid: launch.W231
        migrations.RemoveField(
            model_name="order",
            name="note",
        ),
        # A many-to-many: no column, but its join table goes (the message says so).
        # ruleid: launch.W231
        migrations.RemoveField(model_name="order", name="watchers"),
        # A many-to-many through another model: nothing is dropped.
        # ok: launch.W231
        migrations.RemoveField(model_name="order", name="labels"),
        # ok: launch.W231
        migrations.AddField(model_name="order", name="gift", field=models.BooleanField(null=True)),
        # Created and dropped again by this same migration: it never reached a release.
        migrations.CreateModel(name="Draft", fields=[("id", models.BigAutoField(primary_key=True)), ("body", models.TextField())]),
        # ok: launch.W231
        migrations.RemoveField(model_name="order", name="gift"),
        # ok: launch.W231
        migrations.RemoveField(model_name="draft", name="body"),
        # ok: launch.W231
        migrations.DeleteModel(name="Draft"),
    ]
