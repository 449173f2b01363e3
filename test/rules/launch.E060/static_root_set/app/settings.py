from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.staticfiles",
]
# ok: launch.E060
STATIC_ROOT = BASE_DIR / "staticfiles"
