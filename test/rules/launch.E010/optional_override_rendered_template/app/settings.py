import os

# The repository's Puppet module renders local_settings.py from deploy/puppet/templates/local_settings.py.erb
# (Zeus): production imports that, so what the template sets is what production runs.
SECRET_KEY = os.environ.get("SECRET_KEY", "insecure-development-key")
# DEBUG is then what the template renders, unknown: not checked, said at the template
# ok: launch.E010
DEBUG = True
ALLOWED_HOSTS = ["example.com"]

try:
    from local_settings import *  # noqa: F403
except ImportError:
    pass
