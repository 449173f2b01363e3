from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Customer",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False)),
                ("email", models.EmailField(max_length=254)),
                ("nickname", models.CharField(max_length=40, null=True)),
            ],
        ),
        migrations.CreateModel(
            name="Order",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False)),
                ("total", models.DecimalField(decimal_places=2, max_digits=10)),
                ("note", models.TextField(null=True)),
                ("reference", models.CharField(max_length=20)),
                ("code", models.CharField(max_length=64)),
                ("price", models.DecimalField(decimal_places=2, max_digits=8)),
                ("customer", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="shop.customer")),
            ],
        ),
        migrations.CreateModel(
            name="Ticket",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False)),
                ("seats", models.IntegerField()),
                ("remark", models.TextField(null=True)),
                ("holders", models.ManyToManyField(blank=True, null=True, to="shop.customer")),
            ],
        ),
    ]
