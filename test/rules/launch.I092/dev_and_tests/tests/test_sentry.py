# ok: launch.I092
DSN = "https://0123456789abcdef0123456789abcdef@o1.ingest.sentry.io/1"
