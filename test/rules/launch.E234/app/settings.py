import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "shop", "billing"]
ROOT_URLCONF = "app.urls"

# Migrations tracked in the repository under another package name, when the deploy asks for it (DefectDojo's way).
if os.environ.get("TRACK_MIGRATIONS"):
    MIGRATION_MODULES = {"billing": "billing.db_migrations"}
