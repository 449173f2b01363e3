import sentry_sdk


def start():
    # ruleid: launch.W091
    sentry_sdk.init(traces_sample_rate=1.0)
