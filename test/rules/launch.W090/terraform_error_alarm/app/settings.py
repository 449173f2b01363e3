# ok: launch.W090
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
INSTALLED_APPS = ["app"]
# errors go to the console; CloudWatch counts them and an alarm tells the team (infra/alarms.tf)
