ALLOWED_HOSTS = ["example.com"]
# ruleid: launch.E002
DEBUG = (
