from django.db import migrations, models

# ok: launch.W238
import shop.models
# ok: launch.W238
from shop.models import make_token
# a library's models module, not the project's: its classes are not the project's historical models
# ok: launch.W238
import mptt.models


def fill_tokens(apps, schema_editor):
    Customer = apps.get_model("shop", "Customer")
    for customer in Customer.objects.all():
        customer.nickname = make_token()
        customer.options = mptt.models.MPTTOptions(Customer._meta)
        customer.save()


def backfill(apps, schema_editor):
    # ruleid: launch.W238
    import shop.models as current

    current.Order.objects.update(note="")


class Migration(migrations.Migration):
    dependencies = [("shop", "0003_data")]

    operations = [
        migrations.AddField(model_name="customer", name="token", field=models.CharField(default=shop.models.make_token, max_length=40)),
        migrations.RunPython(fill_tokens, migrations.RunPython.noop),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
