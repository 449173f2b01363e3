import sentry_sdk
from radio_common.monitoring import start


def setup_tracing():
    # ruleid: launch.W091
    sentry_sdk.init(traces_sample_rate=1.0)
    start()
