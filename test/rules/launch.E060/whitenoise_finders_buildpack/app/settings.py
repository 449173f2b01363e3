# Production settings: the same WhiteNoise finders on a buildpack platform (the Procfile), whose build runs collectstatic.
# ruleid: launch.E060
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
