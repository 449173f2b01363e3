from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = [
        # ok: launch.W232
        migrations.RenameField(model_name="order", old_name="note", new_name="notes"),
        migrations.AddField(model_name="order", name="legacy_code", field=models.CharField(max_length=8, null=True, db_column="code")),
        migrations.CreateModel(
            name="Invoice",
            fields=[("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False))],
            options={"db_table": "billing_invoice"},
        ),
    ]
