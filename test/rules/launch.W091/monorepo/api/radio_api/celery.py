import os

import sentry_sdk
from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "radio_api.settings.prod")
app = Celery("radio_api")
# ruleid: launch.W091
sentry_sdk.init(traces_sample_rate=1.0)
