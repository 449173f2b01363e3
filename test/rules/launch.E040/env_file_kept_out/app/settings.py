import os

SECRET_KEY = os.environ.get("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
# .env.prod is kept out of the repository; its sample, which the operator copies, chooses PostgreSQL.
DATABASES = {
    "default": {
        # ok: launch.E040
        "ENGINE": os.environ.get("SQL_ENGINE", "django.db.backends.sqlite3"),
        "NAME": os.environ.get("SQL_DATABASE", "db.sqlite3"),
        "HOST": os.environ.get("SQL_HOST", "localhost"),
    }
}
