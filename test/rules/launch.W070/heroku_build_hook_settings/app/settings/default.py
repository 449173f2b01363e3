import sys

# Needs a local.py: the Heroku build hook (bin/pre_compile) copies local.py-heroku into place.
try:
    from .local import *
except ImportError:
    print("A app/settings/local.py file is required: copy local.py-heroku to local.py")
    sys.exit(1)
