from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("shop", "0003_indexes")]

    operations = [
        # ok: launch.I235
        AddIndexConcurrently(model_name="order", index=models.Index(fields=["note"], name="order_note_idx")),
    ]
