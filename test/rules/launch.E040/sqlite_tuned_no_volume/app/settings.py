# Tuned, but the container keeps the file on its own disk: every deploy starts from an empty database.
# ruleid: launch.E040
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": "/app/db.sqlite3",
        "OPTIONS": {"transaction_mode": "IMMEDIATE"},
    }
}
