from django.db import migrations, models
import modelcluster.fields


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
        # A package's many-to-many (modelcluster's, on Wagtail pages: le marché's blog authors) has no column either.
        # ok: launch.E234
        migrations.AddField(model_name="customer", name="authors", field=modelcluster.fields.ParentalManyToManyField(blank=True, to="shop.order")),
        # A model Django does not manage: the migration records its state and runs no SQL.
        # ok: launch.E234
        migrations.AddField(model_name="ticket", name="status", field=models.CharField(max_length=20)),
        # NullBooleanField is always nullable (healthchecks' api migrations)
        # ok: launch.E234
        migrations.AddField(model_name="customer", name="opted_in", field=models.NullBooleanField()),
        # A generated column: the database computes it for every row, INSERTs never send it (paperless' 0006)
        # ok: launch.E234
        migrations.AddField(model_name="order", name="total_cents", field=models.GeneratedField(expression=models.F("total") * 100, output_field=models.IntegerField(), db_persist=True)),
        # A many-to-many subclass with its own through model: no column either.
        # ok: launch.E234
        migrations.AddField(model_name="customer", name="labels", field=shop.fields.LabelField(through="shop.Labelling", to="shop.label")),
        # No default=, but Django fills the existing rows itself (the current time; an empty string for a blank
        # string field), then drops that database default: a warning, not a migration that fails.
        # ruleid: launch.E234
        migrations.AddField(model_name="customer", name="seen_at", field=models.DateTimeField(auto_now=True)),
        # ruleid: launch.E234
        migrations.AddField(model_name="customer", name="about", field=models.TextField(blank=True)),
        # ruleid: launch.E234
        migrations.AddField(model_name="customer", name="photo", field=models.ImageField(blank=True, upload_to="photos")),
        # blank=True on a custom class: an empty string only if the class takes one — a warning that says so.
        # ruleid: launch.E234
        migrations.AddField(model_name="customer", name="secret", field=shop.fields.SealedField(blank=True)),
        # blank=True on an integer: nothing fills the rows, the migration fails (an error).
        # ruleid: launch.E234
        migrations.AddField(model_name="customer", name="score", field=models.IntegerField(blank=True)),
        migrations.CreateModel(
            name="Coupon",
            fields=[("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False))],
        ),
        # A table created by this migration has no rows and no old code.
        # ok: launch.E234
        migrations.AddField(model_name="coupon", name="code", field=models.CharField(max_length=12)),
    ]
