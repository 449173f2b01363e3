# A backend of its own, then an external config that may replace it: the repository still sets a deprecated
# setting to a backend Django 5.1 would drop, so the line is reported.
import os

import yaml

# ruleid: launch.W061
STATICFILES_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"

with open(os.environ['APP_CFG']) as f:
    vars().update(yaml.safe_load(f))
