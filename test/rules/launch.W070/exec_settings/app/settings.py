import glob
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
INSTALLED_APPS = ["django.contrib.contenttypes", "app"]

# Each deployment drops its own .conf files here (one sets DEFAULT_FILE_STORAGE): the scan cannot read them.
for conf in sorted(glob.glob(os.path.join(os.path.dirname(__file__), "*.conf"))):
    exec(open(conf).read())
