from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = [
        # ok: launch.E234
        migrations.AddField(model_name="order", name="paid", field=models.BooleanField(default=False)),
    ]
