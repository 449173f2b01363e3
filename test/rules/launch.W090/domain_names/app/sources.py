"""A table of websites the app knows about (vulnerablecode's weight table): domains, not agent modules."""

WEIGHTS = {
    "newrelic.com": 1,
    "datadoghq.com": 2,
    "rollbar.com": 3,
    "bugsnag.com": 4,
}
