from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0002_rename_old")]

    operations = [
        # ruleid: launch.W232
        migrations.RenameField(
            model_name="order",
            old_name="reference",
            new_name="ref",
        ),
        # ruleid: launch.W232
        migrations.RenameModel(old_name="Customer", new_name="Client"),
        migrations.SeparateDatabaseAndState(
            database_operations=[
                # ok: launch.W232
                migrations.RenameField(model_name="order", old_name="total", new_name="amount"),
            ],
        ),
        # ok: launch.W232
        migrations.AlterField(model_name="order", name="notes", field=models.TextField(null=True, blank=True)),
        # The column keeps its name (db_column): a state-only rename.
        # ok: launch.W232
        migrations.RenameField(model_name="order", old_name="legacy_code", new_name="code"),
        # The table keeps its name (db_table): a state-only rename.
        # ok: launch.W232
        migrations.RenameModel(old_name="Invoice", new_name="Bill"),
        # A plain many-to-many: its join table is renamed (the message says so).
        # ruleid: launch.W232
        migrations.RenameField(model_name="order", old_name="watchers", new_name="followers"),
        # A through= many-to-many: the table is the Labelling model's, nothing is renamed.
        # ok: launch.W232
        migrations.RenameField(model_name="order", old_name="labels", new_name="tags"),
    ]
