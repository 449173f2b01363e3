import os

import sentry_sdk
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")
# ruleid: launch.I092
sentry_sdk.init("https://fedcba9876543210fedcba9876543210@sentry.example.com/12")
application = get_wsgi_application()
