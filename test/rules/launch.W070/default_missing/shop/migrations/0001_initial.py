from django.db import migrations, models


class Migration(migrations.Migration):
    operations = [
        migrations.CreateModel(
            name="Product",
            fields=[
                # ok: launch.W070
                ("image", models.ImageField(upload_to="products/")),
            ],
        ),
    ]
