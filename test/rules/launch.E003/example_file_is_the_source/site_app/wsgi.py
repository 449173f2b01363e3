import os

# ok: launch.E003
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_app.settings")
