"""Production settings: no STATIC_ROOT; app/urls.py serves static/ itself through the finders."""
# note: launch.E060
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
INSTALLED_APPS = ["django.contrib.staticfiles"]
ROOT_URLCONF = "app.urls"
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "assets"]
