# Overridden below in production.py: the final value is what counts.
# ok: launch.E010
DEBUG = True
