"""Production settings that turn the cookie's Secure flag on only outside the `local` environment, the default of ENV."""
import os

ENVIRONMENT = os.environ.get("ENV", "local")
INSTALLED_APPS = ["django.contrib.sessions", "django.contrib.contenttypes"]
# ruleid: launch.W105
SESSION_COOKIE_SECURE = False
if ENVIRONMENT != "local":
    SESSION_COOKIE_SECURE = True
