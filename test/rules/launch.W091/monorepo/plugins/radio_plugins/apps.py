import sentry_sdk
from django.apps import AppConfig


class PluginsConfig(AppConfig):
    name = "radio_plugins"

    def ready(self):
        # ruleid: launch.W091
        sentry_sdk.init(traces_sample_rate=1.0)
