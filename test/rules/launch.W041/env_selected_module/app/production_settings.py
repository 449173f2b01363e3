from utils.shortcuts import get_env

# the finding points here, where production's database is configured, not at dev_settings.py
# ruleid: launch.W041
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": get_env("POSTGRES_HOST", "db"),
        "NAME": get_env("POSTGRES_DB"),
    }
}
