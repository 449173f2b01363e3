import os

# The test setup's default: an in-memory database nothing could be served from; production sets DB_ENGINE.
# note: launch.E040
DATABASES = {
    "default": {
        "ENGINE": os.environ.get("DB_ENGINE", "django.db.backends.sqlite3"),
        "NAME": os.environ.get("DB_NAME", ":memory:"),
        "USER": os.environ.get("DB_USER", ""),
        "HOST": os.environ.get("DB_HOST", ""),
    },
}
