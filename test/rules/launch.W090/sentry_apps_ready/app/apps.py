import os

from django.apps import AppConfig as BaseConfig


class AppConfig(BaseConfig):
    name = "app"

    def ready(self):
        if os.environ.get("SENTRY_DSN"):
            import sentry_sdk

            sentry_sdk.init(dsn=os.environ["SENTRY_DSN"], traces_sample_rate=0.1)
