# ok: launch.E010
DEBUG = False
