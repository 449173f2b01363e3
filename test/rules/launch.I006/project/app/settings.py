import os

# ruleid: launch.I006
# launch-gate: ignore[launch.E010]
DEBUG = True

# ok: launch.I006
# launch-gate: ignore[launch.E020] the internal tool answers on any host behind the VPN
ALLOWED_HOSTS = ["*"]

# ruleid: launch.I006
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-fixture-i006-0b1c")  # launch-gate: ignore[launch.E031, launch.E032] —

# ok: launch.I006
# launch-gate: ignore[launch.E040]: a read-only demo database, rebuilt on every deploy
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "demo.sqlite3"}}
