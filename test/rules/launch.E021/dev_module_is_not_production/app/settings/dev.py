# ok: launch.E021
DEBUG = False
# ok: launch.E021
ALLOWED_HOSTS = []
