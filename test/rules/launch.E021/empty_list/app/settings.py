DEBUG = False
# ruleid: launch.E021
ALLOWED_HOSTS = []
