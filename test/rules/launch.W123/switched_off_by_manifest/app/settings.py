import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["shop.example.com"]
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "mocklogin", "accounts"]
ROOT_URLCONF = "app.urls"
# A stand-in login provider, read through a helper the scan does not follow: the deploy files decide.
from app.flags import flags  # noqa: E402

MOCK_LOGIN = flags.read("MOCK_LOGIN")
