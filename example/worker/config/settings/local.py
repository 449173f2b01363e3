"""Local development settings: ``python manage.py runserver`` uses these."""

from .base import *  # noqa: F401,F403

DEBUG = True

SECRET_KEY = "django-insecure-local-only-3b1f0c2a9e8d7c6b5a4f"  # expect: launch.I035

ALLOWED_HOSTS = ["localhost", "127.0.0.1"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "db.sqlite3",  # noqa: F405
    }
}
