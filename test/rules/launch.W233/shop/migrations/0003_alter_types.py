from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0002_alter_old")]

    operations = [
        # ruleid: launch.W233
        migrations.AlterField(
            model_name="order",
            name="reference",
            field=models.BigIntegerField(),
        ),
        # ruleid: launch.W233
        migrations.AlterField(model_name="order", name="note", field=models.TextField(default="")),
        # ok: launch.W233
        migrations.AlterField(model_name="customer", name="email", field=models.EmailField(max_length=254, blank=True)),
        # ok: launch.W233
        migrations.AlterField(model_name="customer", name="nickname", field=models.CharField(max_length=80, null=True)),
        # ok: launch.W233
        migrations.AlterField(model_name="order", name="customer", field=models.ForeignKey(on_delete=models.PROTECT, to="shop.customer")),
        # The earlier definition is unknown (no migration defines it): nothing to compare.
        # ok: launch.W233
        migrations.AlterField(model_name="invoice", name="number", field=models.IntegerField()),
        # No rewrite: varchar to text, and an EmailField is a varchar too.
        # ok: launch.W233
        migrations.AlterField(model_name="customer", name="nickname", field=models.TextField(null=True)),
        # ok: launch.W233
        migrations.AlterField(model_name="customer", name="email", field=models.CharField(max_length=254)),
        # A custom field: its column type is unknown.
        # ok: launch.W233
        migrations.AlterField(model_name="order", name="total", field=shop.fields.MoneyField(max_digits=12)),
    ]
