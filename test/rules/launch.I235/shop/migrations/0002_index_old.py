from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = [
        # ok: launch.I235
        migrations.AddIndex(model_name="order", index=models.Index(fields=["total"], name="order_total_idx")),
    ]
