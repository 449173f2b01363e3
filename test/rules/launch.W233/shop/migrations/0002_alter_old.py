from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = [
        # ok: launch.W233
        migrations.AlterField(model_name="order", name="reference", field=models.IntegerField()),
        migrations.RenameModel(old_name="Ticket", new_name="Pass"),
    ]
