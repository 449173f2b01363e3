"""An AWS Lambda function beside the Django project (i.AI's Consult): `lambda/` is a Python keyword, so the project
cannot import it; its Sentry is the function's own, not the web application's."""
import os

import sentry_sdk

# ok: launch.W091
sentry_sdk.init(dsn=os.environ.get("SENTRY_DSN"), traces_sample_rate=1.0)


def handler(event, context):
    return {"status": "ok"}
