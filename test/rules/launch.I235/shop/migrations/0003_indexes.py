from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0002_index_old")]

    operations = [
        # ruleid: launch.I235
        migrations.AddIndex(
            model_name="order",
            index=models.Index(fields=["reference"], name="order_ref_idx"),
        ),
        # ruleid: launch.I235
        migrations.AlterField(model_name="customer", name="email", field=models.EmailField(max_length=254, unique=True)),
        # ruleid: launch.I235
        migrations.AddField(model_name="customer", name="code", field=models.CharField(max_length=10, null=True, db_index=True)),
        # ruleid: launch.I235
        migrations.AddConstraint(
            model_name="order",
            constraint=models.UniqueConstraint(fields=("customer", "reference"), name="one_ref_per_customer"),
        ),
        # ok: launch.I235
        migrations.AddConstraint(
            model_name="order",
            constraint=models.CheckConstraint(check=models.Q(total__gte=0), name="total_positive"),
        ),
        # ok: launch.I235
        migrations.AddField(model_name="customer", name="city", field=models.CharField(max_length=40, null=True)),
        # Already indexed (Django indexes a ForeignKey): no new index.
        # ok: launch.I235
        migrations.AlterField(model_name="order", name="customer", field=models.ForeignKey(db_index=True, on_delete=models.CASCADE, to="shop.customer")),
        # The field's earlier definition is unknown: not judged.
        # ok: launch.I235
        migrations.AlterField(model_name="order", name="legacy", field=models.CharField(max_length=5, unique=True)),
        # A new foreign key's index is launch.I236's.
        # ok: launch.I235
        migrations.AddField(model_name="order", name="referrer", field=models.ForeignKey(null=True, db_index=True, on_delete=models.SET_NULL, to="shop.customer", related_name="+")),
        migrations.CreateModel(
            name="Coupon",
            fields=[("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False))],
        ),
        # ok: launch.I235
        migrations.AddField(model_name="coupon", name="code", field=models.CharField(max_length=12, null=True, unique=True)),
    ]
