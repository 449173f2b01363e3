from django.db import migrations, models


class Migration(migrations.Migration):
    # A squash of 0001-0004, whose files are gone: it runs only on a database that applied none of them (a fresh
    # one, empty tables); a database that applied them marks it applied without running it. Never judged.
    replaces = [("archive", "0001_initial"), ("archive", "0002_entry_note"), ("archive", "0003_entry_tag"), ("archive", "0004_remove_entry_note")]

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Entry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False)),
                ("note", models.TextField()),
            ],
        ),
        # ok: launch.W231
        migrations.RemoveField(model_name="entry", name="note"),
    ]
