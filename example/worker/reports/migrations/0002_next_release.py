# The next release's schema change, as makemigrations wrote it. Run without a
# base ref, the gate cannot know whether production applied it: each finding
# here is a note. With --base-ref (the action: the pull request's base) the
# ones this change adds are warnings — see README "Migration safety".

from django.conf import settings
from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('reports', '0001_initial'),
    ]

    operations = [
        # expect: launch.W232
        migrations.RenameField(
            model_name='salesreport',
            old_name='orders',
            new_name='order_count',
        ),
        # expect: launch.W231
        migrations.RemoveField(
            model_name='salesreport',
            name='generated_at',
        ),
        # expect: launch.E234
        migrations.AddField(
            model_name='salesreport',
            name='currency',
            field=models.CharField(default='EUR', max_length=3),
        ),
        # expect: launch.I236
        migrations.AddField(
            model_name='salesreport',
            name='approved_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL),
        ),
        # expect: launch.I235
        migrations.AddIndex(
            model_name='salesreport',
            index=models.Index(fields=['currency', 'day'], name='report_currency_day_idx'),
        ),
    ]
