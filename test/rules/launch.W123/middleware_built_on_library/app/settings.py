import os

# a shared settings package not in the repository sets MIDDLEWARE (Columbia CTL's ctlsettings, Mediathread)
from ctlsettings.shared import common

locals().update(common(project="app", base=os.path.dirname(__file__)))

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = ["media.example.edu"]
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "returns"]
# only added to: whatever the package put in the list is still there, and the scan cannot compute it
MIDDLEWARE = ["corsheaders.middleware.CorsMiddleware"] + MIDDLEWARE  # noqa
ROOT_URLCONF = "app.urls"
