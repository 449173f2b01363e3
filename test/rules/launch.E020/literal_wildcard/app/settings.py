DEBUG = False
# ruleid: launch.E020
ALLOWED_HOSTS = ["*"]
