import os

import sentry_sdk

ROOT_URLCONF = "radio_api.urls"
INSTALLED_APPS = ["django.contrib.contenttypes", "radio_plugins.apps.PluginsConfig"]

if os.environ.get("SENTRY_DSN"):
    # ruleid: launch.W091
    sentry_sdk.init(dsn=os.environ["SENTRY_DSN"], enable_tracing=True)
