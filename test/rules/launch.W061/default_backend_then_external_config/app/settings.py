# Open edX's registrar: the defaults spelled out, then a YAML file outside the repository updates the module
# (launch.I005 says which settings it may replace). The lines set Django's own defaults: nothing to report there.
import os

import yaml

# ok: launch.W061
DEFAULT_FILE_STORAGE = 'django.core.files.storage.FileSystemStorage'
# ok: launch.W061
STATICFILES_STORAGE = 'django.contrib.staticfiles.storage.StaticFilesStorage'

with open(os.environ['APP_CFG']) as f:
    vars().update(yaml.safe_load(f))
