import os

# A non-empty default string is truthy: on when unset, and on whatever the operator writes.
# ruleid: launch.E010
DEBUG = os.getenv("DJANGO_DEBUG", "yes")
