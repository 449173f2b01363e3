import os

DEBUG = False
ALLOWED_HOSTS = ["example.com"]
# Compose passes ${SECRET_KEY} through, which is empty when the operator forgets it: the fallback is reachable.
# ruleid: launch.E031
SECRET_KEY = os.environ.get("SECRET_KEY", "django-default-fallback-key-0123456789")
