from django.db import migrations, models


def backfill(apps, schema_editor):
    Order = apps.get_model("shop", "Order")
    Order.objects.filter(note=None).update(note="")


def unfill(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    dependencies = [("shop", "0002_old_data")]

    operations = [
        # ruleid: launch.W237
        migrations.RunPython(
            backfill,
        ),
        # ruleid: launch.W237
        migrations.RunSQL("UPDATE shop_order SET note = '' WHERE note IS NULL"),
        # ok: launch.W237
        migrations.RunPython(backfill, migrations.RunPython.noop),
        # ok: launch.W237
        migrations.RunPython(code=backfill, reverse_code=unfill),
        # ok: launch.W237
        migrations.RunSQL("CREATE EXTENSION IF NOT EXISTS pg_trgm", reverse_sql=migrations.RunSQL.noop),
        # ok: launch.W237
        migrations.RunSQL("UPDATE shop_order SET note = ''", "SELECT 1"),
    ]
