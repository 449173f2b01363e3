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
        # With no default= (blank=True alone) Django adds NOT NULL at once: the rows still NULL fail it.
        # ruleid: launch.W233
        migrations.AlterField(model_name="pass", name="remark", field=models.TextField(blank=True)),
        # A many-to-many's null= has no column to change (the Compl'alim declaration.effects).
        # ok: launch.W233
        migrations.AlterField(model_name="pass", name="holders", field=models.ManyToManyField(blank=True, to="shop.customer")),
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
        # A shorter varchar, another numeric scale or fewer digits: PostgreSQL rewrites the table, and the
        # migration fails on a value that no longer fits.
        # ruleid: launch.W233
        migrations.AlterField(model_name="order", name="code", field=models.CharField(max_length=32)),
        # ruleid: launch.W233
        migrations.AlterField(model_name="order", name="price", field=models.DecimalField(decimal_places=3, max_digits=8)),
        # ruleid: launch.W233
        migrations.AlterField(model_name="order", name="price", field=models.DecimalField(decimal_places=2, max_digits=6)),
        # More digits at the same scale, a longer or unlimited varchar: no rewrite.
        # ok: launch.W233
        migrations.AlterField(model_name="order", name="price", field=models.DecimalField(decimal_places=2, max_digits=12)),
        # ok: launch.W233
        migrations.AlterField(model_name="order", name="code", field=models.CharField()),
        # ok: launch.W233
        migrations.AlterField(model_name="order", name="code", field=models.CharField(max_length=CODE_LENGTH)),
        # A field of a renamed model: its definition moved with the model.
        # ruleid: launch.W233
        migrations.AlterField(model_name="pass", name="seats", field=models.BigIntegerField()),
        # A custom field: its column type is unknown.
        # ok: launch.W233
        migrations.AlterField(model_name="order", name="total", field=shop.fields.MoneyField(max_digits=12)),
    ]
