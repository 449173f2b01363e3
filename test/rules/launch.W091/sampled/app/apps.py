import sentry_sdk
from django.apps import AppConfig


def sampler(ctx):
    return 0.05


class Config(AppConfig):
    name = "app"

    def ready(self):
        # ok: launch.W091
        sentry_sdk.init(traces_sampler=sampler, traces_sample_rate=None)
        # ruleid: launch.W091
        sentry_sdk.init(enable_tracing=True)
        # ok: launch.W091
        sentry_sdk.init(enable_tracing=True, traces_sample_rate=0.2)
