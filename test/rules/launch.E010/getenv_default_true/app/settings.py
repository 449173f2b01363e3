import os

# ruleid: launch.E010
DEBUG = os.getenv("DJANGO_DEBUG", "True") == "True"
