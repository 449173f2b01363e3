import os

import sentry_sdk as sentry
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")
RATE = 1

# ruleid: launch.W091
sentry.init(dsn=os.environ.get("SENTRY_DSN"), traces_sample_rate=RATE)
application = get_wsgi_application()
