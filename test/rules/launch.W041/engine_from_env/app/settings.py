import os

# The engine comes from the environment (scancode.io's SCANCODEIO_DB_ENGINE), PostgreSQL unless it is set: the
# finding holds when that variable is unset, and says so by name.
# ruleid: launch.W041
DATABASES = {
    "default": {
        "ENGINE": os.environ.get("APP_DB_ENGINE", "django.db.backends.postgresql"),
        "HOST": os.environ.get("APP_DB_HOST", "localhost"),
        "NAME": os.environ.get("APP_DB_NAME", "app"),
    }
}
