from django.db import migrations

from reports.models import SalesReport  # expect: launch.W238


def backfill_currency(apps, schema_editor):
    SalesReport.objects.filter(currency="").update(currency="EUR")


class Migration(migrations.Migration):

    dependencies = [
        ('reports', '0003_order_count_bigint'),
    ]

    operations = [
        migrations.RunPython(backfill_currency),  # expect: launch.W237
    ]
