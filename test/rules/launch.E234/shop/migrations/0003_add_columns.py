from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0002_add_old")]

    operations = [
        # A Python default (what makemigrations writes): the release still serving fails its INSERTs.
        # ruleid: launch.E234
        migrations.AddField(
            model_name="order",
            name="currency",
            field=models.CharField(default="EUR", max_length=3),
        ),
        # ruleid: launch.E234
        migrations.AddField(
            model_name="order",
            name="shipped",
            field=models.BooleanField(default=False),
            preserve_default=False,
        ),
        # No default at all: fails on the first row.
        # ruleid: launch.E234
        migrations.AddField(model_name="customer", name="country", field=models.CharField(max_length=2)),
        # ok: launch.E234
        migrations.AddField(model_name="customer", name="phone", field=models.CharField(max_length=20, null=True)),
        # ok: launch.E234
        migrations.AddField(model_name="customer", name="vip", field=models.BooleanField(db_default=False)),
        # ok: launch.E234
        migrations.AddField(model_name="customer", name="tags", field=models.ManyToManyField(to="shop.order")),
        migrations.CreateModel(
            name="Coupon",
            fields=[("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False))],
        ),
        # A table created by this migration has no rows and no old code.
        # ok: launch.E234
        migrations.AddField(model_name="coupon", name="code", field=models.CharField(max_length=12)),
    ]
