# Shared settings of the intranet, saved by an old editor in Latin-1 and never declared as such.
# expect: launch.E002
SITE_NAME = "Intranet du siège"
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth"]
ROOT_URLCONF = "intranet.urls"
