from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0003_remove_order_note")]

    operations = [
        # The contract step of expand/contract: the code stopped using the field a release ago.
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.RemoveField(model_name="customer", name="nickname")],
            database_operations=[
                # ok: launch.W231
                migrations.RemoveField(model_name="customer", name="nickname"),
            ],
        ),
        # The table goes in this migration: its DeleteModel says so once, not once per field first removed.
        # ok: launch.W231
        migrations.RemoveField(model_name="customer", name="email"),
        # ruleid: launch.W231
        migrations.DeleteModel(name="Customer"),
    ]
