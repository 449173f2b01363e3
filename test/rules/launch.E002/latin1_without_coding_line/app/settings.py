ALLOWED_HOSTS = ["example.com"]
# ruleid: launch.E002
SITE_NAME = "Café"
DEBUG = True
