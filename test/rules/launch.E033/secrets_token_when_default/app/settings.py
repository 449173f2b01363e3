import os
import secrets

DEBUG = False
ALLOWED_HOSTS = ["example.com"]
_DEFAULT_KEYS = ("shipped-default-key-please-change",)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY or SECRET_KEY in _DEFAULT_KEYS:
    # ruleid: launch.E033
    SECRET_KEY = secrets.token_urlsafe(50)

# ok: launch.E033
CSRF_SECRET_SALT = secrets.token_hex(8)
