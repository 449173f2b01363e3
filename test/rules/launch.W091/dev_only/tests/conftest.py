import sentry_sdk

# ok: launch.W091
sentry_sdk.init(traces_sample_rate=1.0)
