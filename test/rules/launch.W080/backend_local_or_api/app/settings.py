import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "app"]
ROOT_URLCONF = "app.urls"
# development writes mail to a folder or the console; production posts it to GOV.UK Notify's API
# (django-gov-notify): none of the three talks to an SMTP server
EMAIL_BACKEND_TYPE = os.environ["EMAIL_BACKEND_TYPE"]
if EMAIL_BACKEND_TYPE == "FILE":
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = "/tmp/mail"
elif EMAIL_BACKEND_TYPE == "CONSOLE":
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
elif EMAIL_BACKEND_TYPE == "GOVUKNOTIFY":
    EMAIL_BACKEND = "django_gov_notify.backends.NotifyEmailBackend"
else:
    raise ValueError("unknown EMAIL_BACKEND_TYPE")
