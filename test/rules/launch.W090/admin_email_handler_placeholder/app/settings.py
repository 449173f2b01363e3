"""Production settings (Archivematica's storage service): LOGGING mails ADMINS, which holds only a placeholder."""

# ruleid: launch.W090
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["shop.example.com"]
ADMINS = (("Your Name", "your_email@example.com"),)
LOGGING = {
    "version": 1,
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "mail_admins": {"level": "ERROR", "class": "django.utils.log.AdminEmailHandler"},
    },
    "loggers": {"django.request": {"handlers": ["mail_admins"], "level": "ERROR"}},
}
