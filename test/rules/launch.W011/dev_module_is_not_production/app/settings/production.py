# ok: launch.W011
DEBUG = False
