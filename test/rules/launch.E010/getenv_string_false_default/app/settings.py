import os

# The default is the string "False", which is truthy: DEBUG is on when the variable is unset.
# ruleid: launch.E010
DEBUG = os.getenv("DJANGO_DEBUG", "False")
