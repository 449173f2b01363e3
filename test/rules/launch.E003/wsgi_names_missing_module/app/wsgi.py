import os

# ruleid: launch.E003
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings.prod")
