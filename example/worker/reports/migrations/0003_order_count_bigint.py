from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reports', '0002_next_release'),
    ]

    operations = [
        # expect: launch.W233
        migrations.AlterField(
            model_name='salesreport',
            name='order_count',
            field=models.PositiveBigIntegerField(default=0),
        ),
    ]
