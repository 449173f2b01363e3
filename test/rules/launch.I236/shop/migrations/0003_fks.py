from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0002_fk_old")]

    operations = [
        # ruleid: launch.I236
        migrations.AddField(
            model_name="order",
            name="billing",
            field=models.ForeignKey(null=True, on_delete=models.SET_NULL, related_name="+", to="shop.customer"),
        ),
        # ruleid: launch.I236
        migrations.AddField(model_name="customer", name="profile_order", field=models.OneToOneField(null=True, on_delete=models.SET_NULL, to="shop.order")),
        # A ForeignKey subclass (on_delete= is a foreign key's): the same constraint and index.
        # ruleid: launch.I236
        migrations.AddField(model_name="order", name="state", field=shop.fields.StateField(null=True, on_delete=models.PROTECT, to="shop.customer")),
        # ok: launch.I236
        migrations.AddField(model_name="order", name="shadow", field=models.ForeignKey(null=True, db_constraint=False, on_delete=models.DO_NOTHING, to="shop.customer", related_name="+")),
        migrations.CreateModel(
            name="Coupon",
            fields=[("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False))],
        ),
        # ok: launch.I236
        migrations.AddField(model_name="coupon", name="order", field=models.ForeignKey(on_delete=models.CASCADE, to="shop.order")),
    ]
