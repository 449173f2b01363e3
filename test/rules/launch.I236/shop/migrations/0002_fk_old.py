from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = [
        # ok: launch.I236
        migrations.AddField(model_name="order", name="referrer", field=models.ForeignKey(null=True, on_delete=models.SET_NULL, to="shop.customer", related_name="+")),
    ]
