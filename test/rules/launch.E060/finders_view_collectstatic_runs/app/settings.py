"""Production settings: the same static view, but the release phase runs collectstatic, which fails."""
# ruleid: launch.E060
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
INSTALLED_APPS = ["django.contrib.staticfiles"]
ROOT_URLCONF = "app.urls"
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "assets"]
