import sentry_sdk


def post_fork(server, worker):
    # ruleid: launch.W091
    sentry_sdk.init(traces_sample_rate=1.0)
