INSTALLED_APPS = ["django.contrib.staticfiles"]
# ok: launch.E010
DEBUG = False
