import os

# Import fails loudly when the variable is missing: never silently on.
# ok: launch.E010
DEBUG = os.environ["DJANGO_DEBUG"] == "1"
