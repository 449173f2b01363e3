"""Production settings: ADMINS is the template's placeholder, so Django mails its tracebacks to no one."""

# ruleid: launch.W090
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["shop.example.com"]
ADMINS = (("Your Name", "your_email@example.com"),)
MANAGERS = ADMINS
