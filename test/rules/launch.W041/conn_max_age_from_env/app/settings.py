import os

# CONN_MAX_AGE reads DB_CONN_MAX_AGE (default 0): the message names that variable, not DB_NAME or DB_HOST.
# ruleid: launch.W041
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("DB_NAME", "app"),
        "HOST": os.environ.get("DB_HOST", "localhost"),
        "CONN_MAX_AGE": int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    }
}
