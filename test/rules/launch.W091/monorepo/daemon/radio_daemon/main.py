import os

import sentry_sdk
from radio_shared.tracing import setup_tracing


def run():
    # A queue consumer installed and started on its own: the Django project never imports radio_daemon.
    sentry_sdk.init(
        dsn=os.environ.get("SENTRY_DSN"),
        # ok: launch.W091
        traces_sample_rate=1.0,
    )
    setup_tracing()
