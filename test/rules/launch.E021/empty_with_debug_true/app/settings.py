# With DEBUG on, Django allows localhost; launch.E010 reports DEBUG itself.
DEBUG = True
# ok: launch.E021
ALLOWED_HOSTS = []
