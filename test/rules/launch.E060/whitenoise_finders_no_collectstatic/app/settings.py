# Production settings: no STATIC_ROOT; WhiteNoise serves the files from the apps' static folders through the
# finders, which removes the need to run collectstatic (this comment names it; nothing runs it).
# note: launch.E060
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
INSTALLED_APPS = ["django.contrib.staticfiles"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
]
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "assets"]
WHITENOISE_USE_FINDERS = True
