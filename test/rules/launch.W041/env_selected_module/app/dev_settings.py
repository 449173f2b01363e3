from utils.shortcuts import get_env

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": get_env("POSTGRES_HOST", "127.0.0.1"),
        "NAME": get_env("POSTGRES_DB", "app"),
    }
}
