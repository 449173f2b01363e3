from django.db import migrations, models

# ruleid: launch.W238
from shop.models import Order
# ok: launch.W238
from django.contrib.auth.models import Group
# ok: launch.W238
from shop.choices import STATUSES


def backfill(apps, schema_editor):
    for order in Order.objects.all():
        order.save()


def cleanup(apps, schema_editor):
    # ruleid: launch.W238
    from shop.models import Customer

    Customer.objects.filter(email="").delete()


def historical(apps, schema_editor):
    Customer = apps.get_model("shop", "Customer")
    Customer.objects.filter(email=STATUSES[0]).delete()


class Migration(migrations.Migration):
    dependencies = [("shop", "0002_old_data")]

    operations = [
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.RunPython(cleanup, migrations.RunPython.noop),
        migrations.RunPython(historical, migrations.RunPython.noop),
    ]
