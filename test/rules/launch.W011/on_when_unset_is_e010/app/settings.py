import os

# Already on with the variable unset: launch.E010 reports it, not this rule.
# ok: launch.W011
DEBUG = bool(os.getenv("DJANGO_DEBUG", "True"))
