import os

import sentry_sdk
from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "radio_api.settings.prod")
# ruleid: launch.W091
sentry_sdk.init(traces_sample_rate=1)
application = get_asgi_application()
